/**
 * The dossier's "Assessment" section in every format: the question, the hypotheses ranked with
 * their scores, the matrix with claims cited the usual way, the linchpins and the rationales. All
 * text from the project goes through each format's escaping.
 */
import type { Dossier, DossierAssessment } from '../../../shared/dossier';
import { escapeHtml as esc } from '../../../shared/richtext';
import { csvField } from '../export/csv';
import { citationText, fill, type Labels } from '../export/labels';
import { mdEscape } from '../export/markdown';
import * as W from '../export/wordml';

const EN = {
  assessment: 'Assessment',
  question: 'Question',
  ratedBy: 'Ratings by {name}',
  group: 'Group view of {names}: each cell is the consensus of their ratings (the rating nearest their mean), with each analyst’s rating and the disagreement (±, the spread of their values) beside it; the scores, diagnosticity and linchpins use the consensus.',
  byAnalyst: 'Each analyst’s ratings in the order {names}.',
  ranking: 'Hypotheses, most to least likely',
  score: 'Score',
  scoreNote: 'Weighted inconsistency: the sum of credibility × relevance × (II −2, I −1), weights Low 1/√2, Medium 1, High √2; the least inconsistent is the most likely.',
  matrix: 'Matrix',
  evidence: 'Evidence',
  credibility: 'Cred.',
  relevance: 'Rel.',
  diagnosticity: 'Diag.',
  doubtful: 'doubtful',
  missing: 'claim deleted',
  sources: '{n} sources',
  linchpins: 'Linchpins',
  noLinchpins: 'No single row changes the top hypothesis.',
  withoutDoubtful: 'Without the doubtful rows',
  rationales: 'Rationales',
  row: 'Row',
  kinds: { claim: 'claim', cluster: 'cluster', assumption: 'assumption', absent: 'absent evidence' },
  levels: { low: 'L', medium: 'M', high: 'H' },
};
const RU: typeof EN = {
  assessment: 'Оценка гипотез',
  question: 'Вопрос',
  ratedBy: 'Оценки: {name}',
  group: 'Групповой вид ({names}): в каждой ячейке — согласованная оценка (ближайшая к среднему их оценок), рядом — оценка каждого аналитика и разброс мнений (±, стандартное отклонение); баллы, диагностичность и опорные свидетельства считаются по согласованным оценкам.',
  byAnalyst: 'Оценки аналитиков по порядку: {names}.',
  ranking: 'Гипотезы от наиболее к наименее вероятной',
  score: 'Балл',
  scoreNote: 'Взвешенная несовместимость: сумма достоверность × значимость × (II −2, I −1), веса: низкая 1/√2, средняя 1, высокая √2; наименее несовместимая — наиболее вероятная.',
  matrix: 'Матрица',
  evidence: 'Свидетельство',
  credibility: 'Дост.',
  relevance: 'Знач.',
  diagnosticity: 'Диагн.',
  doubtful: 'сомнительное',
  missing: 'утверждение удалено',
  sources: 'источников: {n}',
  linchpins: 'Опорные свидетельства',
  noLinchpins: 'Ни одна строка в отдельности не меняет ведущую гипотезу.',
  withoutDoubtful: 'Без сомнительных строк',
  rationales: 'Обоснования',
  row: 'Строка',
  kinds: { claim: 'утверждение', cluster: 'кластер', assumption: 'допущение', absent: 'отсутствующее свидетельство' },
  levels: { low: 'Н', medium: 'С', high: 'В' },
};

const labels = (d: Dossier) => (d.language === 'ru' ? RU : EN);
const num = (n: number) => (Math.abs(n) < 0.005 ? '0' : n.toFixed(2).replace('-', '−'));
type Row = DossierAssessment['rows'][number];

/** The row's words and where they come from: «quote» — Outlet, date, ¶n. */
function rowText(r: Row, a: typeof EN, l: Labels): string {
  const marks = [a.kinds[r.kind], r.kind === 'cluster' ? fill(a.sources, { n: r.sources }) : '', r.doubtful ? a.doubtful : '', r.missing ? a.missing : ''].filter(Boolean);
  const cite = r.citation ? ` — ${citationText(r.citation, l)}` : '';
  return `${r.kind === 'claim' || r.kind === 'cluster' ? `«${r.text}»` : r.text}${cite} (${marks.join(', ')})`;
}

const ranked = (x: DossierAssessment) => [...x.hypotheses].sort((p, q) => p.rank - q.rank);

/** Whose ratings these are: one analyst's, or the group's with every name. */
const whoseLine = (x: DossierAssessment, a: typeof EN) => (x.view === 'group' ? fill(a.group, { names: x.analysts.join(', ') }) : fill(a.ratedBy, { name: x.analyst || '—' }));

/** A cell as text: the rating, and in the group view each analyst's rating and the disagreement. */
function cellText(r: Row, i: number): string {
  const rating = r.ratings[i] ?? '';
  if (!r.byAnalyst || !r.disagreement) return rating;
  const each = r.byAnalyst[i]!.map((g) => g ?? '·').join(' ');
  if (!r.byAnalyst[i]!.some((g) => g !== null)) return '';
  const spread = r.disagreement[i]! > 0 ? ` ±${num(r.disagreement[i]!)}` : '';
  return `${rating || '–'} (${each}${spread})`;
}

/** A rationale's author, named only when several analysts' rationales are listed. */
const byWhom = (x: DossierAssessment, g: DossierAssessment['rationales'][number]) => (x.view === 'group' ? `${g.analyst}, ` : '');

/** The group view shades a cell by the analysts' disagreement, as the matrix does, so the team sees what to discuss. */
function htmlCell(r: Row, rating: string | null, i: number): string {
  if (!r.byAnalyst || !r.disagreement) return `<td class="num">${rating ?? ''}</td>`;
  const spread = r.disagreement[i]!;
  const shade = Math.min(4, Math.round(spread * 2));
  const each = r.byAnalyst[i]!;
  if (!each.some((g) => g !== null)) return '<td class="num"></td>';
  return `<td class="num ach-spread-${shade}">${rating ?? '–'}<br><span class="small">${each.map((g) => g ?? '·').join(' ')}${spread > 0 ? ` ±${num(spread)}` : ''}</span></td>`;
}

export function assessmentHtml(d: Dossier, l: Labels): string {
  if (!d.assessment?.length) return '';
  const a = labels(d);
  const parts = d.assessment.map((x) => {
    const head = x.hypotheses.map((h) => `<th class="num" scope="col">${esc(h.title)}</th>`).join('');
    const rows = x.rows
      .map(
        (r) =>
          `<tr><th scope="row">${r.number}. ${esc(rowText(r, a, l))}</th><td>${a.levels[r.credibility]}</td><td>${a.levels[r.relevance]}</td><td class="num">${num(r.diagnosticity)}</td>${r.ratings.map((g, i) => htmlCell(r, g, i)).join('')}</tr>`,
      )
      .join('\n');
    const scores = x.hypotheses.map((h) => `<td class="num total">${num(h.score)}</td>`).join('');
    const without = x.withoutDoubtful ? `<tr><th scope="row" colspan="4">${esc(a.withoutDoubtful)}</th>${x.withoutDoubtful.map((s) => `<td class="num">${num(s)}</td>`).join('')}</tr>` : '';
    return `<section class="assessment-analysis"><h3>${esc(a.question)}: ${esc(x.question)}</h3>
<p class="muted">${esc(whoseLine(x, a))}</p>
<h4>${esc(a.ranking)}</h4><ol>${ranked(x).map((h) => `<li>${esc(h.title)} — ${esc(a.score)} ${num(h.score)}${h.description ? `<br><span class="small">${esc(h.description)}</span>` : ''}</li>`).join('')}</ol>
<p class="small muted">${esc(a.scoreNote)}</p>
<h4>${esc(a.matrix)}</h4>
<table><thead><tr><th scope="col">${esc(a.evidence)}</th><th scope="col">${esc(a.credibility)}</th><th scope="col">${esc(a.relevance)}</th><th class="num" scope="col">${esc(a.diagnosticity)}</th>${head}</tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row" colspan="4">${esc(a.score)}</th>${scores}</tr>${without}</tfoot></table>
<h4>${esc(a.linchpins)}</h4>${x.linchpins.length ? `<ul>${x.linchpins.map((n) => `<li>${esc(rowText(x.rows[n - 1]!, a, l))}</li>`).join('')}</ul>` : `<p class="muted">${esc(a.noLinchpins)}</p>`}
${x.rationales.length ? `<h4>${esc(a.rationales)}</h4><ul>${x.rationales.map((g) => `<li>${esc(a.row)} ${g.row} × ${esc(g.hypothesis)} (${esc(byWhom(x, g))}${g.rating}): ${esc(g.text)}</li>`).join('')}</ul>` : ''}
</section>`;
  });
  return `<section class="assessment" aria-labelledby="assessment"><h2 id="assessment">${esc(a.assessment)}</h2>\n${parts.join('\n')}</section>`;
}

export function assessmentMarkdown(d: Dossier, l: Labels): string {
  if (!d.assessment?.length) return '';
  const a = labels(d);
  const cell = (s: string) => mdEscape(s).replace(/\n/g, ' ') || ' ';
  const parts = d.assessment.map((x) => {
    const head = [a.evidence, a.credibility, a.relevance, a.diagnosticity, ...x.hypotheses.map((h) => h.title)].map(cell);
    const rule = head.map((_, i) => (i >= 3 ? '---:' : '---'));
    const rows = x.rows.map((r) => [cell(`${r.number}. ${rowText(r, a, l)}`), a.levels[r.credibility], a.levels[r.relevance], num(r.diagnosticity), ...r.ratings.map((_, i) => cell(cellText(r, i)))]);
    rows.push([`**${cell(a.score)}**`, ' ', ' ', ' ', ...x.hypotheses.map((h) => `**${num(h.score)}**`)]);
    if (x.withoutDoubtful) rows.push([cell(a.withoutDoubtful), ' ', ' ', ' ', ...x.withoutDoubtful.map(num)]);
    const line = (c: string[]) => `| ${c.join(' | ')} |`;
    return [
      `### ${mdEscape(a.question)}: ${mdEscape(x.question)}`,
      `*${mdEscape(whoseLine(x, a))}*`,
      `#### ${mdEscape(a.ranking)}`,
      ranked(x).map((h, i) => `${i + 1}. ${mdEscape(h.title)} — ${mdEscape(a.score)} ${num(h.score)}${h.description ? `  \n   ${mdEscape(h.description)}` : ''}`).join('\n'),
      `*${mdEscape(a.scoreNote)}*`,
      `#### ${mdEscape(a.matrix)}`,
      [line(head), line(rule), ...rows.map(line)].join('\n'),
      `#### ${mdEscape(a.linchpins)}`,
      x.linchpins.length ? x.linchpins.map((n) => `- ${mdEscape(rowText(x.rows[n - 1]!, a, l))}`).join('\n') : `*${mdEscape(a.noLinchpins)}*`,
      x.rationales.length ? `#### ${mdEscape(a.rationales)}\n\n${x.rationales.map((g) => `- ${mdEscape(a.row)} ${g.row} × ${mdEscape(g.hypothesis)} (${mdEscape(byWhom(x, g))}${g.rating}): ${mdEscape(g.text)}`).join('\n')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  });
  return `## ${mdEscape(a.assessment)}\n\n${parts.join('\n\n')}\n`;
}

/** Word paragraphs and tables; `add` appends to the document body. */
export function assessmentDocx(d: Dossier, l: Labels, add: (...parts: string[]) => void): void {
  if (!d.assessment?.length) return;
  const a = labels(d);
  const small = (text: string, bold = false) => W.run(text, { bold, size: 17 });
  const cell = (text: string, bold = false) => W.cell(W.paragraph(small(text, bold)));
  add(W.paragraph(W.run(a.assessment), { style: 'Heading1' }));
  for (const x of d.assessment) {
    add(W.paragraph(W.run(`${a.question}: ${x.question}`), { style: 'Heading2' }), W.paragraph(W.run(whoseLine(x, a), { italics: true })));
    add(W.paragraph(W.run(a.ranking, { bold: true })));
    ranked(x).forEach((h, i) => add(W.paragraph(W.run(`${i + 1}. ${h.title} — ${a.score} ${num(h.score)}${h.description ? ` · ${h.description}` : ''}`))));
    add(W.paragraph(small(a.scoreNote)));
    const heads = [a.evidence, a.credibility, a.relevance, a.diagnosticity, ...x.hypotheses.map((h) => h.title)];
    const rows = x.rows.map((r) => W.row([cell(`${r.number}. ${rowText(r, a, l)}`), cell(a.levels[r.credibility]), cell(a.levels[r.relevance]), cell(num(r.diagnosticity)), ...r.ratings.map((_, i) => cell(cellText(r, i)))]));
    const foot = [W.row([cell(a.score, true), cell(''), cell(''), cell(''), ...x.hypotheses.map((h) => cell(num(h.score), true))])];
    if (x.withoutDoubtful) foot.push(W.row([cell(a.withoutDoubtful), cell(''), cell(''), cell(''), ...x.withoutDoubtful.map((s) => cell(num(s)))]));
    add(W.table([W.row(heads.map((h) => cell(h, true)), { header: true }), ...rows, ...foot], heads.length));
    add(W.paragraph(W.run(a.linchpins, { bold: true })));
    if (x.linchpins.length === 0) add(W.paragraph(W.run(a.noLinchpins, { italics: true })));
    for (const n of x.linchpins) add(W.paragraph(W.run(`• ${rowText(x.rows[n - 1]!, a, l)}`)));
    if (x.rationales.length) add(W.paragraph(W.run(a.rationales, { bold: true })));
    for (const g of x.rationales) add(W.paragraph(W.run(`${a.row} ${g.row} × ${g.hypothesis} (${byWhom(x, g)}${g.rating}): ${g.text}`)));
  }
}

/** `analyst` names whose rating `rating` is, or every analyst of the group; `by_analyst` and `disagreement` are filled in the group view only. */
export const ASSESSMENT_CSV_COLUMNS = ['analysis', 'row', 'evidence', 'kind', 'citation', 'credibility', 'relevance', 'doubtful', 'hypothesis', 'rating', 'rationale', 'analyst', 'by_analyst', 'disagreement'] as const;

/** One row per cell of every matrix, as a second table after a blank line (the claims table comes first). */
export function assessmentCsv(d: Dossier, l: Labels): string {
  if (!d.assessment?.length) return '';
  const lines: string[][] = [[...ASSESSMENT_CSV_COLUMNS]];
  for (const x of d.assessment) {
    for (const r of x.rows) {
      x.hypotheses.forEach((h, i) => {
        const reasons = x.rationales.filter((g) => g.row === r.number && g.hypothesis === h.title);
        const rationale = reasons.map((g) => `${byWhom(x, g)}${g.text}`).join('\n');
        const each = r.byAnalyst?.[i]?.map((g, k) => `${x.analysts[k]}: ${g ?? ''}`).join('; ') ?? '';
        const spread = r.disagreement?.[i];
        lines.push([x.question, String(r.number), r.text, r.kind, r.citation ? citationText(r.citation, l) : '', r.credibility, r.relevance, r.doubtful ? 'yes' : 'no', h.title, r.ratings[i] ?? '', rationale, x.analysts.join(', '), each, spread === undefined ? '' : spread.toFixed(2)]);
      });
    }
  }
  return `\r\n${lines.map((c) => c.map(csvField).join(',')).join('\r\n')}\r\n`;
}
