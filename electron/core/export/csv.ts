/**
 * One row per claim, RFC 4180: fields quoted when they hold a comma, quote or line break, quotes
 * doubled, CRLF between records. A cell that a spreadsheet would read as a formula (= + - @ and
 * tab/CR at the start) is prefixed with an apostrophe, as OWASP advises for CSV injection.
 */
import type { Dossier } from '../../../shared/dossier';
import { capitalize } from './labels';
import { viewOf } from './view';
import { assessmentCsv } from '../hypotheses/dossier';

export const CSV_COLUMNS = ['id', 'number', 'document', 'outlet', 'date', 'page', 'paragraph', 'quote', 'tags', 'note', 'links', 'grade', 'source attributes'] as const;

export function csvField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function renderCsv(d: Dossier, opts: { bom?: boolean } = {}): string {
  const v = viewOf(d);
  const rows = d.claims.map((c) => {
    const source = v.source(c.citation.sourceId);
    const links = c.links.map((k) => `${capitalize(k.relation)}: ${v.cite(k)} — «${k.quote}»`).join('\n');
    const attributes = (source?.attributes ?? []).map((a) => `${a.name}: ${a.value}`).join('; ');
    return [
      c.id,
      String(c.number),
      source?.title ?? c.citation.title,
      c.citation.outlet,
      c.citation.date ?? '',
      c.citation.page ? String(c.citation.page) : '',
      String(c.citation.paragraph),
      c.quote,
      c.tags.join('; '),
      c.note?.text ?? '',
      links,
      c.grade ?? '',
      attributes,
    ];
  });
  const text = [[...CSV_COLUMNS], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n' + assessmentCsv(d, v.l);
  return opts.bom ? `\ufeff${text}` : text;
}
