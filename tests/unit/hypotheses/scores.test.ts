/**
 * The ACH scores against a worked example whose expected numbers are computed here by hand from
 * the formulas (PARC ACH weighted inconsistency; diagnosticity as the population standard deviation).
 */
import { describe, expect, it } from 'vitest';
import {
  computeScores,
  credibilityFromGrading,
  diagnosticity,
  groupCell,
  inconsistencyScores,
  LEVELS,
  lookupOf,
  type Level,
  type Rating,
} from '../../../shared/hypotheses';

const L = 1 / Math.sqrt(2);
const M = 1;
const H = Math.sqrt(2);

/** Rows r1..r4 against hypotheses h1..h3; '' is a blank cell. */
const GRID: Record<string, (Rating | '')[]> = {
  r1: ['CC', 'I', 'II'],
  r2: ['C', 'NA', 'I'],
  r3: ['N', 'N', 'N'],
  r4: ['', 'II', 'C'],
};
const H_IDS = ['h1', 'h2', 'h3'];

function ratingsOf(grid: Record<string, (Rating | '')[]>) {
  return Object.entries(grid).flatMap(([rowId, cells]) =>
    cells.flatMap((rating, i) => (rating ? [{ rowId, hypothesisId: H_IDS[i]!, rating }] : [])),
  );
}

describe('competing-hypotheses scores', () => {
  it('weighted inconsistency counts only I and II, weighted by credibility × relevance', () => {
    const rows = [
      { id: 'r1', credibility: 'high' as Level, relevance: 'medium' as Level, doubtful: false },
      { id: 'r2', credibility: 'low' as Level, relevance: 'high' as Level, doubtful: false },
      { id: 'r3', credibility: 'medium' as Level, relevance: 'medium' as Level, doubtful: false },
      { id: 'r4', credibility: 'medium' as Level, relevance: 'low' as Level, doubtful: true },
    ];
    const get = lookupOf(ratingsOf(GRID));
    // h1: nothing inconsistent (CC, C, N, blank) → 0.
    // h2: r1 I → H·M·(−1) = −√2; r2 NA → 0; r3 N → 0; r4 II → M·L·(−2) = −2/√2.
    // h3: r1 II → H·M·(−2) = −2√2; r2 I → L·H·(−1) = −1; r3 N → 0; r4 C → 0.
    const expected = [0, -H * M - 2 * M * L, -2 * H * M - L * H];
    const got = inconsistencyScores(rows, H_IDS, get);
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));

    const all = computeScores(rows, H_IDS, get);
    expect(all.ranking).toEqual(['h1', 'h2', 'h3']);
    // Without the doubtful r4, h2 loses r4's −2/√2.
    expect(all.withoutDoubtful[1]).toBeCloseTo(-H * M, 12);
    expect(all.withoutDoubtful[0]).toBe(0);
    // h1 stays on top whatever single row goes: no linchpins.
    expect(all.linchpins).toEqual([]);
  });

  it('every pair of weights multiplies as Low 1/√2, Medium 1, High √2', () => {
    const weight = { low: L, medium: M, high: H };
    for (const credibility of LEVELS) {
      for (const relevance of LEVELS) {
        const rows = [{ id: 'r', credibility, relevance, doubtful: false }];
        const get = lookupOf([
          { rowId: 'r', hypothesisId: 'a', rating: 'I' },
          { rowId: 'r', hypothesisId: 'b', rating: 'II' },
          { rowId: 'r', hypothesisId: 'c', rating: 'CC' },
        ]);
        const [a, b, c] = inconsistencyScores(rows, ['a', 'b', 'c'], get);
        expect(a).toBeCloseTo(-weight[credibility] * weight[relevance], 12);
        expect(b).toBeCloseTo(-2 * weight[credibility] * weight[relevance], 12);
        expect(c).toBe(0);
      }
    }
  });

  it('diagnosticity is the population standard deviation of the ratings, NA and blanks left out', () => {
    const get = lookupOf(ratingsOf(GRID));
    // r1: values 2, −1, −2 → mean −1/3; deviations² 49/9, 4/9, 25/9 → variance 78/27 → √(26/9).
    expect(diagnosticity('r1', H_IDS, get)).toBeCloseTo(Math.sqrt(26 / 9), 12);
    // r2: C and I (NA out) → 1, −1 → mean 0, variance 1 → 1.
    expect(diagnosticity('r2', H_IDS, get)).toBeCloseTo(1, 12);
    // r3: all N → 0: not diagnostic at all.
    expect(diagnosticity('r3', H_IDS, get)).toBe(0);
    // r4: blank, II, C → −2, 1 → mean −1/2, variance 9/4 → 3/2.
    expect(diagnosticity('r4', H_IDS, get)).toBeCloseTo(1.5, 12);
    // One rating alone, or none, cannot tell hypotheses apart.
    expect(diagnosticity('nothing', H_IDS, get)).toBe(0);
  });

  it('a linchpin is a row whose removal changes the top-ranked hypothesis', () => {
    const rows = [
      { id: 'x', credibility: 'high' as Level, relevance: 'high' as Level, doubtful: false },
      { id: 'y', credibility: 'low' as Level, relevance: 'low' as Level, doubtful: false },
    ];
    // h1 scores −H·H·1 = −2 from x's I; h2 scores −L·L·2 = −1 from y's II.
    const get = lookupOf([
      { rowId: 'x', hypothesisId: 'h1', rating: 'I' },
      { rowId: 'y', hypothesisId: 'h2', rating: 'II' },
    ]);
    const s = computeScores(rows, ['h1', 'h2'], get);
    expect(s.scores[0]).toBeCloseTo(-2, 12);
    expect(s.scores[1]).toBeCloseTo(-1, 12);
    expect(s.ranking).toEqual(['h2', 'h1']);
    // Without x, h1 scores 0 and overtakes h2; without y, h2 scores 0 and stays on top.
    expect(s.linchpins).toEqual(['x']);
  });

  it('the group cell shows the consensus and the spread of the analysts’ values', () => {
    expect(groupCell(['CC', 'II'])).toEqual({ byAuthor: ['CC', 'II'], consensus: 'N', disagreement: 2 });
    expect(groupCell(['C', 'C'])).toMatchObject({ consensus: 'C', disagreement: 0 });
    expect(groupCell(['CC', 'C'])).toMatchObject({ consensus: 'CC', disagreement: 0.5 });
    expect(groupCell(['I', 'II', 'NA'])).toMatchObject({ consensus: 'II', disagreement: 0.5 });
    expect(groupCell(['NA', undefined])).toMatchObject({ consensus: 'NA', disagreement: 0 });
    expect(groupCell([undefined, undefined]).consensus).toBeUndefined();
  });

  it('credibility defaults from the source grading, the lower half counting', () => {
    expect(credibilityFromGrading('A', '1')).toBe('high');
    expect(credibilityFromGrading('B', '4')).toBe('low');
    expect(credibilityFromGrading('C', undefined)).toBe('medium');
    expect(credibilityFromGrading(undefined, '2')).toBe('high');
    expect(credibilityFromGrading('F', '6')).toBeNull();
    expect(credibilityFromGrading('F', '3')).toBe('medium');
    expect(credibilityFromGrading(undefined, undefined)).toBeNull();
  });
});
