import fs from 'node:fs';
import path from 'node:path';
import { HypothesisStore } from '../../electron/core/hypotheses/store';
import { readMatrix } from '../../electron/core/hypotheses/matrix';
import { Project } from '../../electron/core/store/project';
import { lookupOf, RATINGS, type Matrix } from '../../shared/hypotheses';
import { deriveView } from '../../renderer/hypotheses/useMatrixView';
import type { Shown } from '../../renderer/hypotheses/store';
import { buildProject } from '../lib/fixture';
import { seeded } from '../lib/stats';
import type { BenchCase, BenchContext, Row } from '../types';
import { FRAME_MS, matrixInBrowser } from './hypotheses-ui';

const ROWS = 500;
const HYPOTHESES = 12;
const ME = 'Bench';

/** A project with one analysis of 500 claim rows × 12 hypotheses, every cell rated (seeded). */
function fixture(ctx: BenchContext): { file: string; analysisId: string } {
  const dir = fs.mkdtempSync(path.join(ctx.workDir, 'hypotheses-'));
  const specs = Array.from({ length: 5 }, (_, i) => ({ title: `ACH ${i + 1}`, length: 40_000, claims: ROWS / 5, seed: 400 + i }));
  const { file } = buildProject(dir, 'hypotheses', specs);
  const project = Project.open(file);
  try {
    const store = new HypothesisStore(project.database);
    const rand = seeded(7);
    const analysisId = project.write((now) => {
      const a = store.createAnalysis('Why did Kazakhstan join the Abraham Accords?', ME, now);
      const hs = Array.from({ length: HYPOTHESES }, (_, i) => store.createHypothesis(a.id, `Hypothesis ${i + 1}`, 'plain', ME, now));
      const claims = project.database.prepare('SELECT id FROM annotations ORDER BY created_at, id LIMIT ?').pluck().all(ROWS) as string[];
      const rows = store.addRows(a.id, claims.map((claimId) => ({ kind: 'claim' as const, claimId })), () => false, ME, now);
      for (const r of rows) for (const h of hs) store.rate(r, h.id, RATINGS[Math.floor(rand() * RATINGS.length)]!, ME, now);
      return a.id;
    });
    return { file, analysisId };
  } finally {
    project.close();
  }
}

/** The matrix as the view shows it without any score: only the lookups the cells need. */
function withoutScores(m: Matrix): number {
  const get = lookupOf(m.ratings);
  let n = 0;
  for (const r of m.rows) for (const h of m.hypotheses) if (get(r.id, h.id)) n++;
  return n;
}

/**
 * Opening a 500 × 12 matrix (the backend's read, as `hypotheses.matrix` answers it) and recomputing
 * everything shown after one rating changes (scores, diagnosticity, linchpins, sensitivity: the
 * renderer's `deriveView` from the view on screen, and the rows' cells), each against the same matrix with no scores computed.
 */
export const hypothesesCase: BenchCase = {
  id: 'hypotheses',
  title: `competing hypotheses: ${ROWS} rows × ${HYPOTHESES} hypotheses`,
  async run(ctx) {
    const { file, analysisId } = fixture(ctx);
    const project = Project.open(file);
    try {
      const open: number[] = [];
      const openBase: number[] = [];
      const recompute: number[] = [];
      const recomputeBase: number[] = [];
      const mine: Shown = { kind: 'mine' };
      /** The view as the screen shows it: every row's cells worked out. */
      const shownView = (m: Matrix, prev: ReturnType<typeof deriveView> | null) => {
        const d = deriveView(m, mine, true, prev);
        for (const r of m.rows) d.view.cells(r.id);
        return d;
      };
      // One untimed pass first (built, then patched): the numbers are for a matrix opened in a warm app, not for the JIT.
      let matrix = readMatrix(project, analysisId, ME);
      shownView({ ...matrix, ratings: matrix.ratings.slice(1) }, shownView(matrix, null));
      withoutScores(matrix);
      for (let i = 0; i < ctx.runs; i++) {
        let t0 = performance.now();
        matrix = readMatrix(project, analysisId, ME);
        open.push(performance.now() - t0);
        t0 = performance.now();
        project.database.prepare('SELECT * FROM hypothesis_ratings').all();
        openBase.push(performance.now() - t0);
      }
      // Key presses one after another, each changing one cell: the view recomputes from the one on screen.
      let onScreen = shownView(matrix, null);
      for (let i = 0; i < ctx.runs * 10; i++) {
        const at = (i * 7919) % matrix.ratings.length;
        const edited = { ...matrix, ratings: matrix.ratings.map((g, j) => (j === at ? { ...g, rating: g.rating === 'II' ? ('CC' as const) : ('II' as const) } : g)) };
        let t0 = performance.now();
        onScreen = shownView(edited, onScreen);
        recompute.push(performance.now() - t0);
        t0 = performance.now();
        withoutScores(edited);
        recomputeBase.push(performance.now() - t0);
        matrix = edited;
      }
      const rows: Row[] = [
        {
          caseId: 'hypotheses',
          metric: 'open matrix (read)',
          unit: 'ms',
          samples: open,
          baseline: openBase,
          budget: { kind: 'max', on: 'median', limit: 300 },
          note: 'baseline: reading the ratings table alone',
        },
        {
          caseId: 'hypotheses',
          metric: 'recompute after an edit',
          unit: 'ms',
          samples: recompute,
          baseline: recomputeBase,
          budget: { kind: 'max', on: 'p95', limit: FRAME_MS },
          note: 'from the view on screen: scores, diagnosticity, linchpins, sensitivity, sort, the cells of every row; baseline: the same cells without scores',
        },
      ];
      project.close();
      return [...rows, ...(await matrixInBrowser(ctx, file, ME))];
    } finally {
      project.close();
    }
  },
};
