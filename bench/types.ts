/** What one benchmark case reports: one row per measured quantity. */
export interface Budget {
  /** 'max': the statistic must stay under `limit`; 'ratio': statistic / baseline median under `limit`. */
  kind: 'max' | 'ratio';
  /** Which statistic the budget reads. */
  on: 'median' | 'p95';
  limit: number;
}

export interface Row {
  /** Case id (open, store…) and what this row measures. */
  caseId: string;
  metric: string;
  unit: 'ms' | 'MB' | '%';
  samples: number[];
  /** The same work done the plainest way, measured in the same run; absent where there is none. */
  baseline?: number[] | undefined;
  budget?: Budget | undefined;
  /** One line saying what the numbers mean (what the baseline is, thresholds used). */
  note?: string | undefined;
}

export interface BenchContext {
  /** Smoke mode: fewer repetitions, shorter scrolls. */
  quick: boolean;
  /** How many times each timed thing runs (3 in quick mode, more otherwise). */
  runs: number;
  /** A scratch folder removed after the run. */
  workDir: string;
  log(message: string): void;
  /** With --profile DIR: browser cases write CPU profiles of the page (.cpuprofile, for DevTools) there. */
  profileDir: string | null;
}

/** One case of `npm run bench`: one module in bench/cases/, listed once in bench/cases/index.ts. */
export interface BenchCase {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Row[]>;
}
