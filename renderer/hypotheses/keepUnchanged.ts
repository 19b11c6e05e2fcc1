import type { Matrix } from '../../shared/hypotheses';

type Flat = Record<string, unknown>;

function sameFields(a: Flat, b: Flat): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** `next`, or `prev` itself when every element is the same field by field, so nothing downstream recomputes. */
function keepList<T extends object>(prev: readonly T[], next: readonly T[]): readonly T[] {
  if (prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (!sameFields(prev[i] as Flat, next[i] as Flat)) return next;
  return prev;
}

/**
 * Like keepList, and where the lists differ the elements that did not change are still the very
 * same objects (matched by id), so the view compares by identity and works out only what changed.
 */
function keepElements<T extends { id: string }>(prev: readonly T[], next: readonly T[]): readonly T[] {
  const kept = keepList(prev, next);
  if (kept === prev) return prev;
  const old = new Map(prev.map((x) => [x.id, x]));
  return next.map((x) => {
    const o = old.get(x.id);
    return o && sameFields(o as Flat, x as Flat) ? o : x;
  });
}

/**
 * The matrix read back after every edit (and again when the history changes) is mostly what is
 * shown already. Keeping the unchanged parts (the very same row objects, lists and matrix) lets the
 * memoised rows skip rendering, and an identical read-back renders nothing at all.
 */
export function keepUnchanged(prev: Matrix | null, next: Matrix): Matrix {
  if (!prev || prev.analysis.id !== next.analysis.id) return next;
  const old = new Map(prev.rows.map((r) => [r.id, r]));
  let rowsKept = prev.rows.length === next.rows.length;
  const rows = next.rows.map((r, i) => {
    const o = old.get(r.id);
    const kept = o && sameFields(o, r) ? o : r;
    if (kept !== prev.rows[i]) rowsKept = false;
    return kept;
  });
  const parts = {
    analysis: sameFields(prev.analysis, next.analysis) ? prev.analysis : next.analysis,
    hypotheses: keepList(prev.hypotheses, next.hypotheses),
    rows: rowsKept ? prev.rows : rows,
    ratings: keepElements(prev.ratings, next.ratings),
    authors: prev.authors.join('\n') === next.authors.join('\n') ? prev.authors : next.authors,
    suggestions: keepList(prev.suggestions, next.suggestions),
  };
  const all = Object.keys(parts) as (keyof typeof parts)[];
  if (all.every((k) => parts[k] === prev[k])) return prev;
  return { ...next, ...parts } as Matrix;
}
