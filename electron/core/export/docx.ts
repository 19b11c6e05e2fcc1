/**
 * The dossier as a Word document (the `docx` package): real headings, the sources and matrix as
 * tables, quotes in a "Quote" paragraph style with their citation as a footnote, notes as rich
 * text, and page numbers in the footer. Each quote links to its source's row (a bookmark).
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Footer,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Dossier, DossierClaim, FindingSection } from '../../../shared/dossier';
import type { RichBlock, RichInline } from '../../../shared/richtext';
import { capitalize, fill, formatDay } from './labels';
import { safeBlocks, viewOf, type DossierView } from './view';

interface Footnotes {
  map: Record<number, { children: Paragraph[] }>;
  count: number;
}

const ACCENT = '1F4E79';
const MUTED = '5D6673';

/** Characters XML 1.0 cannot hold (controls, lone surrogates) would make Word refuse the file. */
// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
const run = (text: string, opts: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) => new TextRun({ text: clean(text), ...opts });

export async function renderDocx(d: Dossier): Promise<Buffer> {
  const v = viewOf(d);
  const footnotes: Footnotes = { map: {}, count: 0 };
  const body = [...cover(v), ...sources(v), ...findings(v, footnotes), ...crossSource(v), ...matrix(v)];
  const doc = new Document({
    creator: clean(d.cover.analyst || d.generator),
    title: clean(d.cover.title),
    description: clean(d.generator),
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
    footnotes: footnotes.map,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16, color: MUTED })] })],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function cover(v: DossierView): (Paragraph | Table)[] {
  const { d, l } = v;
  const s = d.scope;
  const scope = [
    fill(l.scopeSources, { n: s.sources }),
    s.dateFrom ? fill(l.scopeDates, { from: formatDay(s.dateFrom, l), to: formatDay(s.dateTo, l) }) : '',
    s.undated > 0 ? fill(l.scopeUndated, { n: s.undated }) : '',
    fill(l.scopeClaims, { n: s.claims, links: s.links }),
  ].filter(Boolean);
  const fact = (label: string, value: string) => new Paragraph({ children: [run(`${label}: `, { bold: true, color: MUTED }), run(value || '—')] });
  return [
    new Paragraph({ children: [run(l.dossier.toUpperCase(), { color: MUTED, size: 18 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(d.cover.title)] }),
    fact(l.preparedBy, d.cover.analyst),
    fact(l.date, formatDay(d.cover.date, l)),
    fact(l.project, d.cover.project),
    fact(l.scope, scope.join(' · ')),
    fact(l.scopeTags, [...s.tags, ...(s.untagged ? [l.untagged] : [])].join(', ')),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(l.summary)] }),
    ...(d.cover.summary ? richParagraphs(safeBlocks(d.cover.summary.blocks)) : [new Paragraph({ children: [run(l.noSummary, { italics: true, color: MUTED })] })]),
  ];
}

function headerCell(text: string): TableCell {
  return new TableCell({ shading: { type: ShadingType.CLEAR, fill: 'E8ECF2', color: 'auto' }, children: [new Paragraph({ children: [run(text, { bold: true, size: 17 })] })] });
}

function bodyCell(children: ParagraphChild[] | string, right = false): TableCell {
  const kids = typeof children === 'string' ? [run(children, { size: 17 })] : children;
  return new TableCell({ children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: kids })] });
}

function table(rows: TableRow[]): Table {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

function sources(v: DossierView): (Paragraph | Table)[] {
  const { d, l } = v;
  const head = new TableRow({ tableHeader: true, children: [l.colNumber, l.colTitle, l.colOutlet, l.colAuthor, l.colDate, l.colLanguage, l.colWords, l.colClaims, l.colHash].map(headerCell) });
  const rows = d.sources.map(
    (s) =>
      new TableRow({
        cantSplit: true,
        children: [
          bodyCell(String(s.number), true),
          bodyCell([new Bookmark({ id: `src_${s.number}`, children: [run(s.title, { bold: true, size: 17 })] })]),
          bodyCell(s.outlet),
          bodyCell(s.author),
          bodyCell(formatDay(s.date, l)),
          bodyCell(s.language),
          bodyCell(String(s.words), true),
          bodyCell(String(s.claims), true),
          bodyCell([run(s.hash, { size: 12, color: MUTED })]),
        ],
      }),
  );
  return [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [run(l.sources)] }), table([head, ...rows])];
}

function findings(v: DossierView, footnotes: Footnotes): Paragraph[] {
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [run(v.l.findings)] })];
  for (const f of v.d.findings) {
    const claims = f.claimIds.map((id) => v.claim(id)).filter((c): c is DossierClaim => c !== undefined);
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(`${f.tag?.name ?? v.l.untagged} (${claims.length})`)] }));
    if (claims.length === 0) out.push(new Paragraph({ children: [run(v.l.noClaims, { italics: true, color: MUTED })] }));
    for (const c of claims) out.push(...claim(v, c, f, footnotes));
  }
  return out;
}

function claim(v: DossierView, c: DossierClaim, f: FindingSection, footnotes: Footnotes): Paragraph[] {
  const { l } = v;
  const source = v.source(c.citation.sourceId);
  // Counted, not Object.keys(): a dossier of thousands of claims would make that quadratic.
  const id = ++footnotes.count;
  // The citation names the outlet; the document's title follows when it says something more.
  const note = c.citation.outlet ? `${v.cite(c)}. ${c.citation.title}.` : `${v.cite(c)}.`;
  footnotes.map[id] = { children: [new Paragraph({ children: [run(note)] })] };
  const quoteText = run(`«${c.quote}»`);
  const others = c.tags.filter((t) => t !== f.tag?.name);
  const out = [
    new Paragraph({
      style: 'Quote',
      children: [source ? new InternalHyperlink({ anchor: `src_${source.number}`, children: [quoteText] }) : quoteText, new FootnoteReferenceRun(id)],
    }),
    new Paragraph({
      style: 'Citation',
      children: [run(`${l.claim} ${c.number}`, { bold: true }), run(` · ${v.cite(c)}`), ...(others.length ? [run(` · ${l.otherTags}: ${others.join(', ')}`)] : [])],
    }),
  ];
  if (c.note) {
    out.push(new Paragraph({ children: [run(`${l.note}:`, { bold: true, color: MUTED, size: 17 })] }), ...richParagraphs(safeBlocks(c.note.blocks)));
  }
  for (const k of c.links) {
    out.push(
      new Paragraph({
        bullet: { level: 0 },
        children: [run(`${capitalize(k.relation)}: `, { bold: true, size: 19 }), run(`${v.cite(k)} — «${k.quote}»${k.note ? ` (${k.note})` : ''}`, { size: 19 })],
      }),
    );
  }
  return out;
}

function crossSource(v: DossierView): Paragraph[] {
  const { d, l } = v;
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [run(l.crossSource)] })];
  if (d.groups.length === 0) out.push(new Paragraph({ children: [run(l.noGroups, { italics: true, color: MUTED })] }));
  const names = (ids: readonly string[]) =>
    [...new Set(ids)]
      .map((id) => v.source(id))
      .filter((s) => s !== undefined)
      .map((s) => v.sourceName(s))
      .join(', ');
  const item = (id: string, mark: string) => {
    const c = v.claim(id);
    return c ? [new Paragraph({ bullet: { level: 0 }, children: [run(`${mark}«${c.quote}» `), run(v.cite(c), { color: MUTED, size: 17 })] })] : [];
  };
  for (const g of d.groups) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [run(fill(l.group, { n: g.number }))] }));
    out.push(new Paragraph({ children: [run(`${l.agree}: `, { bold: true, color: '1E6B45' }), run(names(g.agreeingSourceIds))] }));
    if (g.contradicting.length) out.push(new Paragraph({ children: [run(`${l.contradict}: `, { bold: true, color: 'A4262C' }), run(names(g.contradicting.map((x) => x.sourceId)))] }));
    out.push(...g.claimIds.flatMap((id) => item(id, '')), ...g.contradicting.flatMap((x) => item(x.claimId, '✕ ')));
  }
  return out;
}

function matrix(v: DossierView): (Paragraph | Table)[] {
  const { d, l } = v;
  const names = d.matrix.sourceIds.map((id) => v.source(id)).map((s) => (s ? v.sourceName(s) : ''));
  const head = new TableRow({ tableHeader: true, children: [l.colTag, ...names, l.total].map(headerCell) });
  const rows = d.matrix.rows.map((r) => new TableRow({ children: [bodyCell(r.tag ?? l.untagged), ...r.counts.map((n) => bodyCell(String(n), true)), bodyCell([run(String(r.total), { bold: true, size: 17 })], true)] }));
  const foot = new TableRow({ children: [bodyCell([run(l.allClaims, { bold: true, size: 17 })]), ...d.matrix.totals.map((n) => bodyCell(String(n), true)), bodyCell([run(String(d.matrix.total), { bold: true, size: 17 })], true)] });
  return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(l.matrix)] }), table([head, ...rows, foot])];
}

/** Rich text (links already re-checked) as Word paragraphs. */
export function richParagraphs(blocks: readonly RichBlock[], level = 0): Paragraph[] {
  return blocks.flatMap((b): Paragraph[] => {
    switch (b.kind) {
      case 'paragraph':
        return [new Paragraph({ children: inlines(b.inlines) })];
      case 'heading':
        return [new Paragraph({ children: inlines(b.inlines, true) })];
      case 'quote':
        return [new Paragraph({ style: 'Quote', children: inlines(b.inlines) })];
      case 'list':
        return b.items.flatMap((it, i) => [
          new Paragraph(
            b.ordered
              ? { indent: { left: 360 * (level + 1), hanging: 280 }, children: [run(`${i + 1}. `), ...inlines(it.inlines)] }
              : { bullet: { level: Math.min(level, 8) }, children: inlines(it.inlines) },
          ),
          ...richParagraphs(it.children, level + 1),
        ]);
    }
  });
}

function inlines(xs: readonly RichInline[], bold = false): ParagraphChild[] {
  return xs.map((i): ParagraphChild => {
    if (i.kind === 'break') return new TextRun({ break: 1 });
    if (i.kind === 'link') {
      const runs = i.children.map((r) => new TextRun({ text: clean(r.text), bold: bold || r.bold, italics: r.italic, style: i.href ? 'Hyperlink' : undefined }));
      return i.href ? new ExternalHyperlink({ link: i.href, children: runs }) : new TextRun({ text: clean(i.children.map((r) => r.text).join('')), bold });
    }
    return new TextRun({ text: clean(i.text), bold: bold || i.bold, italics: i.italic, underline: i.underline ? {} : undefined, strike: i.strike, font: i.code ? 'Courier New' : undefined });
  });
}
