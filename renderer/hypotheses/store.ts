import { create } from 'zustand';
import type { Analysis, Level, Matrix, Rating } from '../../shared/hypotheses';
import { call } from '../api/client';
import { trackSave } from '../history/pendingSaves';
import { keepUnchanged } from './keepUnchanged';

/** Whose ratings the matrix shows: mine, one colleague's, or the group's side by side. */
export type Shown = { kind: 'mine' } | { kind: 'author'; author: string } | { kind: 'group' };

export interface Cursor {
  row: number;
  col: number;
}

interface HypothesesState {
  /** The project these belong to: another project starts afresh. */
  project: string | null;
  analyses: Analysis[];
  analysisId: string | null;
  matrix: Matrix | null;
  cursor: Cursor;
  shown: Shown;
  /** Rows of zero diagnosticity go last. */
  sortByDiagnosticity: boolean;
  /** The cell whose rationale is being written. */
  explaining: Cursor | null;
  /** Edits sent and not yet answered: a reload started meanwhile would show the matrix without them. */
  pending: number;
  error: string | null;
}

const initial: Omit<HypothesesState, 'project'> = {
  analyses: [],
  analysisId: null,
  matrix: null,
  cursor: { row: 0, col: 0 },
  shown: { kind: 'mine' },
  sortByDiagnosticity: false,
  explaining: null,
  pending: 0,
  error: null,
};

export const useHypotheses = create<HypothesesState>(() => ({ project: null, ...initial }));

const set = useHypotheses.setState;
const get = useHypotheses.getState;

let loadSeq = 0;
/** Edits go to the backend one after another, in the order the keys were pressed. */
let queue: Promise<unknown> = Promise.resolve();

/** Loads the analyses of `project` (and the matrix of the one chosen), keeping the choice within a project. */
export async function loadHypotheses(project: string | null): Promise<void> {
  if (get().project !== project) set({ project, ...initial });
  if (!project) return;
  const seq = ++loadSeq;
  const analyses = await call('hypotheses.analyses', {});
  const chosen = analyses.find((a) => a.id === get().analysisId)?.id ?? analyses[0]?.id ?? null;
  const matrix = chosen ? await call('hypotheses.matrix', { analysisId: chosen }) : null;
  // A load overtaken by a newer one, or by edits not yet answered, would put back an older matrix.
  if (seq !== loadSeq || get().pending > 0 || get().project !== project) return;
  const shown = matrix ? keepUnchanged(get().matrix, matrix) : null;
  set({ analyses, analysisId: chosen, matrix: shown, cursor: clampCursor(get().cursor, shown) });
}

export function chooseAnalysis(id: string): void {
  set({ analysisId: id, cursor: { row: 0, col: 0 }, explaining: null });
  void loadHypotheses(get().project);
}

function clampCursor(c: Cursor, m: Matrix | null): Cursor {
  if (!m) return { row: 0, col: 0 };
  return { row: Math.max(0, Math.min(c.row, m.rows.length - 1)), col: Math.max(0, Math.min(c.col, m.hypotheses.length - 1)) };
}

export function moveCursor(dRow: number, dCol: number, order: readonly number[]): void {
  const { cursor, matrix } = get();
  if (!matrix) return;
  // The cursor walks the rows as shown (sorted or not): `order` maps shown positions to rows.
  const shownAt = Math.max(0, order.indexOf(cursor.row));
  const nextShown = Math.max(0, Math.min(order.length - 1, shownAt + dRow));
  set({ cursor: clampCursor({ row: order[nextShown] ?? 0, col: cursor.col + dCol }, matrix), explaining: null });
}

export function setCursor(cursor: Cursor): void {
  set({ cursor: clampCursor(cursor, get().matrix) });
}

/**
 * Runs an edit after the ones before it. `local` shows its effect at once (scores recompute in the
 * same frame); the matrix is read back when the last edit is answered. Resolves to the error
 * message when the backend refused it.
 */
export function edit(send: () => Promise<unknown>, local?: (m: Matrix) => Matrix, after?: () => void): Promise<string | null> {
  set((s) => ({ pending: s.pending + 1, error: null, ...(local && s.matrix ? { matrix: local(s.matrix) } : {}) }));
  const run = queue.then(async () => {
    // An edit already shown is sent after the frame that shows it: the request costs the key press
    // a couple of milliseconds, and a frame is 16.
    if (local) await afterPaint();
    let failed: string | null = null;
    try {
      await send();
    } catch (err) {
      failed = (err as Error).message;
    }
    set((s) => ({ pending: s.pending - 1, ...(failed ? { error: failed } : {}) }));
    if (get().pending === 0) await loadHypotheses(get().project);
    after?.();
    return failed;
  });
  queue = run;
  trackSave(run);
  return run;
}

/** After the next frame is painted; at most 100 ms, since a hidden page paints no frames. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** My rating of a cell, shown at once; null clears it. */
export function rateCell(rowId: string, hypothesisId: string, rating: Rating | null, me: string, after?: () => void): Promise<string | null> {
  return edit(
    () => call('hypotheses.rate', { rowId, hypothesisId, rating }),
    (m) => {
      // The cell's rating is replaced where it stands, the others kept as they are: the view finds
      // what changed by comparing the lists, and works out only this row again.
      const at = m.ratings.findIndex((g) => g.rowId === rowId && g.hypothesisId === hypothesisId && g.author === me);
      const ratings = m.ratings.slice();
      if (rating === null) {
        if (at >= 0) ratings.splice(at, 1);
        return { ...m, ratings };
      }
      const old = at >= 0 ? m.ratings[at] : undefined;
      const next = { id: old?.id ?? crypto.randomUUID(), rowId, hypothesisId, author: me, rating, rationale: old?.rationale ?? '', modifiedAt: new Date().toISOString() };
      if (at >= 0) ratings[at] = next;
      else ratings.push(next);
      return { ...m, ratings };
    },
    after,
  );
}

/** Changes a row's credibility, relevance or doubtful mark, shown at once. */
export function updateRow(id: string, patch: { credibility?: Level | null; relevance?: Level; doubtful?: boolean }, after?: () => void): Promise<string | null> {
  return edit(
    () => call('hypotheses.updateRow', { id, ...patch }),
    (m) => ({
      ...m,
      // Back to the grading's default (null) shows the old level until the matrix is read back.
      rows: m.rows.map((r) => (r.id !== id ? r : { ...r, ...patch, effectiveCredibility: patch.credibility ?? r.effectiveCredibility })),
    }),
    after,
  );
}

export function setShown(shown: Shown): void {
  set({ shown });
}

export function toggleSort(): void {
  set((s) => ({ sortByDiagnosticity: !s.sortByDiagnosticity }));
}

export function explainCell(c: Cursor | null): void {
  set({ explaining: c });
}

export function clearError(): void {
  set({ error: null });
}
