import type { Row } from '../types';
import { median, p95 } from './stats';

export interface Result {
  caseId: string;
  metric: string;
  unit: Row['unit'];
  runs: number;
  median: number;
  p95: number;
  baselineMedian: number | null;
  ratio: number | null;
  budget: string | null;
  pass: boolean | null;
  note: string | null;
}

export function summarize(row: Row): Result {
  const med = median(row.samples);
  const hi = p95(row.samples);
  const baselineMedian = row.baseline && row.baseline.length > 0 ? median(row.baseline) : null;
  const ratio = baselineMedian ? med / baselineMedian : null;
  let budget: string | null = null;
  let pass: boolean | null = null;
  if (row.budget) {
    const b = row.budget;
    if (b.kind === 'ratio') {
      const r = (b.on === 'median' ? med : hi) / (baselineMedian ?? Number.NaN);
      budget = `${b.on} ≤ ${b.limit}× baseline`;
      pass = r <= b.limit;
    } else {
      budget = `${b.on} < ${b.limit} ${row.unit}`;
      pass = (b.on === 'median' ? med : hi) < b.limit;
    }
  }
  return { caseId: row.caseId, metric: row.metric, unit: row.unit, runs: row.samples.length, median: med, p95: hi, baselineMedian, ratio, budget, pass, note: row.note ?? null };
}

const fmt = (v: number | null, unit: string) => (v === null || Number.isNaN(v) ? '—' : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${unit}`);

/** A plain-text table, also valid Markdown, so it can be pasted into the README as it is. */
export function table(results: readonly Result[]): string {
  const head = ['case', 'metric', 'runs', 'median', 'p95', 'baseline median', 'ratio', 'budget', 'result'];
  const body = results.map((r) => [
    r.caseId,
    r.metric,
    String(r.runs),
    fmt(r.median, r.unit),
    fmt(r.p95, r.unit),
    fmt(r.baselineMedian, r.unit),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.budget ?? '—',
    r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
