/**
 * Pages in the share file: a claim on a paged source (a PDF) carries, beside its text selectors,
 * a W3C FragmentSelector naming its page the way RFC 3778 addresses PDF pages ("page=12"). A
 * reader that does not know it anchors by the text selectors as before.
 */
import { pageAt } from '../../../shared/pages';
import type { Db } from '../store/db';

export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

/** The page selector of a claim starting at `start` in the document with content hash `hash`, or none for an unpaged source. */
export function pageSelectors(db: Db): (hash: string, start: number) => Record<string, unknown>[] {
  const starts = new Map<string, number[]>();
  const rows = db
    .prepare('SELECT d.content_hash AS hash, p.start FROM document_pages p JOIN documents d ON d.id = p.document_id ORDER BY d.content_hash, p.page')
    .all() as { hash: string; start: number }[];
  for (const r of rows) {
    const list = starts.get(r.hash) ?? [];
    list.push(r.start);
    starts.set(r.hash, list);
  }
  return (hash, start) => {
    const pages = starts.get(hash);
    if (!pages) return [];
    return [{ type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${pageAt(pages, start)}` }];
  };
}
