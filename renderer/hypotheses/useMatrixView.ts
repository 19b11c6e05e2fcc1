import { useMemo } from 'react';
import { computeScores, groupCell, type GroupCell, type Matrix, type Rating, type Scores } from '../../shared/hypotheses';
import type { Shown } from './store';

export interface MatrixView {
  /** Row indexes in the order shown. */
  order: number[];
  scores: Scores;
  /** The rating counted in a cell as shown (mine, a colleague's, or the group's consensus). */
  rating(rowId: string, hypothesisId: string): Rating | undefined;
  /** Every analyst's rating of a cell with the consensus and spread (group view only). */
  group(rowId: string, hypothesisId: string): GroupCell | null;
  rationale(rowId: string, hypothesisId: string): string;
  suggestion(rowId: string, hypothesisId: string): Rating | undefined;
}

/** Everything the matrix shows, derived from the matrix and whose ratings are shown; recomputed once per change. */
export function useMatrixView(matrix: Matrix | null, shown: Shown, sortByDiagnosticity: boolean): MatrixView | null {
  return useMemo(() => (matrix ? matrixView(matrix, shown, sortByDiagnosticity) : null), [matrix, shown, sortByDiagnosticity]);
}

export function matrixView(matrix: Matrix, shown: Shown, sortByDiagnosticity: boolean): MatrixView {
  const me = matrix.authors[0] ?? '';
  // Author → row → hypothesis: joining ids into one key per lookup cost more than the scores.
  const byAuthor = new Map<string, Map<string, Map<string, { rating: Rating; rationale: string }>>>();
  for (const g of matrix.ratings) {
    let m = byAuthor.get(g.author);
    if (!m) byAuthor.set(g.author, (m = new Map()));
    let row = m.get(g.rowId);
    if (!row) m.set(g.rowId, (row = new Map()));
    row.set(g.hypothesisId, { rating: g.rating, rationale: g.rationale });
  }
  const cellOf = (author: string, r: string, h: string) => byAuthor.get(author)?.get(r)?.get(h);
  const groups = new Map<string, Map<string, GroupCell>>();
  if (shown.kind === 'group') {
    for (const row of matrix.rows) {
      for (const h of matrix.hypotheses) {
        const cell = groupCell(matrix.authors.map((a) => cellOf(a, row.id, h.id)?.rating));
        if (!cell.byAuthor.some((r) => r !== undefined)) continue;
        let cells = groups.get(row.id);
        if (!cells) groups.set(row.id, (cells = new Map()));
        cells.set(h.id, cell);
      }
    }
  }
  const whose = shown.kind === 'author' ? shown.author : me;
  const rating =
    shown.kind === 'group'
      ? (r: string, h: string) => groups.get(r)?.get(h)?.consensus
      : (r: string, h: string) => cellOf(whose, r, h)?.rating;
  const scores = computeScores(
    matrix.rows.map((r) => ({ id: r.id, credibility: r.effectiveCredibility, relevance: r.relevance, doubtful: r.doubtful })),
    matrix.hypotheses.map((h) => h.id),
    rating,
  );
  const order = matrix.rows.map((_, i) => i);
  if (sortByDiagnosticity) {
    const d = (i: number) => scores.diagnosticity.get(matrix.rows[i]!.id) ?? 0;
    // Most diagnostic first; rows that cannot tell hypotheses apart go last. Ties keep the analyst's order.
    order.sort((a, b) => d(b) - d(a) || a - b);
  }
  // Nested like the ratings: every render asks each of the 6,000 cells of a large matrix.
  const suggestions = new Map<string, Map<string, Rating>>();
  for (const s of matrix.suggestions) {
    let row = suggestions.get(s.rowId);
    if (!row) suggestions.set(s.rowId, (row = new Map()));
    row.set(s.hypothesisId, s.rating);
  }
  return {
    order,
    scores,
    rating,
    group: shown.kind === 'group' ? (r, h) => groups.get(r)?.get(h) ?? null : () => null,
    rationale: (r, h) => cellOf(whose, r, h)?.rationale ?? '',
    suggestion: (r, h) => (shown.kind === 'mine' ? suggestions.get(r)?.get(h) : undefined),
  };
}
