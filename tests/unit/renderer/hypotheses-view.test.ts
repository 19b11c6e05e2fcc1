/**
 * The matrix view after an edit is patched from the view on screen rather than built afresh from
 * the 6,000 ratings of a large matrix; what it shows must be exactly what a fresh view shows.
 */
import { describe, expect, it } from 'vitest';
import { RATINGS, type CellRating, type Matrix } from '../../../shared/hypotheses';
import { keepUnchanged } from '../../../renderer/hypotheses/keepUnchanged';
import type { Shown } from '../../../renderer/hypotheses/store';
import { deriveView, type DerivedView } from '../../../renderer/hypotheses/useMatrixView';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ROWS = 30;
const HYPS = 4;
const LEVELS = ['low', 'medium', 'high'] as const;

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function matrix(rand: () => number): Matrix {
  const analysis = { id: id(1), question: 'Why?', author: 'A', position: 0, createdAt: 't', modifiedAt: 't' };
  const hypotheses = Array.from({ length: HYPS }, (_, i) => ({ id: id(2 + i), analysisId: id(1), title: `H${i}`, kind: 'plain' as const, description: '', descriptionText: '', author: 'A', position: i, createdAt: 't', modifiedAt: 't' }));
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    id: id(100 + i),
    analysisId: id(1),
    kind: 'assumption' as const,
    claimId: null,
    text: `row ${i}`,
    source: '',
    sources: 0,
    credibility: null,
    effectiveCredibility: LEVELS[i % 3]!,
    grading: null,
    relevance: LEVELS[(i + 1) % 3]!,
    doubtful: i % 7 === 0,
    missing: false,
    author: 'A',
    position: i,
  }));
  const ratings: CellRating[] = [];
  for (const author of ['A', 'B']) {
    for (const r of rows) {
      for (const h of hypotheses) {
        if (rand() < 0.2) continue;
        ratings.push({ id: crypto.randomUUID(), rowId: r.id, hypothesisId: h.id, author, rating: RATINGS[Math.floor(rand() * RATINGS.length)]!, rationale: rand() < 0.1 ? 'why' : '', modifiedAt: 't' });
      }
    }
  }
  return { analysis, hypotheses, rows, ratings, authors: ['A', 'B'], suggestions: [{ rowId: rows[3]!.id, hypothesisId: hypotheses[1]!.id, rating: 'C', viaRowId: rows[4]!.id }] };
}

/** One key press on a cell, as the store shows it before the backend answers: replaced in place, or removed. */
function rate(m: Matrix, rowId: string, hypothesisId: string, rating: (typeof RATINGS)[number] | null): Matrix {
  const at = m.ratings.findIndex((g) => g.rowId === rowId && g.hypothesisId === hypothesisId && g.author === 'A');
  const ratings = m.ratings.slice();
  if (rating === null) {
    if (at >= 0) ratings.splice(at, 1);
  } else {
    const next = { id: at >= 0 ? m.ratings[at]!.id : crypto.randomUUID(), rowId, hypothesisId, author: 'A', rating, rationale: '', modifiedAt: 'now' };
    if (at >= 0) ratings[at] = next;
    else ratings.push(next);
  }
  return { ...m, ratings };
}

function shownOf(d: DerivedView) {
  const m = d.matrix;
  return {
    order: d.view.order,
    scores: d.view.scores,
    cells: m.rows.map((r) => d.view.cells(r.id)),
    ratings: m.rows.map((r) => m.hypotheses.map((h) => [d.view.rating(r.id, h.id), d.view.rationale(r.id, h.id), d.view.suggestion(r.id, h.id)])),
  };
}

describe('the matrix view after an edit', () => {
  it('a view patched edit after edit (and after each read-back) shows exactly what a view built afresh shows', () => {
    const rand = seeded(11);
    let m = matrix(rand);
    const mine: Shown = { kind: 'mine' };
    let d = deriveView(m, mine, true, null);
    shownOf(d);
    for (let step = 0; step < 60; step++) {
      const row = m.rows[Math.floor(rand() * ROWS)]!;
      const h = m.hypotheses[Math.floor(rand() * HYPS)]!;
      const pick = Math.floor(rand() * (RATINGS.length + 1));
      m = rate(m, row.id, h.id, pick === RATINGS.length ? null : RATINGS[pick]!);
      d = deriveView(m, mine, true, d);
      expect(shownOf(d)).toEqual(shownOf(deriveView(m, mine, true, null)));
      // The backend's answer: the same ratings as fresh objects, in its own order.
      const readBack = keepUnchanged(m, { ...m, ratings: [...m.ratings].reverse().map((g) => ({ ...g })) });
      d = deriveView(readBack, mine, true, d);
      m = readBack;
      expect(shownOf(d)).toEqual(shownOf(deriveView(m, mine, true, null)));
    }
  });

  it('a rating edit works out the cells of the edited row only; the other rows keep theirs', () => {
    const m = matrix(seeded(5));
    const mine: Shown = { kind: 'mine' };
    const before = deriveView(m, mine, false, null);
    for (const r of m.rows) before.view.cells(r.id);
    const was = before.view.rating(m.rows[7]!.id, m.hypotheses[2]!.id);
    const edited = rate(m, m.rows[7]!.id, m.hypotheses[2]!.id, was === 'II' ? 'CC' : 'II');
    const after = deriveView(edited, mine, false, before);
    expect(after.cellCache.has(m.rows[7]!.id)).toBe(false);
    expect(after.cellCache.size).toBe(ROWS - 1);
    expect(after.view.cells(m.rows[7]!.id)).not.toBe(before.view.cells(m.rows[7]!.id));
    // The view the edit started from still shows the matrix it was built on.
    expect(before.view.rating(m.rows[7]!.id, m.hypotheses[2]!.id)).toBe(deriveView(m, mine, false, null).view.rating(m.rows[7]!.id, m.hypotheses[2]!.id));
  });

  it('a read-back with one rating changed keeps the other ratings as the very same objects', () => {
    const m = matrix(seeded(3));
    const answer = { ...m, ratings: m.ratings.map((g, i) => (i === 4 ? { ...g, rating: g.rating === 'II' ? ('CC' as const) : ('II' as const) } : { ...g })) };
    const kept = keepUnchanged(m, answer);
    expect(kept.ratings.filter((g, i) => g !== m.ratings[i])).toHaveLength(1);
  });
});
