/**
 * The dossier as Markdown (CommonMark with GitHub tables): the same structure as the HTML. Text
 * from documents and notes is escaped so that it reads as written and cannot become markup
 * (raw HTML, links or images) in whatever renders the Markdown later.
 */
import type { Dossier, DossierClaim, FindingSection } from '../../../shared/dossier';
import type { RichBlock, RichInline, RichTextRun } from '../../../shared/richtext';
import { capitalize, fill, formatDay, memoByline, memoTitle } from './labels';
import { attributeText, safeBlocks, viewOf, type DossierView } from './view';
import { assessmentMarkdown } from '../hypotheses/dossier';
import { graphSvgOf, markdownFigure, timelineSvgOf } from './figures';

/**
 * Text as Markdown that reads as written: the marks that open inline markup (emphasis, code,
 * links, raw HTML, tables, entities) are backslash-escaped, line breaks become spaces, and a
 * leading "#", "-", "+" or "1." cannot start a heading or a list.
 */
export function mdEscape(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-]|\d+(?=[.)]))/, (_m, sp: string, mark: string) => (/\d/.test(mark) ? `${sp}${mark}\\` : `${sp}\\${mark}`));
}

/** Table cells: escaped, and pipes already escaped by mdEscape. */
const cell = (text: string) => mdEscape(text) || ' ';

export function renderMarkdown(d: Dossier): string {
  const v = viewOf(d);
  return [cover(v), memos(v), sources(v), findings(v), crossSource(v), graph(v), matrix(v), assessmentMarkdown(d, v.l), `---\n\n*${mdEscape(d.generator)} · ${mdEscape(d.generatedAt)}*\n`]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

function cover(v: DossierView): string {
  const { d, l } = v;
  const s = d.scope;
  const scope = v.scope;
  const tags = [...s.tags, ...(s.untagged ? [l.untagged] : [])];
  const summary = d.cover.summary ? blocksMd(safeBlocks(d.cover.summary.blocks)) : `*${mdEscape(l.noSummary)}*`;
  return `# ${mdEscape(d.cover.title)}

*${mdEscape(l.dossier)}*

- **${mdEscape(l.preparedBy)}:** ${mdEscape(d.cover.analyst) || '—'}
- **${mdEscape(l.date)}:** ${mdEscape(formatDay(d.cover.date, l))}
- **${mdEscape(l.project)}:** ${mdEscape(d.cover.project)}
- **${mdEscape(l.scope)}:** ${scope.map(mdEscape).join(' · ')}
- **${mdEscape(l.scopeTags)}:** ${tags.map(mdEscape).join(', ') || '—'}

## ${mdEscape(l.summary)}

${summary}
`;
}

function memos(v: DossierView): string {
  const { d, l } = v;
  if (d.memos.length === 0) return '';
  const items = d.memos.map((m) => `### ${mdEscape(memoTitle(m, l))}\n\n*${mdEscape(memoByline(m, l))}*\n\n${blocksMd(safeBlocks(m.body.blocks))}\n`);
  return `## ${mdEscape(l.memos)}\n\n${items.join('\n')}`;
}

function sources(v: DossierView): string {
  const { d, l } = v;
  const withAttributes = d.sources.some((s) => s.attributes.length > 0);
  const head = [l.colNumber, l.colTitle, l.colOutlet, l.colAuthor, l.colDate, l.colLanguage, l.colWords, l.colClaims, ...(withAttributes ? [l.colAttributes] : []), l.colHash];
  const rows = d.sources.map((s) =>
    [String(s.number), s.title, s.outlet, s.author, formatDay(s.date, l), s.language, String(s.words), String(s.claims), ...(withAttributes ? [attributeText(s)] : []), s.hash].map(cell),
  );
  return `## ${mdEscape(l.sources)}

${table(head.map(cell), rows, [0, 6, 7])}
`;
}

function table(head: string[], rows: string[][], numeric: number[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = head.map((_, i) => (numeric.includes(i) ? '---:' : '---'));
  return [line(head), line(rule), ...rows.map(line)].join('\n');
}

function findings(v: DossierView): string {
  return `## ${mdEscape(v.l.findings)}\n\n${v.d.findings.map((f) => finding(v, f)).join('\n')}`;
}

function finding(v: DossierView, f: FindingSection): string {
  const claims = f.claimIds.map((id) => v.claim(id)).filter((c): c is DossierClaim => c !== undefined);
  const body = claims.length > 0 ? claims.map((c) => claim(v, c, f)).join('\n') : `*${mdEscape(v.l.noClaims)}*\n`;
  const definition = f.tag?.definition ? `*${mdEscape(f.tag.definition)}*\n\n` : '';
  return `### ${mdEscape(f.tag?.path ?? f.tag?.name ?? v.l.untagged)} (${claims.length})\n\n${definition}${body}`;
}

function claim(v: DossierView, c: DossierClaim, f: FindingSection): string {
  const { l } = v;
  const others = c.tags.filter((t) => t !== f.tag?.name);
  const lines = [`> «${mdEscape(c.quote)}»`, '', `**${mdEscape(l.claim)} ${c.number}** · ${mdEscape(v.cite(c))}${c.grade ? ` · ${mdEscape(l.grade)} ${mdEscape(c.grade)}` : ''}${others.length ? ` · ${mdEscape(l.otherTags)}: ${others.map(mdEscape).join(', ')}` : ''}`, ''];
  if (c.note) lines.push(`**${mdEscape(l.note)}:**`, '', blocksMd(safeBlocks(c.note.blocks)), '');
  // A label before the links keeps them from joining a list that ends the note.
  if (c.links.length) lines.push(`**${mdEscape(l.links)}:**`, '');
  for (const k of c.links) {
    lines.push(`- *${mdEscape(capitalize(k.relation))}:* ${mdEscape(v.cite(k))} — «${mdEscape(k.quote)}»${k.note ? ` (${mdEscape(k.note)})` : ''}`);
  }
  if (c.links.length) lines.push('');
  return lines.join('\n');
}

function crossSource(v: DossierView): string {
  const { d, l } = v;
  const name = (id: string) => {
    const s = v.source(id);
    return s ? mdEscape(v.sourceName(s)) : '';
  };
  const item = (id: string) => {
    const c = v.claim(id);
    return c ? `- «${mdEscape(c.quote)}» — ${mdEscape(v.cite(c))}` : '';
  };
  const groups = d.groups.map((g) => {
    const against = [...new Set(g.contradicting.map((x) => x.sourceId))];
    const supporters = [...new Set((g.linked ?? []).filter((x) => x.kind === 'supports' && x.toMember).map((x) => x.sourceId))];
    const heading = g.title ? `${fill(l.cluster, { n: g.number })}: ${g.title}` : fill(l.group, { n: g.number });
    return [
      `### ${mdEscape(heading)}`,
      '',
      `**${mdEscape(l.agree)}:** ${g.agreeingSourceIds.map(name).join(', ')}${supporters.length ? `  \n**${mdEscape(l.supportSources)}:** ${supporters.map(name).join(', ')}` : ''}${against.length ? `  \n**${mdEscape(l.contradict)}:** ${against.map(name).join(', ')}` : ''}`,
      '',
      ...g.claimIds.map(item),
      ...(g.linked ?? []).map((x) => item(x.claimId).replace(/^- /, `- + ${mdEscape(l.relations[x.kind]![x.toMember ? 0 : 1])}: `)),
      ...g.contradicting.map((x) => item(x.claimId).replace(/^- /, '- ✕ ')),
      '',
    ].join('\n');
  });
  const svg = timelineSvgOf(d, l);
  const timeline = svg ? `${markdownFigure(svg, l.timeline, mdEscape)}\n\n*${mdEscape(l.timeline)}*\n\n` : '';
  return `## ${mdEscape(l.crossSource)}\n\n${timeline}${groups.length ? groups.join('\n') : `*${mdEscape(l.noGroups)}*\n`}`;
}

function graph(v: DossierView): string {
  const svg = graphSvgOf(v.d, v.l);
  if (!svg) return '';
  return `## ${mdEscape(v.l.graphFigure)}\n\n${markdownFigure(svg, `${v.l.graphFigure} — ${v.d.cover.title}`, mdEscape)}\n\n*${mdEscape(v.l.graphCaption)}*\n`;
}

function matrix(v: DossierView): string {
  const { d, l } = v;
  const head = [l.colTag, ...d.matrix.sourceIds.map((id) => v.source(id)).map((s) => (s ? v.sourceName(s) : '')), l.total].map(cell);
  const rows = d.matrix.rows.map((r) => [cell(r.tag ?? l.untagged), ...r.counts.map(String), String(r.total)]);
  rows.push([`**${cell(l.allClaims)}**`, ...d.matrix.totals.map(String), `**${d.matrix.total}**`]);
  const numeric = head.map((_, i) => i).filter((i) => i > 0);
  return `## ${mdEscape(l.matrix)}\n\n${table(head, rows, numeric)}\n`;
}

/** Rich text (already re-checked links) as Markdown blocks. */
export function blocksMd(blocks: readonly RichBlock[], indent = ''): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'paragraph':
          return `${indent}${inlinesMd(b.inlines)}`;
        case 'heading':
          return `${indent}**${inlinesMd(b.inlines)}**`;
        case 'quote':
          return `${indent}> ${inlinesMd(b.inlines)}`;
        case 'list':
          return b.items
            .map((it, i) => {
              const marker = b.ordered ? `${i + 1}. ` : '- ';
              const nested = it.children.length ? `\n${blocksMd(it.children, `${indent}${' '.repeat(marker.length)}`)}` : '';
              return `${indent}${marker}${inlinesMd(it.inlines)}${nested}`;
            })
            .join('\n');
      }
    })
    .join('\n\n');
}

function inlinesMd(inlines: readonly RichInline[]): string {
  return inlines
    .map((i) => {
      if (i.kind === 'break') return '  \n';
      if (i.kind === 'link') {
        const text = i.children.map(runMd).join('');
        // <…> keeps spaces and parentheses in the target from ending it early.
        return i.href ? `[${text}](<${i.href.replace(/[<>]/g, encodeURIComponent)}>)` : text;
      }
      return runMd(i);
    })
    .join('');
}

function runMd(r: RichTextRun): string {
  if (r.text.trim() === '') return r.text.replace(/\n/g, ' ');
  // Emphasis markers must touch the text (CommonMark flanking rules): spaces stay outside them.
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text)!;
  let s = r.code ? `\`${core!.replace(/`/g, "'").replace(/\n/g, ' ')}\`` : mdEscape(core!);
  if (r.bold) s = `**${s}**`;
  if (r.italic) s = `*${s}*`;
  if (r.strike) s = `~~${s}~~`;
  return `${lead}${s}${trail}`;
}
