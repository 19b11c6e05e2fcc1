import type { CellRating, Rating } from '../../shared/hypotheses';

export interface IndexedCell {
  rating: Rating;
  rationale: string;
}

/** Author → row → hypothesis → cell: nested, because joining ids into one key per lookup cost more than the scores. */
export type RatingIndex = ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, IndexedCell>>>;

export interface RatingChanges {
  added: readonly CellRating[];
  removed: readonly CellRating[];
}

export function indexRatings(ratings: readonly CellRating[]): RatingIndex {
  const byAuthor = new Map<string, Map<string, Map<string, IndexedCell>>>();
  for (const g of ratings) {
    let m = byAuthor.get(g.author);
    if (!m) byAuthor.set(g.author, (m = new Map()));
    let row = m.get(g.rowId);
    if (!row) m.set(g.rowId, (row = new Map()));
    row.set(g.hypothesisId, { rating: g.rating, rationale: g.rationale });
  }
  return byAuthor;
}

/**
 * The ratings only in `next` and only in `prev`, compared by identity (the store keeps unchanged
 * ratings as the very same objects); null when more than `max` changed, where rebuilding is as cheap.
 */
export function ratingChanges(prev: readonly CellRating[], next: readonly CellRating[], max: number): RatingChanges | null {
  if (prev === next) return { added: [], removed: [] };
  if (prev.length === next.length) {
    const added: CellRating[] = [];
    const removed: CellRating[] = [];
    for (let i = 0; i < next.length; i++) {
      if (prev[i] === next[i]) continue;
      added.push(next[i]!);
      removed.push(prev[i]!);
      if (added.length > max) return null;
    }
    return { added, removed };
  }
  if (Math.abs(prev.length - next.length) > max) return null;
  const before = new Set(prev);
  const after = new Set(next);
  const added = next.filter((g) => !before.has(g));
  const removed = prev.filter((g) => !after.has(g));
  return added.length + removed.length > 2 * max ? null : { added, removed };
}

/**
 * `index` with the changes applied, copying only the maps of the authors and rows they touch (an
 * index a view was built on is never changed under it); and the ids of the rows touched.
 */
export function patchIndex(index: RatingIndex, changes: RatingChanges): { index: RatingIndex; rows: ReadonlySet<string> } {
  const out = new Map(index) as Map<string, Map<string, Map<string, IndexedCell>>>;
  const copied = new Set<ReadonlyMap<string, unknown>>();
  const rows = new Set<string>();
  const cellsOf = (author: string, rowId: string): Map<string, IndexedCell> => {
    let byRow = out.get(author);
    if (!byRow || !copied.has(byRow)) {
      byRow = new Map(byRow);
      copied.add(byRow);
      out.set(author, byRow);
    }
    let cells = byRow.get(rowId);
    if (!cells || !copied.has(cells)) {
      cells = new Map(cells);
      copied.add(cells);
      byRow.set(rowId, cells);
    }
    rows.add(rowId);
    return cells;
  };
  // Removals first: a rating replaced by a newer one of the same cell is removed and added.
  for (const g of changes.removed) cellsOf(g.author, g.rowId).delete(g.hypothesisId);
  for (const g of changes.added) cellsOf(g.author, g.rowId).set(g.hypothesisId, { rating: g.rating, rationale: g.rationale });
  return { index: out, rows };
}
