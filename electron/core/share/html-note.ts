/**
 * Notes arriving in a colleague's file as text/html or text/plain become Lexical editor states
 * here. The HTML is untrusted: it is only parsed (htmlparser2 runs and fetches nothing), and only
 * a closed set of structure survives — paragraphs, line breaks, bold/italic/underline/strike/code,
 * lists and links whose target is http(s) or mailto. Everything else is reduced to its text;
 * scripts, styles and other non-text elements are dropped with their content.
 *
 * The note editor (renderer/notes/NoteEditor.tsx) knows paragraphs, lists and links only, so
 * headings become bold paragraphs and block quotes plain paragraphs: a state it could not load
 * would lose the whole note.
 */
import { parseDocument } from 'htmlparser2';
import { safeHref } from '../../../shared/richtext';
import { noteText } from '../notes/lexical';

type HtmlDocument = ReturnType<typeof parseDocument>;
type HtmlNode = HtmlDocument['children'][number];

const FORMAT = { bold: 1, italic: 2, strike: 4, underline: 8, code: 16 } as const;
const FORMAT_TAGS: Record<string, number> = {
  b: FORMAT.bold,
  strong: FORMAT.bold,
  i: FORMAT.italic,
  em: FORMAT.italic,
  u: FORMAT.underline,
  ins: FORMAT.underline,
  s: FORMAT.strike,
  strike: FORMAT.strike,
  del: FORMAT.strike,
  code: FORMAT.code,
  kbd: FORMAT.code,
  samp: FORMAT.code,
};
const DROPPED = new Set(['script', 'style', 'head', 'title', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'noscript', 'select', 'textarea', 'button']);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'pre', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'address', 'details', 'summary', 'hr', 'body', 'html',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
/** Deeper markup is not walked: a hostile note cannot exhaust the stack. */
const MAX_DEPTH = 64;

interface LexText {
  type: 'text';
  text: string;
  format: number;
  detail: 0;
  mode: 'normal';
  style: '';
  version: 1;
}
type LexInline = LexText | { type: 'linebreak'; version: 1 } | LexLink;
interface LexLink {
  type: 'link';
  url: string;
  rel: 'noopener noreferrer';
  target: null;
  title: null;
  children: LexText[];
  direction: null;
  format: '';
  indent: 0;
  version: 1;
}
interface LexElement {
  type: string;
  children: unknown[];
  direction: null;
  format: '';
  indent: 0;
  version: 1;
  [extra: string]: unknown;
}

const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}): LexElement => ({
  type,
  children,
  direction: null,
  format: '',
  indent: 0,
  version: 1,
  ...extra,
});
const textNode = (text: string, format: number): LexText => ({ type: 'text', text, format, detail: 0, mode: 'normal', style: '', version: 1 });
const paragraph = (children: LexInline[]) => element('paragraph', children, { textFormat: 0, textStyle: '' });

function isElement(n: HtmlNode): n is Extract<HtmlNode, { name: string; children: HtmlNode[] }> {
  return 'name' in n && 'children' in n;
}

/** Collects inlines into paragraphs; a block boundary closes the current one. */
class Blocks {
  readonly out: unknown[] = [];
  private inlines: LexInline[] = [];

  add(inline: LexInline): void {
    if (inline.type === 'text') {
      const last = this.inlines[this.inlines.length - 1];
      if (last?.type === 'text' && last.format === inline.format) {
        last.text += inline.text;
        return;
      }
    }
    this.inlines.push(inline);
  }

  close(): void {
    const trimmed = trimInlines(this.inlines);
    this.inlines = [];
    if (trimmed.length > 0) this.out.push(paragraph(trimmed));
  }

  push(block: unknown): void {
    this.close();
    this.out.push(block);
  }
}

/** Drops whitespace-only runs at either end of a paragraph and trims the outer text. */
function trimInlines(inlines: LexInline[]): LexInline[] {
  const list = [...inlines];
  while (list.length > 0 && list[0]!.type === 'text' && (list[0] as LexText).text.trim() === '') list.shift();
  while (list.length > 0 && list[list.length - 1]!.type !== 'link' && (list[list.length - 1]!.type === 'linebreak' || (list[list.length - 1] as LexText).text.trim() === '')) list.pop();
  const first = list[0];
  if (first?.type === 'text') list[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  const last = list[list.length - 1];
  if (last?.type === 'text') list[list.length - 1] = { ...last, text: last.text.replace(/\s+$/, '') };
  return list;
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}

function walk(nodes: readonly HtmlNode[], sink: Blocks, format: number, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = collapse((node as { data: string }).data);
      if (text) sink.add(textNode(text, format));
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.name.toLowerCase();
    if (DROPPED.has(tag)) continue;
    if (tag === 'br') {
      sink.add({ type: 'linebreak', version: 1 });
    } else if (tag === 'ul' || tag === 'ol') {
      sink.push(list(node.children, tag === 'ol', format, depth + 1));
    } else if (tag === 'a') {
      const href = safeHref(node.attribs.href);
      const inner = new Blocks();
      walk(node.children, inner, format, depth + 1);
      inner.close();
      const runs = inner.out.flatMap((p) => ((p as LexElement).children as LexInline[]).filter((i): i is LexText => i.type === 'text'));
      if (href && runs.length > 0) sink.add({ ...(element('link', runs) as unknown as LexLink), url: href, rel: 'noopener noreferrer', target: null, title: null });
      else for (const r of runs) sink.add(r);
    } else if (BLOCKS.has(tag) || tag === 'li') {
      sink.close();
      walk(node.children, sink, /^h[1-6]$/.test(tag) ? format | FORMAT.bold : format, depth + 1);
      sink.close();
    } else {
      walk(node.children, sink, format | (FORMAT_TAGS[tag] ?? 0), depth + 1);
    }
  }
}

function list(items: readonly HtmlNode[], ordered: boolean, format: number, depth: number): LexElement {
  const children: LexElement[] = [];
  let value = 1;
  for (const item of items) {
    if (!isElement(item) || depth > MAX_DEPTH) continue;
    const sink = new Blocks();
    const nested: LexElement[] = [];
    const direct = item.name.toLowerCase() === 'li' ? item.children : [item];
    for (const child of direct) {
      if (isElement(child) && (child.name === 'ul' || child.name === 'ol')) nested.push(list(child.children, child.name === 'ol', format, depth + 1));
      else walk([child], sink, format, depth + 1);
    }
    sink.close();
    const inlines = sink.out.flatMap((p, i) => (i > 0 ? [{ type: 'linebreak', version: 1 }, ...(p as LexElement).children] : (p as LexElement).children));
    if (inlines.length > 0) children.push(element('listitem', inlines, { value: value++ }));
    // Lexical keeps a nested list in a list item of its own.
    for (const n of nested) children.push(element('listitem', [n], { value: value++ }));
  }
  return element('list', children, { listType: ordered ? 'number' : 'bullet', start: 1, tag: ordered ? 'ol' : 'ul' });
}

function state(blocks: unknown[]): string {
  return JSON.stringify({ root: element('root', blocks.length > 0 ? blocks : [paragraph([])]) });
}

/** A Lexical state for an HTML note (sanitized as described above) and its plain text. */
export function noteFromHtml(html: string): { json: string; text: string } {
  const sink = new Blocks();
  walk(parseDocument(html, { decodeEntities: true }).children, sink, 0, 0);
  sink.close();
  const json = state(sink.out);
  return { json, text: noteText(json) };
}

/** A Lexical state for a plain-text note: one paragraph per line. */
export function noteFromPlain(text: string): { json: string; text: string } {
  const blocks = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => paragraph([textNode(line, 0)]));
  const json = state(blocks);
  return { json, text: noteText(json) };
}
