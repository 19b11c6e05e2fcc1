/**
 * The dossier as a Word document: real headings, the sources and matrix as tables, quotes in a
 * "Quote" paragraph style with their citation as a footnote, notes as rich text, and page numbers
 * in the footer. Each quote links to its source's row (a bookmark).
 *
 * Two halves: the `docx` package makes the frame (styles, numbering, footer, settings, properties,
 * relationships) from a one-paragraph document, and the parts that grow with the dossier — the
 * body and the footnotes — are written as WordprocessingML strings (./wordml.ts) into that frame.
 * Building them through the package's object model took ~5 s for 10,000 claims (issue 6's budget
 * is 5 s); written directly they take a fraction of a second.
 */
import JSZip from 'jszip';
import { AlignmentType, BorderStyle, Document, FootnoteReferenceRun, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { Dossier, DossierClaim, FindingSection } from '../../../shared/dossier';
import type { RichBlock, RichInline } from '../../../shared/richtext';
import { capitalize, fill, formatDay, memoByline, memoTitle } from './labels';
import { attributeText, safeBlocks, viewOf, type DossierView } from './view';
import * as W from './wordml';
import { zipFiles } from './zip';
import { docxFigureParts, docxFigureRelationships, docxGraphParagraphs, docxTimelineParagraphs, withPngType, type DocxFigures } from './figures';
import { assessmentDocx } from '../hypotheses/dossier';

const ACCENT = '1F4E79';
const MUTED = '5D6673';
const DOCUMENT = 'word/document.xml';
const FOOTNOTES = 'word/footnotes.xml';
const RELS = 'word/_rels/document.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** What the body needs from the frame, and what it adds to it (footnotes, hyperlink targets). */
class Body {
  readonly parts: string[] = [];
  readonly footnotes: string[] = [];
  private readonly hrefs = new Map<string, string>();

  constructor(readonly bulletNumId: string) {}

  add(...xml: string[]): void {
    for (const x of xml) this.parts.push(x);
  }

  footnote(text: string): number {
    const id = this.footnotes.length + 1;
    this.footnotes.push(W.footnote(id, text));
    return id;
  }

  /** The relationship id of an external link target (one per distinct URL). */
  href(url: string): string {
    let id = this.hrefs.get(url);
    if (!id) {
      id = `rIdLink${this.hrefs.size + 1}`;
      this.hrefs.set(url, id);
    }
    return id;
  }

  relationships(): string {
    return [...this.hrefs].map(([url, id]) => `<Relationship Id="${id}" Type="${HYPERLINK}" Target="${W.xmlText(url)}" TargetMode="External"/>`).join('');
  }

  bullet(level: number) {
    return { numId: this.bulletNumId, level };
  }
}

/** `figures`: the claim graph and the timeline, rasterized beforehand (DOCX holds no SVG). */
export async function renderDocx(d: Dossier, figures: DocxFigures = {}): Promise<Buffer> {
  const v = viewOf(d);
  const zip = await JSZip.loadAsync(await frame(d));
  const files = Object.values(zip.files).filter((f) => !f.dir);
  const parts = new Map(await Promise.all(files.map(async (f) => [f.name, await f.async('nodebuffer')] as const)));
  const text = (name: string) => {
    const data = parts.get(name);
    if (!data) throw new Error(`The DOCX frame from the docx package has no ${name}.`);
    return data.toString('utf8');
  };
  const documentXml = text(DOCUMENT);
  const footnotesXml = text(FOOTNOTES);
  const relsXml = text(RELS);
  const media = docxFigureParts(figures);
  const body = new Body(/<w:numId w:val="(\d+)"\/>/.exec(documentXml)?.[1] ?? '1');
  cover(v, body);
  memos(v, body);
  sources(v, body);
  findings(v, body);
  crossSource(v, body, figures);
  if (figures.graph) body.add(...docxGraphParagraphs(d, v.l, figures.graph));
  matrix(v, body);
  assessmentDocx(d, v.l, (...parts) => body.add(...parts));
  const filled = new Map([
    [DOCUMENT, replace(documentXml, documentXml.indexOf('<w:body>'), documentXml.lastIndexOf('<w:sectPr'), `<w:body>${body.parts.join('')}`)],
    [FOOTNOTES, replace(footnotesXml, footnotesXml.indexOf('<w:footnote w:id="1">'), footnotesXml.lastIndexOf('</w:footnotes>'), body.footnotes.join(''))],
    [RELS, replace(relsXml, relsXml.lastIndexOf('</Relationships>'), relsXml.lastIndexOf('</Relationships>'), body.relationships() + docxFigureRelationships(figures))],
    ...(media.length ? [[CONTENT_TYPES, withPngType(text(CONTENT_TYPES))] as const] : []),
  ]);
  const entries = files.map((f) => ({ name: f.name, data: filled.has(f.name) ? Buffer.from(filled.get(f.name)!, 'utf8') : parts.get(f.name)! }));
  entries.push(...media);
  return zipFiles(entries, new Date(d.generatedAt));
}

/** `xml` with the characters from `start` to `end` replaced by `content`. */
function replace(xml: string, start: number, end: number, content: string): string {
  // The frame is our own (see frame()); a part without its markers means the package changed.
  if (start < 0 || end < start) throw new Error('The DOCX frame from the docx package is not laid out as expected.');
  return xml.slice(0, start) + content + xml.slice(end);
}

/**
 * The frame: the document's properties, styles (Quote, Citation), the footer with page numbers,
 * and placeholders that make the package write a bullet numbering and a footnotes part (their
 * content is replaced).
 */
function frame(d: Dossier): Promise<Buffer> {
  const doc = new Document({
    creator: W.xmlSafe(d.cover.analyst || d.generator),
    title: W.xmlSafe(d.cover.title),
    description: W.xmlSafe(d.generator),
    styles: {
      default: { document: { run: { font: 'Georgia', size: 21 } } },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, size: 22, color: '1D232B' },
          paragraph: {
            indent: { left: 400 },
            spacing: { before: 160, after: 60 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: ACCENT, space: 10 } },
          },
        },
        { id: 'Citation', name: 'Citation', basedOn: 'Normal', next: 'Normal', run: { size: 17, color: MUTED, font: 'Arial' }, paragraph: { spacing: { after: 80 } } },
      ],
    },
    footnotes: { 1: { children: [new Paragraph('')] } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16, color: MUTED })] })],
          }),
        },
        children: [new Paragraph({ bullet: { level: 0 }, children: [new FootnoteReferenceRun(1)] })],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function memos(v: DossierView, body: Body): void {
  const { d, l } = v;
  if (d.memos.length === 0) return;
  body.add(W.paragraph(W.run(l.memos), { style: 'Heading1' }));
  for (const m of d.memos) {
    body.add(W.paragraph(W.run(memoTitle(m, l)), { style: 'Heading2' }), W.paragraph(W.run(memoByline(m, l), { italics: true, color: MUTED })));
    richParagraphs(body, safeBlocks(m.body.blocks));
  }
}

function cover(v: DossierView, body: Body): void {
  const { d, l } = v;
  const s = d.scope;
  const scope = v.scope;
  const fact = (label: string, value: string) => W.paragraph(W.run(`${label}: `, { bold: true, color: MUTED }) + W.run(value || '—'));
  body.add(
    W.paragraph(W.run(l.dossier.toUpperCase(), { color: MUTED, size: 18 })),
    W.paragraph(W.run(d.cover.title), { style: 'Title' }),
    fact(l.preparedBy, d.cover.analyst),
    fact(l.date, formatDay(d.cover.date, l)),
    fact(l.project, d.cover.project),
    fact(l.scope, scope.join(' · ')),
    fact(l.scopeTags, [...s.tags, ...(s.untagged ? [l.untagged] : [])].join(', ')),
    W.paragraph(W.run(l.summary), { style: 'Heading1' }),
  );
  if (d.cover.summary) richParagraphs(body, safeBlocks(d.cover.summary.blocks));
  else body.add(W.paragraph(W.run(l.noSummary, { italics: true, color: MUTED })));
}

const headerCell = (text: string) => W.cell(W.paragraph(W.run(text, { bold: true, size: 17 })), 'E8ECF2');
const bodyCell = (runs: string, right = false) => W.cell(W.paragraph(runs, { align: right ? 'right' : 'left' }));
const small = (text: string, bold = false) => W.run(text, { bold, size: 17 });

function sources(v: DossierView, body: Body): void {
  const { d, l } = v;
  const withAttributes = d.sources.some((s) => s.attributes.length > 0);
  const heads = [l.colNumber, l.colTitle, l.colOutlet, l.colAuthor, l.colDate, l.colLanguage, l.colWords, l.colClaims, ...(withAttributes ? [l.colAttributes] : []), l.colHash];
  const rows = d.sources.map((s) =>
    W.row(
      [
        bodyCell(small(String(s.number)), true),
        bodyCell(W.bookmark(s.number, `src_${s.number}`, small(s.title, true))),
        bodyCell(small(s.outlet)),
        bodyCell(small(s.author)),
        bodyCell(small(formatDay(s.date, l))),
        bodyCell(small(s.language)),
        bodyCell(small(String(s.words)), true),
        bodyCell(small(String(s.claims)), true),
        ...(withAttributes ? [bodyCell(small(attributeText(s)))] : []),
        bodyCell(W.run(s.hash, { size: 12, color: MUTED })),
      ],
      { cantSplit: true },
    ),
  );
  body.add(W.paragraph(W.run(l.sources), { style: 'Heading1', pageBreakBefore: true }), W.table([W.row(heads.map(headerCell), { header: true }), ...rows], heads.length));
}

function findings(v: DossierView, body: Body): void {
  body.add(W.paragraph(W.run(v.l.findings), { style: 'Heading1', pageBreakBefore: true }));
  for (const f of v.d.findings) {
    const claims = f.claimIds.map((id) => v.claim(id)).filter((c): c is DossierClaim => c !== undefined);
    body.add(W.paragraph(W.run(`${f.tag?.path ?? f.tag?.name ?? v.l.untagged} (${claims.length})`), { style: 'Heading2' }));
    if (f.tag?.definition) body.add(W.paragraph(W.run(f.tag.definition, { italics: true, color: MUTED })));
    if (claims.length === 0) body.add(W.paragraph(W.run(v.l.noClaims, { italics: true, color: MUTED })));
    for (const c of claims) claim(v, c, f, body);
  }
}

function claim(v: DossierView, c: DossierClaim, f: FindingSection, body: Body): void {
  const { l } = v;
  const source = v.source(c.citation.sourceId);
  // The citation names the outlet; the document's title follows when it says something more.
  const id = body.footnote(c.citation.outlet ? `${v.cite(c)}. ${c.citation.title}.` : `${v.cite(c)}.`);
  const quote = W.run(`«${c.quote}»`);
  const others = c.tags.filter((t) => t !== f.tag?.name);
  body.add(
    W.paragraph((source ? W.internalLink(`src_${source.number}`, quote) : quote) + W.footnoteReference(id), { style: 'Quote' }),
    W.paragraph(W.run(`${l.claim} ${c.number}`, { bold: true }) + W.run(` · ${v.cite(c)}${c.grade ? ` · ${l.grade} ${c.grade}` : ''}`) + (others.length ? W.run(` · ${l.otherTags}: ${others.join(', ')}`) : ''), { style: 'Citation' }),
  );
  if (c.note) {
    body.add(W.paragraph(W.run(`${l.note}:`, { bold: true, color: MUTED, size: 17 })));
    richParagraphs(body, safeBlocks(c.note.blocks));
  }
  for (const k of c.links) {
    body.add(
      W.paragraph(W.run(`${capitalize(k.relation)}: `, { bold: true, size: 19 }) + W.run(`${v.cite(k)} — «${k.quote}»${k.note ? ` (${k.note})` : ''}`, { size: 19 }), {
        style: 'ListParagraph',
        bullet: body.bullet(0),
      }),
    );
  }
}

function crossSource(v: DossierView, body: Body, figures: DocxFigures): void {
  const { d, l } = v;
  body.add(W.paragraph(W.run(l.crossSource), { style: 'Heading1', pageBreakBefore: true }));
  if (figures.timeline) body.add(...docxTimelineParagraphs(l, figures.timeline));
  if (d.groups.length === 0) body.add(W.paragraph(W.run(l.noGroups, { italics: true, color: MUTED })));
  const names = (ids: readonly string[]) =>
    [...new Set(ids)]
      .map((id) => v.source(id))
      .filter((s) => s !== undefined)
      .map((s) => v.sourceName(s))
      .join(', ');
  const item = (id: string, mark: string) => {
    const c = v.claim(id);
    if (c) body.add(W.paragraph(W.run(`${mark}«${c.quote}» `) + W.run(v.cite(c), { color: MUTED, size: 17 }), { style: 'ListParagraph', bullet: body.bullet(0) }));
  };
  for (const g of d.groups) {
    const heading = g.title ? `${fill(l.cluster, { n: g.number })}: ${g.title}` : fill(l.group, { n: g.number });
    const supporters = (g.linked ?? []).filter((x) => x.kind === 'supports' && x.toMember).map((x) => x.sourceId);
    body.add(W.paragraph(W.run(heading), { style: 'Heading3' }));
    body.add(W.paragraph(W.run(`${l.agree}: `, { bold: true, color: '1E6B45' }) + W.run(names(g.agreeingSourceIds))));
    if (supporters.length) body.add(W.paragraph(W.run(`${l.supportSources}: `, { bold: true, color: '1E6B45' }) + W.run(names(supporters))));
    if (g.contradicting.length) body.add(W.paragraph(W.run(`${l.contradict}: `, { bold: true, color: 'A4262C' }) + W.run(names(g.contradicting.map((x) => x.sourceId)))));
    for (const id of g.claimIds) item(id, '');
    for (const x of g.linked ?? []) item(x.claimId, `+ ${l.relations[x.kind]![x.toMember ? 0 : 1]}: `);
    for (const x of g.contradicting) item(x.claimId, '✕ ');
  }
}

function matrix(v: DossierView, body: Body): void {
  const { d, l } = v;
  const names = d.matrix.sourceIds.map((id) => v.source(id)).map((s) => (s ? v.sourceName(s) : ''));
  const heads = [l.colTag, ...names, l.total];
  const rows = d.matrix.rows.map((r) => W.row([bodyCell(small(r.tag ?? l.untagged)), ...r.counts.map((n) => bodyCell(small(String(n)), true)), bodyCell(small(String(r.total), true), true)]));
  const foot = W.row([bodyCell(small(l.allClaims, true)), ...d.matrix.totals.map((n) => bodyCell(small(String(n)), true)), bodyCell(small(String(d.matrix.total), true), true)]);
  body.add(W.paragraph(W.run(l.matrix), { style: 'Heading1' }), W.table([W.row(heads.map(headerCell), { header: true }), ...rows, foot], heads.length));
}

/** Rich text (links already re-checked) as Word paragraphs. */
function richParagraphs(body: Body, blocks: readonly RichBlock[], level = 0): void {
  for (const b of blocks) {
    switch (b.kind) {
      case 'paragraph':
        body.add(W.paragraph(inlines(body, b.inlines)));
        break;
      case 'heading':
        body.add(W.paragraph(inlines(body, b.inlines, true)));
        break;
      case 'quote':
        body.add(W.paragraph(inlines(body, b.inlines), { style: 'Quote' }));
        break;
      case 'list':
        b.items.forEach((it, i) => {
          body.add(
            b.ordered
              ? W.paragraph(W.run(`${i + 1}. `) + inlines(body, it.inlines), { indent: { left: 360 * (level + 1), hanging: 280 } })
              : W.paragraph(inlines(body, it.inlines), { style: 'ListParagraph', bullet: body.bullet(Math.min(level, 8)) }),
          );
          richParagraphs(body, it.children, level + 1);
        });
        break;
    }
  }
}

function inlines(body: Body, xs: readonly RichInline[], bold = false): string {
  return xs
    .map((i) => {
      if (i.kind === 'break') return W.lineBreak;
      if (i.kind === 'link') {
        if (!i.href) return W.run(i.children.map((r) => r.text).join(''), { bold });
        return W.externalLink(body.href(i.href), i.children.map((r) => W.run(r.text, { style: 'Hyperlink', bold: bold || r.bold, italics: r.italic })).join(''));
      }
      return W.run(i.text, { bold: bold || i.bold, italics: i.italic, underline: i.underline, strike: i.strike, font: i.code ? 'Courier New' : undefined });
    })
    .join('');
}
