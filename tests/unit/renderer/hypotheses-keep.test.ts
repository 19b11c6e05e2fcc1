/**
 * The matrix read back after every edit keeps the objects that did not change, so the memoised
 * rows of a 500-row matrix skip rendering and an identical read-back renders nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../../shared/hypotheses';
import { keepUnchanged } from '../../../renderer/hypotheses/keepUnchanged';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function matrix(ratings: Record<number, 'CC' | 'I'>): Matrix {
  const analysis = { id: id(1), question: 'Why?', author: 'A', position: 0, createdAt: 't', modifiedAt: 't' };
  const hypotheses = [{ id: id(2), analysisId: id(1), title: 'H', kind: 'plain' as const, description: '', descriptionText: '', author: 'A', position: 0, createdAt: 't', modifiedAt: 't' }];
  const rows = [10, 11, 12].map((n, i) => ({
    id: id(n),
    analysisId: id(1),
    kind: 'assumption' as const,
    claimId: null,
    text: `row ${n}`,
    source: '',
    sources: 0,
    credibility: null,
    effectiveCredibility: 'medium' as const,
    grading: null,
    relevance: 'medium' as const,
    doubtful: false,
    missing: false,
    author: 'A',
    position: i,
  }));
  return {
    analysis,
    hypotheses,
    rows,
    ratings: Object.entries(ratings).map(([n, rating]) => ({ id: id(100 + Number(n)), rowId: id(Number(n)), hypothesisId: id(2), author: 'A', rating, rationale: '', modifiedAt: 't' })),
    authors: ['A'],
    suggestions: [],
  };
}

describe('the matrix read back', () => {
  it('a read-back identical to the matrix shown is the very same object, so nothing re-renders', () => {
    const shown = matrix({ 10: 'CC' });
    expect(keepUnchanged(shown, matrix({ 10: 'CC' }))).toBe(shown);
  });

  it('a read-back with one rating changed keeps the unchanged rows and hypotheses as they were', () => {
    const shown = matrix({ 10: 'CC' });
    const next = keepUnchanged(shown, matrix({ 10: 'I' }));
    expect(next).not.toBe(shown);
    expect(next.ratings[0]!.rating).toBe('I');
    expect(next.rows).toBe(shown.rows);
    expect(next.hypotheses).toBe(shown.hypotheses);
  });

  it('a read-back with one row changed makes that row new and keeps the others', () => {
    const shown = matrix({});
    const changed = matrix({});
    changed.rows[1] = { ...changed.rows[1]!, doubtful: true };
    const next = keepUnchanged(shown, changed);
    expect(next.rows).not.toBe(shown.rows);
    expect(next.rows[0]).toBe(shown.rows[0]);
    expect(next.rows[1]!.doubtful).toBe(true);
    expect(next.rows[2]).toBe(shown.rows[2]);
  });
});
