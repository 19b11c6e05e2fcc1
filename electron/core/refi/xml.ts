/** Writing XML text: escaping, and elements built from attributes and children. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Characters XML 1.0 cannot carry at all (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex -- the control characters are the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeText(s: string): string {
  return s.replace(NOT_XML, '\ufffd').replace(/[&<>]/g, (c) => ESCAPES[c]!);
}

export function escapeAttr(s: string): string {
  return s.replace(NOT_XML, '\ufffd').replace(/[&<>"\n\r\t]/g, (c) => ESCAPES[c]!);
}

export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** `<name a="…">children</name>`, or `<name a="…"/>` without children; null and undefined attributes are left out. */
export function el(name: string, attrs: Attrs, children: readonly string[] = []): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
  return children.length ? `<${name}${a}>${children.join('')}</${name}>` : `<${name}${a}/>`;
}

/** An element holding text only. */
export function textEl(name: string, text: string): string {
  return `<${name}>${escapeText(text)}</${name}>`;
}
