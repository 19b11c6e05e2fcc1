import { useMemo, useRef } from 'react';
import { groupCell, scoreCells, scoresOf, type GroupCell, type Matrix, type Rating, type ScoreCells, type Scores } from '../../shared/hypotheses';
import { indexRatings, patchIndex, ratingChanges, type RatingIndex } from './ratingIndex';
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
  /**
   * Everything a row's cells show, as one string: a row re-renders only when it changes. Kept from
   * one view to the next for the rows an edit did not touch, so a key press works out one row.
   */
  cells(rowId: string): string;
}

/** A view with what the next one can start from. */
export interface DerivedView {
  matrix: Matrix;
  shown: Shown;
  sortByDiagnosticity: boolean;
  index: RatingIndex;
  suggestions: ReadonlyMap<string, ReadonlyMap<string, Rating>>;
  cellCache: Map<string, string>;
  /** What each cell adds to the scores: an edit works out its row's again and totals up. */
  scoreCells: ScoreCells;
  view: MatrixView;
}

/** More changed ratings than this and the index is built afresh, which then costs about the same. */
const PATCH_MAX = 64;

/** Everything the matrix shows, derived from the matrix and whose ratings are shown; recomputed once per change. */
export function useMatrixView(matrix: Matrix | null, shown: Shown, sortByDiagnosticity: boolean): MatrixView | null {
  const last = useRef<DerivedView | null>(null);
  return useMemo(() => {
    if (!matrix) return (last.current = null);
    last.current = deriveView(matrix, shown, sortByDiagnosticity, last.current);
    return last.current.view;
  }, [matrix, shown, sortByDiagnosticity]);
}

export function matrixView(matrix: Matrix, shown: Shown, sortByDiagnosticity: boolean): MatrixView {
  return deriveView(matrix, shown, sortByDiagnosticity, null).view;
}

/**
 * The view of `matrix`. When `prev` shows the same rows, hypotheses and analysts and only a few
 * ratings differ (an edit, or its read-back), its index is patched and the cells of the rows left
 * alone are kept, instead of indexing the 6,000 ratings of a large matrix again.
 */
export function deriveView(matrix: Matrix, shown: Shown, sortByDiagnosticity: boolean, prev: DerivedView | null): DerivedView {
  const same =
    prev !== null &&
    shown.kind !== 'group' &&
    prev.shown === shown &&
    prev.matrix.rows === matrix.rows &&
    prev.matrix.hypotheses === matrix.hypotheses &&
    prev.matrix.authors === matrix.authors &&
    prev.matrix.suggestions === matrix.suggestions;
  const changes = same ? ratingChanges(prev.matrix.ratings, matrix.ratings, PATCH_MAX) : null;
  let index: RatingIndex;
  let suggestions: ReadonlyMap<string, ReadonlyMap<string, Rating>>;
  let cellCache: Map<string, string>;
  let redo: { from: ScoreCells; rows: number[] } | undefined;
  if (prev && changes) {
    const patched = patchIndex(prev.index, changes);
    index = patched.index;
    suggestions = prev.suggestions;
    cellCache = new Map(prev.cellCache);
    for (const id of patched.rows) cellCache.delete(id);
    const touched = new Set(patched.rows);
    redo = { from: prev.scoreCells, rows: matrix.rows.flatMap((r, i) => (touched.has(r.id) ? [i] : [])) };
  } else {
    index = indexRatings(matrix.ratings);
    suggestions = indexSuggestions(matrix);
    cellCache = new Map();
  }
  const { view, cells } = buildView(matrix, shown, sortByDiagnosticity, index, suggestions, cellCache, redo);
  return { matrix, shown, sortByDiagnosticity, index, suggestions, cellCache, scoreCells: cells, view };
}

function indexSuggestions(matrix: Matrix): Map<string, Map<string, Rating>> {
  // Nested like the ratings: every render asks each of the 6,000 cells of a large matrix.
  const suggestions = new Map<string, Map<string, Rating>>();
  for (const s of matrix.suggestions) {
    let row = suggestions.get(s.rowId);
    if (!row) suggestions.set(s.rowId, (row = new Map()));
    row.set(s.hypothesisId, s.rating);
  }
  return suggestions;
}

function buildView(
  matrix: Matrix,
  shown: Shown,
  sortByDiagnosticity: boolean,
  index: RatingIndex,
  suggestions: ReadonlyMap<string, ReadonlyMap<string, Rating>>,
  cellCache: Map<string, string>,
  redo: { from: ScoreCells; rows: number[] } | undefined,
): { view: MatrixView; cells: ScoreCells } {
  const me = matrix.authors[0] ?? '';
  const whose = shown.kind === 'author' ? shown.author : me;
  const theirs = index.get(whose);
  const cellOf = (r: string, h: string) => theirs?.get(r)?.get(h);
  const groups = new Map<string, Map<string, GroupCell>>();
  if (shown.kind === 'group') {
    for (const row of matrix.rows) {
      for (const h of matrix.hypotheses) {
        const cell = groupCell(matrix.authors.map((a) => index.get(a)?.get(row.id)?.get(h.id)?.rating));
        if (!cell.byAuthor.some((r) => r !== undefined)) continue;
        let cells = groups.get(row.id);
        if (!cells) groups.set(row.id, (cells = new Map()));
        cells.set(h.id, cell);
      }
    }
  }
  const rating = shown.kind === 'group' ? (r: string, h: string) => groups.get(r)?.get(h)?.consensus : (r: string, h: string) => cellOf(r, h)?.rating;
  const scoreRows = matrix.rows.map((r) => ({ id: r.id, credibility: r.effectiveCredibility, relevance: r.relevance, doubtful: r.doubtful }));
  const hypothesisIds = matrix.hypotheses.map((h) => h.id);
  const cells = scoreCells(scoreRows, hypothesisIds, rating, redo);
  const scores = scoresOf(scoreRows, hypothesisIds, cells);
  const order = matrix.rows.map((_, i) => i);
  if (sortByDiagnosticity) {
    const d = (i: number) => scores.diagnosticity.get(matrix.rows[i]!.id) ?? 0;
    // Most diagnostic first; rows that cannot tell hypotheses apart go last. Ties keep the analyst's order.
    order.sort((a, b) => d(b) - d(a) || a - b);
  }
  const view: MatrixView = {
    order,
    scores,
    rating,
    group: shown.kind === 'group' ? (r, h) => groups.get(r)?.get(h) ?? null : () => null,
    rationale: (r, h) => cellOf(r, h)?.rationale ?? '',
    suggestion: (r, h) => (shown.kind === 'mine' ? suggestions.get(r)?.get(h) : undefined),
    cells(rowId) {
      let out = cellCache.get(rowId);
      if (out === undefined) {
        out = '';
        for (const h of matrix.hypotheses) {
          const g = view.group(rowId, h.id);
          out += `${rating(rowId, h.id) ?? ''}\u0001${view.suggestion(rowId, h.id) ?? ''}\u0001${view.rationale(rowId, h.id)}\u0001${g ? `${g.byAuthor.join(',')}:${g.disagreement}` : ''}\u0002`;
        }
        cellCache.set(rowId, out);
      }
      return out;
    },
  };
  return { view, cells };
}
