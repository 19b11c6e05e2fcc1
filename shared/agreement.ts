/**
 * Reliability statistics for intercoder agreement: percent agreement, Cohen's kappa for a pair of
 * coders, and Krippendorff's alpha for any number of coders with missing values. Pure functions over
 * plain arrays; the coding of a project is turned into such arrays in shared/agreement-units.ts.
 *
 * A figure that the data cannot define (no units; kappa when both coders used one and the same
 * category throughout; alpha with no variation at all) is `null`, never 0 or NaN: "no disagreement
 * seen" and "no agreement beyond chance" are different statements and must not print the same.
 */

/** How many units two coders rated `a` and `b`: one cell of their contingency table. */
export interface PairCount<V> {
  a: V;
  b: V;
  count: number;
}

/** Percent agreement and kappa of a pair of coders from a contingency table. */
export interface PairFigures {
  units: number;
  agreement: number | null;
  kappa: number | null;
}

function check<V>(a: readonly V[], b: readonly V[]): PairCount<V>[] {
  if (a.length !== b.length) throw new Error('both coders must rate the same units');
  return a.map((x, i) => ({ a: x, b: b[i]!, count: 1 }));
}

/** The share of units on which two coders gave the same value; null when there are no units. */
export function percentAgreement<V>(a: readonly V[], b: readonly V[]): number | null {
  return pairFigures(check(a, b)).agreement;
}

/**
 * Cohen's kappa of two coders who each rated every unit with one nominal category:
 * κ = (p_o − p_e) / (1 − p_e), p_e from each coder's own category shares. Null when there are no
 * units or when chance agreement is already total (both used one and the same category only).
 */
export function cohenKappa<V>(a: readonly V[], b: readonly V[]): number | null {
  return pairFigures(check(a, b)).kappa;
}

/** Percent agreement and Cohen's kappa from a contingency table (cells may repeat; they add up). */
export function pairFigures<V>(table: readonly PairCount<V>[]): PairFigures {
  let n = 0;
  let same = 0;
  const countA = new Map<V, number>();
  const countB = new Map<V, number>();
  for (const { a, b, count } of table) {
    n += count;
    if (a === b) same += count;
    countA.set(a, (countA.get(a) ?? 0) + count);
    countB.set(b, (countB.get(b) ?? 0) + count);
  }
  if (n === 0) return { units: 0, agreement: null, kappa: null };
  const po = same / n;
  let pe = 0;
  for (const [value, ca] of countA) pe += (ca / n) * ((countB.get(value) ?? 0) / n);
  return { units: n, agreement: po, kappa: pe >= 1 ? null : (po - pe) / (1 - pe) };
}

/** How far apart two values are, by the level of measurement of the data (Krippendorff 2011). */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/**
 * One unit of reliability data: the value each coder gave (null: that coder did not rate it), and
 * how many identical units it stands for. The weight lets a stretch of text count once per
 * character without listing every character (shared/agreement-units.ts), and must be a whole number
 * so the (n − 1) of the expected disagreement stays the count of pairable values.
 */
export interface AlphaUnit<V> {
  values: readonly (V | null)[];
  weight?: number;
}

/**
 * Krippendorff's alpha, α = 1 − D_o / D_e, by the coincidence-matrix method: each unit with m ≥ 2
 * values adds 1/(m − 1) per ordered pair of values given by different coders; units with fewer
 * values are not pairable and drop out, which is how missing data are handled. Ordinal, interval
 * and ratio data need numeric values. Null when fewer than two pairable values exist or when all
 * pairable values are equal (no variation: D_e = 0).
 */
export function krippendorffAlpha<V extends string | number | boolean>(units: readonly AlphaUnit<V>[], metric: AlphaMetric = 'nominal'): number | null {
  const coincidences = new Map<V, Map<V, number>>();
  const add = (c: V, k: V, w: number) => {
    let row = coincidences.get(c);
    if (!row) coincidences.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + w);
  };
  for (const unit of units) {
    const present = unit.values.filter((v): v is V => v !== null);
    const m = present.length;
    if (m < 2) continue;
    const w = (unit.weight ?? 1) / (m - 1);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(present[i]!, present[j]!, w);
  }
  const values = [...coincidences.keys()];
  if (metric !== 'nominal') values.sort((x, y) => Number(x) - Number(y));
  const marginal = new Map(values.map((c) => [c, [...coincidences.get(c)!.values()].reduce((s, o) => s + o, 0)]));
  const n = [...marginal.values()].reduce((s, x) => s + x, 0);
  if (n < 2) return null;
  const delta = distance(metric, values, marginal);
  let observed = 0;
  let expected = 0;
  for (const c of values) {
    for (const k of values) {
      const d = delta(c, k);
      if (d === 0) continue;
      observed += (coincidences.get(c)!.get(k) ?? 0) * d;
      expected += marginal.get(c)! * marginal.get(k)! * d;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** The squared difference function δ² of a metric, over the values seen and their marginal counts. */
function distance<V>(metric: AlphaMetric, sorted: readonly V[], marginal: ReadonlyMap<V, number>): (c: V, k: V) => number {
  switch (metric) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => (Number(c) - Number(k)) ** 2;
    case 'ratio':
      return (c, k) => {
        const sum = Number(c) + Number(k);
        return sum === 0 ? 0 : ((Number(c) - Number(k)) / sum) ** 2;
      };
    case 'ordinal': {
      // δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², with g running over the ranks between c and k.
      const rank = new Map(sorted.map((v, i) => [v, i]));
      const cumulative = [0];
      for (const v of sorted) cumulative.push(cumulative[cumulative.length - 1]! + marginal.get(v)!);
      return (c, k) => {
        const [lo, hi] = [rank.get(c)!, rank.get(k)!].sort((x, y) => x - y) as [number, number];
        if (lo === hi) return 0;
        const between = cumulative[hi + 1]! - cumulative[lo]!;
        return (between - (marginal.get(c)! + marginal.get(k)!) / 2) ** 2;
      };
    }
  }
}
