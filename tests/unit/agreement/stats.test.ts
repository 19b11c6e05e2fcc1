import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlpha, pairFigures, percentAgreement, type AlphaUnit } from '../../../shared/agreement';

/** Two coders' paired ratings from a 2×2 table: [[yes/yes, yes/no], [no/yes, no/no]] (rows: coder A). */
function fromTable([[yy, yn], [ny, nn]]: [[number, number], [number, number]]): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  const push = (count: number, x: string, y: string) => {
    for (let i = 0; i < count; i++) {
      a.push(x);
      b.push(y);
    }
  };
  push(yy, 'yes', 'yes');
  push(yn, 'yes', 'no');
  push(ny, 'no', 'yes');
  push(nn, 'no', 'no');
  return [a, b];
}

describe("Cohen's kappa against the textbook examples", () => {
  // The worked example of the Wikipedia article "Cohen's kappa": 50 grant proposals read by two
  // readers; p_o = 0.7, p_e = 0.5, κ = 0.4.
  it('gives κ = 0.4 and 70 % agreement for the 50 grant proposals', () => {
    const [a, b] = fromTable([
      [20, 5],
      [10, 15],
    ]);
    expect(percentAgreement(a, b)).toBeCloseTo(0.7, 10);
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 10);
  });

  // The same article's "same percentages but different numbers": both tables agree on 60 % of
  // 100 items, yet κ = 0.1304 and 0.2593 because the readers' marginals differ.
  it('tells apart two tables with the same 60 % agreement (κ 0.1304 and 0.2593)', () => {
    const first = fromTable([
      [45, 15],
      [25, 15],
    ]);
    const second = fromTable([
      [25, 35],
      [5, 35],
    ]);
    expect(percentAgreement(...first)).toBeCloseTo(0.6, 10);
    expect(percentAgreement(...second)).toBeCloseTo(0.6, 10);
    expect(cohenKappa(...first)).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(...second)).toBeCloseTo(0.2593, 4);
  });

  it('has no kappa when both coders used one and the same category only, and no figures for no units', () => {
    expect(cohenKappa(['no', 'no'], ['no', 'no'])).toBeNull();
    expect(percentAgreement(['no', 'no'], ['no', 'no'])).toBe(1);
    expect(cohenKappa([], [])).toBeNull();
    expect(percentAgreement([], [])).toBeNull();
  });
});

describe("Krippendorff's alpha against his published examples", () => {
  // K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), example C: four
  // observers, twelve units, values 1–5, with missing data. Published: α_nominal = 0.743,
  // α_ordinal = 0.815, α_interval = 0.849, α_ratio = 0.797.
  const _ = null;
  const observers = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  const units: AlphaUnit<number>[] = observers[0]!.map((_v, u) => ({ values: observers.map((o) => o[u]!) }));

  it('gives the published nominal, ordinal, interval and ratio alphas for the reliability data with missing values', () => {
    expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(units, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(units, 'ratio')).toBeCloseTo(0.797, 3);
  });

  // The same paper's example A: binary data, two observers, ten units, no missing data; α = 0.095.
  it('gives α = 0.095 for the two observers of binary data', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlpha(a.map((v, i) => ({ values: [v, b[i]!] })))).toBeCloseTo(0.095, 3);
  });

  it('counts a weighted unit exactly as that many copies of it', () => {
    const copies = [...units, ...units, ...units];
    const weighted = units.map((u) => ({ ...u, weight: 3 }));
    expect(krippendorffAlpha(weighted)).toBeCloseTo(krippendorffAlpha(copies)!, 12);
  });

  it('has no alpha without variation or without pairable values', () => {
    expect(krippendorffAlpha([{ values: [1, 1] }, { values: [1, 1, null] }])).toBeNull();
    expect(krippendorffAlpha([{ values: [1, null] }, { values: [null, 2] }])).toBeNull();
  });
});

describe('figures from a contingency table', () => {
  it('gives the grant-proposal example from its 2×2 table as from the ratings', () => {
    expect(
      pairFigures([
        { a: true, b: true, count: 20 },
        { a: true, b: false, count: 5 },
        { a: false, b: true, count: 10 },
        { a: false, b: false, count: 15 },
      ]),
    ).toEqual({ units: 50, agreement: 0.7, kappa: expect.closeTo(0.4, 10) as number });
  });
});
