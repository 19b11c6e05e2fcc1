/**
 * The agreement report as a file: CSV (one row per scope, pair and level, then the disagreements)
 * and a self-contained HTML page. Every user text is escaped for its format; figures are written
 * as plain numbers (a negative kappa must not be taken for a formula guard).
 */
import type { AgreementReport, AgreementRow, Disagreement } from '../../../shared/agreement-schema';
import type { DossierLanguage } from '../../../shared/dossier';
import { escapeHtml as esc } from '../../../shared/richtext';
import { csvField } from '../export/csv';
import { DOSSIER_CSP } from '../export/html';

interface Labels {
  title: string;
  overall: string;
  byTag: string;
  byDocument: string;
  scope: string;
  pair: string;
  level: string;
  units: string;
  agreement: string;
  kappa: string;
  alpha: string;
  paragraph: string;
  sentence: string;
  segments: string;
  disagreements: string;
  document: string;
  kind: Record<Disagreement['kind'], string>;
  tags: string;
  none: string;
  note: string;
}

const LABELS: Record<DossierLanguage, Labels> = {
  en: {
    title: 'Intercoder agreement',
    overall: 'All tags and documents',
    byTag: 'By tag',
    byDocument: 'By document',
    scope: 'Scope',
    pair: 'Authors',
    level: 'Level',
    units: 'Units',
    agreement: 'Agreement',
    kappa: "Cohen's κ",
    alpha: "Krippendorff's α",
    paragraph: 'paragraphs',
    sentence: 'sentences',
    segments: 'segments',
    disagreements: 'Disagreements',
    document: 'Document',
    kind: { oneOnly: 'coded by one only', differentTags: 'different tags', extent: 'different extent' },
    tags: 'Tags',
    none: 'none',
    note: "Units are rated coded or not coded with each tag. κ per pair of authors over the documents both coded; α (nominal) over all chosen authors, by paragraph, by sentence and over the text's characters (segments).",
  },
  ru: {
    title: 'Согласованность кодировщиков',
    overall: 'Все теги и документы',
    byTag: 'По тегам',
    byDocument: 'По документам',
    scope: 'Область',
    pair: 'Авторы',
    level: 'Уровень',
    units: 'Единиц',
    agreement: 'Совпадение',
    kappa: 'κ Коэна',
    alpha: 'α Криппендорфа',
    paragraph: 'абзацы',
    sentence: 'предложения',
    segments: 'сегменты',
    disagreements: 'Расхождения',
    document: 'Документ',
    kind: { oneOnly: 'закодировал только один', differentTags: 'разные теги', extent: 'разные границы' },
    tags: 'Теги',
    none: 'нет',
    note: 'Каждая единица оценивается как закодированная или не закодированная каждым тегом. κ — для каждой пары авторов по документам, которые закодировали оба; α (номинальная) — по всем выбранным авторам: по абзацам, по предложениям и по символам текста (сегменты).',
  },
};

const LEVELS = ['paragraph', 'sentence'] as const;
const num = (x: number | null, digits = 3) => (x === null ? '' : x.toFixed(digits));

function scopes(r: AgreementReport, l: Labels): [string, AgreementRow][] {
  return [[l.overall, r.overall] as [string, AgreementRow], ...r.byTag.map((row) => [`${l.byTag}: ${row.label}`, row] as [string, AgreementRow]), ...r.byDocument.map((row) => [`${l.byDocument}: ${row.label}`, row] as [string, AgreementRow])];
}

function sideText(r: AgreementReport, side: Disagreement['left']): string {
  if (!side) return '';
  const names = side.tagIds.map((id) => r.tags.find((t) => t.id === id)?.name ?? '');
  return `${side.exact} [${names.join(', ')}]`;
}

export function agreementCsv(r: AgreementReport, language: DossierLanguage): string {
  const l = LABELS[language];
  const lines = [['scope', 'author_a', 'author_b', 'level', 'units', 'agreement', 'kappa', 'alpha'].join(',')];
  for (const [name, row] of scopes(r, l)) {
    for (const p of row.pairs) for (const level of LEVELS) lines.push([csvField(name), csvField(p.a), csvField(p.b), level, p[level].units, num(p[level].agreement, 4), num(p[level].kappa, 4), ''].join(','));
    for (const level of [...LEVELS, 'segments'] as const) lines.push([csvField(name), '', '', level, '', '', '', num(row.alpha[level], 4)].join(','));
  }
  lines.push('', ['disagreement', 'document', 'author_a', 'claim_a', 'quote_a', 'author_b', 'claim_b', 'quote_b'].join(','));
  for (const d of r.disagreements) {
    const doc = r.documents.find((x) => x.id === d.documentId)?.label ?? '';
    lines.push([d.kind, csvField(doc), csvField(d.a), d.left?.claimId ?? '', csvField(sideText(r, d.left)), csvField(d.b), d.right?.claimId ?? '', csvField(sideText(r, d.right))].join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function agreementHtml(r: AgreementReport, language: DossierLanguage, project: string): string {
  const l = LABELS[language];
  const head = `<tr><th>${esc(l.scope)}</th><th>${esc(l.pair)}</th>${LEVELS.map((v) => `<th>${esc(`${l.agreement}, ${l[v]}`)}</th><th>${esc(`${l.kappa}, ${l[v]}`)}</th>`).join('')}<th>${esc(l.alpha)}: ${esc([l.paragraph, l.sentence, l.segments].join(' / '))}</th></tr>`;
  const rows = scopes(r, l).flatMap(([name, row]) =>
    (row.pairs.length ? row.pairs : [null]).map(
      (p, i) =>
        `<tr>${i === 0 ? `<th scope="row" rowspan="${Math.max(1, row.pairs.length)}">${esc(name)}</th>` : ''}<td>${p ? esc(`${p.a} – ${p.b}`) : ''}</td>${LEVELS.map((v) => `<td>${p ? percent(p[v].agreement) : ''}</td><td>${p ? num(p[v].kappa, 2) : ''}</td>`).join('')}${i === 0 ? `<td rowspan="${Math.max(1, row.pairs.length)}">${[row.alpha.paragraph, row.alpha.sentence, row.alpha.segments].map((a) => num(a, 2) || '—').join(' / ')}</td>` : ''}</tr>`,
    ),
  );
  const items = r.disagreements.map((d) => {
    const doc = r.documents.find((x) => x.id === d.documentId)?.label ?? '';
    return `<tr><td>${esc(l.kind[d.kind])}</td><td>${esc(doc)}</td><td>${esc(d.a)}: ${esc(sideText(r, d.left))}</td><td>${esc(d.b)}: ${esc(sideText(r, d.right))}</td></tr>`;
  });
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOSSIER_CSP}">
<title>${esc(`${l.title} — ${project}`)}</title>
<style>body{font:14px/1.45 Arial,sans-serif;margin:2em;color:#1d232b}table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #c9ced6;padding:.3em .6em;vertical-align:top;text-align:left}td{font-variant-numeric:tabular-nums}.note{color:#5d6673}</style>
</head><body>
<h1>${esc(`${l.title}: ${project}`)}</h1>
<p class="note">${esc(l.note)}</p>
<p>${esc(`${l.pair}: ${r.chosenAuthors.join(', ')}`)}<br>${esc(`${l.tags}: ${r.tags.map((t) => t.name).join(', ') || l.none}`)}</p>
<table><thead>${head}</thead><tbody>${rows.join('\n')}</tbody></table>
<h2>${esc(l.disagreements)}</h2>
${items.length ? `<table><tbody>${items.join('\n')}</tbody></table>` : `<p>${esc(l.none)}</p>`}
</body></html>
`;
}

function percent(x: number | null): string {
  return x === null ? '' : `${(x * 100).toFixed(1)} %`;
}

export function agreementFileName(language: DossierLanguage, format: 'csv' | 'html'): string {
  return `${LABELS[language].title}.${format}`;
}
