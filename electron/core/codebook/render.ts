/** The codebook as HTML, Markdown and CSV (DOCX is ./docx.ts). Every user text is escaped for its format. */
import { escapeHtml as esc } from '../../../shared/richtext';
import { csvField } from '../export/csv';
import { mdEscape } from '../export/markdown';
import { DOSSIER_CSP } from '../export/html';
import { safeColor } from '../export/view';
import { codebookLabels, countsOf, fieldsOf, type Codebook } from './model';

export const CODEBOOK_CSV_COLUMNS = ['id', 'path', 'name', 'level', 'claims', 'claims_with_subtags', 'definition', 'use_when', 'avoid_when', 'example', 'color'] as const;

export function codebookHtml(c: Codebook): string {
  const l = codebookLabels(c.language);
  const entries = c.entries.map((e) => {
    const level = Math.min(e.depth + 2, 6);
    const fields = fieldsOf(e, l)
      .map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.text).replace(/\r?\n/g, '<br>')}</dd>`)
      .join('');
    return `<section class="code" style="margin-left:${e.depth * 1.5}em">
<h${level}><span class="swatch" style="background:${safeColor(e.color)}"></span>${esc(e.path)}</h${level}>
<p class="counts">${esc(countsOf(e, l))}</p>${fields ? `<dl>${fields}</dl>` : ''}
</section>`;
  });
  return `<!doctype html>
<html lang="${c.language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOSSIER_CSP}">
<title>${esc(`${l.title} — ${c.project}`)}</title>
<style>body{font:15px/1.5 Georgia,serif;max-width:46em;margin:2em auto;color:#1d232b}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em}
.counts{color:#5d6673;font:13px Arial,sans-serif;margin:.2em 0}dt{font-weight:bold;margin-top:.4em}dd{margin-left:1.2em}</style>
</head><body>
<h1>${esc(`${l.title}: ${c.project}`)}</h1>
<p class="counts">${esc(`${l.generated} ${c.generatedAt}`)}</p>
${entries.length ? entries.join('\n') : `<p>${esc(l.empty)}</p>`}
</body></html>
`;
}

export function codebookMarkdown(c: Codebook): string {
  const l = codebookLabels(c.language);
  const parts = [`# ${mdEscape(`${l.title}: ${c.project}`)}`, `*${mdEscape(`${l.generated} ${c.generatedAt}`)}*`];
  if (c.entries.length === 0) parts.push(mdEscape(l.empty));
  for (const e of c.entries) {
    parts.push(`${'#'.repeat(Math.min(e.depth + 2, 6))} ${mdEscape(e.path)}`, `*${mdEscape(countsOf(e, l))}*`);
    for (const f of fieldsOf(e, l)) parts.push(`**${mdEscape(f.label)}:** ${mdEscape(f.text)}`);
  }
  return `${parts.join('\n\n')}\n`;
}

export function codebookCsv(c: Codebook, opts: { bom?: boolean } = {}): string {
  const rows = c.entries.map((e) => [e.id, e.path, e.name, String(e.depth + 1), String(e.claims), String(e.claimsWithin), e.definition, e.useWhen, e.avoidWhen, e.example, e.color]);
  const text = [[...CODEBOOK_CSV_COLUMNS], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  return opts.bom ? `\ufeff${text}` : text;
}
