/**
 * WordprocessingML written as strings, for the body and footnotes of the dossier's DOCX. The
 * `docx` package builds an object per run and property and serializes them through a generic XML
 * writer: for a 10,000-claim dossier that took ~4 s and most of the memory churn, so the parts
 * that grow with the dossier are written here directly (the frame — styles, numbering, footer,
 * settings — still comes from the package; see docx.ts). Element order inside w:pPr and w:rPr
 * follows the schema (CT_PPr, CT_RPr sequences), which Word enforces.
 */

/** Characters XML 1.0 cannot hold (controls, lone surrogates) would make Word refuse the file. */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text without the characters XML cannot hold. */
export function xmlSafe(s: string): string {
  return s.replace(INVALID, '');
}

/** Text as XML character data or attribute value: markup escaped, characters XML cannot hold dropped. */
export function xmlText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface RunStyle {
  bold?: boolean | undefined;
  italics?: boolean | undefined;
  underline?: boolean | undefined;
  strike?: boolean | undefined;
  /** RRGGBB */
  color?: string | undefined;
  /** Half-points. */
  size?: number | undefined;
  font?: string | undefined;
  /** A character style id (Hyperlink, FootnoteReference). */
  style?: string | undefined;
}

function runProps(o: RunStyle): string {
  let p = '';
  if (o.style) p += `<w:rStyle w:val="${o.style}"/>`;
  if (o.font) p += `<w:rFonts w:ascii="${o.font}" w:cs="${o.font}" w:eastAsia="${o.font}" w:hAnsi="${o.font}"/>`;
  if (o.bold) p += '<w:b/><w:bCs/>';
  if (o.italics) p += '<w:i/><w:iCs/>';
  if (o.strike) p += '<w:strike/>';
  if (o.color) p += `<w:color w:val="${o.color}"/>`;
  if (o.size) p += `<w:sz w:val="${o.size}"/><w:szCs w:val="${o.size}"/>`;
  if (o.underline) p += '<w:u w:val="single"/>';
  return p ? `<w:rPr>${p}</w:rPr>` : '';
}

/** A run of text. */
export function run(text: string, o: RunStyle = {}): string {
  return `<w:r>${runProps(o)}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

/** A line break inside a paragraph. */
export const lineBreak = '<w:r><w:br/></w:r>';

export function footnoteReference(id: number): string {
  return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
}

/** Runs that jump to a bookmark in the document. */
export function internalLink(anchor: string, runs: string): string {
  return `<w:hyperlink w:history="1" w:anchor="${xmlText(anchor)}">${runs}</w:hyperlink>`;
}

/** Runs that open a URL; `relId` names its relationship in document.xml.rels. */
export function externalLink(relId: string, runs: string): string {
  return `<w:hyperlink w:history="1" r:id="${relId}">${runs}</w:hyperlink>`;
}

export function bookmark(id: number, name: string, runs: string): string {
  return `<w:bookmarkStart w:name="${xmlText(name)}" w:id="${id}"/>${runs}<w:bookmarkEnd w:id="${id}"/>`;
}

export interface ParagraphStyle {
  /** A paragraph style id (Title, Heading1, Quote, Citation, ListParagraph). */
  style?: string | undefined;
  pageBreakBefore?: boolean | undefined;
  /** A bulleted list item: the numbering instance and the level. */
  bullet?: { numId: string; level: number } | undefined;
  /** Left indent and hanging first line, in twips. */
  indent?: { left: number; hanging: number } | undefined;
  align?: 'left' | 'right' | 'center' | undefined;
}

export function paragraph(content: string, o: ParagraphStyle = {}): string {
  let p = '';
  if (o.style) p += `<w:pStyle w:val="${o.style}"/>`;
  if (o.pageBreakBefore) p += '<w:pageBreakBefore/>';
  if (o.bullet) p += `<w:numPr><w:ilvl w:val="${o.bullet.level}"/><w:numId w:val="${o.bullet.numId}"/></w:numPr>`;
  if (o.indent) p += `<w:ind w:left="${o.indent.left}" w:hanging="${o.indent.hanging}"/>`;
  if (o.align) p += `<w:jc w:val="${o.align}"/>`;
  return `<w:p>${p ? `<w:pPr>${p}</w:pPr>` : ''}${content}</w:p>`;
}

export function cell(paragraphs: string, shading?: string): string {
  return `<w:tc>${shading ? `<w:tcPr><w:shd w:fill="${shading}" w:color="auto" w:val="clear"/></w:tcPr>` : ''}${paragraphs}</w:tc>`;
}

export function row(cells: readonly string[], o: { header?: boolean; cantSplit?: boolean } = {}): string {
  const props = o.header ? '<w:trPr><w:tblHeader/></w:trPr>' : o.cantSplit ? '<w:trPr><w:cantSplit/></w:trPr>' : '';
  return `<w:tr>${props}${cells.join('')}</w:tr>`;
}

/** Text width of an A4 portrait page with 1-inch margins (the frame's section), in twips. */
const TEXT_WIDTH = 11906 - 1440 - 1440;
const BORDER = 'w:val="single" w:color="auto" w:sz="4"';

/** A full-width table with single borders and equal grid columns (Word rebalances them to the content). */
export function table(rows: readonly string[], columns: number): string {
  const col = `<w:gridCol w:w="${Math.round(TEXT_WIDTH / Math.max(columns, 1))}"/>`;
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/>` +
    `<w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders></w:tblPr><w:tblGrid>${col.repeat(columns)}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

/** One footnote of footnotes.xml, its text after the reference mark. */
export function footnote(id: number, text: string): string {
  return `<w:footnote w:id="${id}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${run(text)}</w:p></w:footnote>`;
}
