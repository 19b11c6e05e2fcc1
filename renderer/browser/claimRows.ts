import type { Annotation, DocumentMeta, Link, Tag } from '../../shared/contract';
import { keyHaystack, matchesTyping } from '../../shared/words';
import { attributeFilterEntries, UNTAGGED, type ClaimFilters, type ClaimSort } from './filters';

/**
 * One claim as the browser shows, filters and sorts it. Everything a filter or sort reads is worked
 * out once per change of the project's data, so a keystroke in the search box costs one pass of
 * cheap comparisons even over ten thousand claims.
 */
export interface ClaimRow {
  annotation: Annotation;
  document: DocumentMeta | undefined;
  /** Position of the document in the document list; unknown documents sort last. */
  docIndex: number;
  date: string | null;
  /** The claim's tags that still exist, in the claim's own order. */
  tags: Tag[];
  /** Lowest tag position among the claim's tags; untagged claims sort after every tag. */
  firstTagPosition: number;
  linkCount: number;
  /**
   * The search keys of the quote and the note (the filter matches words the way search does),
   * worked out the first time a text filter reads them: opening a project does not stem every claim.
   */
  keys?: string;
}

export function buildRows(annotations: readonly Annotation[], documents: readonly DocumentMeta[], tags: readonly Tag[], links: readonly Link[]): ClaimRow[] {
  const docIndex = new Map(documents.map((d, i) => [d.id, i]));
  const docById = new Map(documents.map((d) => [d.id, d]));
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const linkCount = new Map<string, number>();
  for (const l of links) {
    linkCount.set(l.fromId, (linkCount.get(l.fromId) ?? 0) + 1);
    linkCount.set(l.toId, (linkCount.get(l.toId) ?? 0) + 1);
  }
  return annotations.map((a) => {
    const own = a.tagIds.map((id) => tagById.get(id)).filter((t): t is Tag => t !== undefined);
    const document = docById.get(a.documentId);
    return {
      annotation: a,
      document,
      docIndex: docIndex.get(a.documentId) ?? Number.MAX_SAFE_INTEGER,
      date: document?.date ?? null,
      tags: own,
      firstTagPosition: own.length ? Math.min(...own.map((t) => t.position)) : Number.MAX_SAFE_INTEGER,
      linkCount: linkCount.get(a.id) ?? 0,
    };
  });
}

const byDocument = (a: ClaimRow, b: ClaimRow) => a.docIndex - b.docIndex || a.annotation.start - b.annotation.start || a.annotation.end - b.annotation.end;

/** Undated documents sort after dated ones. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

const comparators: Record<ClaimSort, (a: ClaimRow, b: ClaimRow) => number> = {
  document: byDocument,
  date: (a, b) => compareDates(a.date, b.date) || byDocument(a, b),
  tag: (a, b) => a.firstTagPosition - b.firstTagPosition || byDocument(a, b),
};

export function sortRows(rows: readonly ClaimRow[], sort: ClaimSort): ClaimRow[] {
  return [...rows].sort(comparators[sort]);
}

/**
 * Keeps the order of `rows`; filters naming tags, documents or attributes that no longer exist are
 * ignored. `within` maps a tag to itself and its descendants: a claim coded with a subtag matches its parent.
 */
export function filterRows(
  rows: readonly ClaimRow[],
  f: ClaimFilters,
  known: {
    tagIds: ReadonlySet<string>;
    documentIds: ReadonlySet<string>;
    attributeIds?: ReadonlySet<string>;
    within?: ReadonlyMap<string, ReadonlySet<string>>;
  },
  valueOf: (row: ClaimRow, attributeId: string) => string | undefined = () => undefined,
): ClaimRow[] {
  const attributeTests = attributeFilterEntries(f).filter(([id]) => known.attributeIds?.has(id) ?? false);
  const tagIds = f.tagIds.filter((id) => id === UNTAGGED || known.tagIds.has(id));
  const wantUntagged = tagIds.includes(UNTAGGED);
  const realTags = tagIds.filter((id) => id !== UNTAGGED);
  const docs = new Set(f.documentIds.filter((id) => known.documentIds.has(id)));
  const hasText = /[\p{L}\p{N}]/u.test(f.text);

  const tagTest = (row: ClaimRow): boolean => {
    if (tagIds.length === 0) return true;
    const own = row.annotation.tagIds;
    const has = (id: string) => {
      const family = known.within?.get(id);
      return family ? own.some((o) => family.has(o)) : own.includes(id);
    };
    if (f.tagMode === 'all') return (!wantUntagged || row.tags.length === 0) && realTags.every(has);
    return (wantUntagged && row.tags.length === 0) || realTags.some(has);
  };

  return rows.filter(
    (row) =>
      (docs.size === 0 || docs.has(row.annotation.documentId)) &&
      (f.author === null || row.annotation.author === f.author) &&
      (f.links === 'all' || (f.links === 'linked') === row.linkCount > 0) &&
      tagTest(row) &&
      attributeTests.every(([id, values]) => values.includes(valueOf(row, id) ?? '')) &&
      (!hasText || matchesTyping((row.keys ??= keyHaystack(row.annotation.exact, row.annotation.noteText)), f.text)),
  );
}
