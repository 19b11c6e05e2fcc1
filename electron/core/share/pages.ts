/**
 * Pages in the share file: a claim on a paged source (a PDF) carries, beside its text selectors,
 * a W3C FragmentSelector naming its page the way RFC 3778 addresses PDF pages ("page=12"). A
 * reader that does not know it anchors by the text selectors as before.
 */
import { pageAt } from '../../../shared/pages';
import { AppError } from '../errors';
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

/** A paged source's page map beside its embedded text, so a colleague who gets the text gets its pages. */
export function embeddedPages(pageStarts: number[]): { 'cr:pages'?: number[] } {
  return pageStarts.length > 0 ? { 'cr:pages': pageStarts } : {};
}

/** The most pages a shared document may list: as many as an imported PDF may have. */
const MAX_SHARED_PAGES = 2000;

/**
 * A shared document's page map (`cr:pages`, sent with its embedded text), checked against that
 * text: whole offsets, rising, the first 0, none past the end. Anything else is refused by place.
 */
export function sharedPageStarts(fileName: string, index: number, raw: unknown, textLength: number): number[] | undefined {
  if (raw === undefined) return undefined;
  const bad = (why: string) => new AppError('bad-input', `${fileName} is not a usable annotation file: cr:project.documents[${index}].cr:pages: ${why}.`);
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_SHARED_PAGES) throw bad(`expected a list of 1 to ${MAX_SHARED_PAGES} page offsets`);
  const starts = raw as unknown[];
  if (!starts.every((s): s is number => Number.isSafeInteger(s) && (s as number) >= 0 && (s as number) <= textLength)) {
    throw bad('every page offset must be a whole number within the text');
  }
  if (starts[0] !== 0 || starts.some((s, i) => i > 0 && s < starts[i - 1]!)) throw bad('page offsets must start at 0 and never go back');
  return starts;
}
