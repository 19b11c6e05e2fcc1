import { profiled } from '../lib/app';
import { baselineOpen, longTasksSince, removeBaseline, waitPainted } from '../lib/probes';
import { openFromList, openSession, reloadWith } from '../lib/session';
import type { BenchCase, Row } from '../types';

const SIZES = [
  { title: 'Open 20k', length: 20_000, claims: 50, seed: 11 },
  { title: 'Open 200k', length: 200_000, claims: 500, seed: 12 },
  { title: 'Open 2M', length: 2_000_000, claims: 5_000, seed: 13 },
];

/** Quiet time watched after the 2 M document is painted, for long tasks that come after. */
const AFTER_MS = 3_000;

/** Case 1: from the open command (the document list's button) to every highlight painted. */
export const openCase: BenchCase = {
  id: 'open',
  title: 'Open a document',
  async run(ctx) {
    const s = await openSession(ctx.workDir, 'open', SIZES);
    const rows: Row[] = [];
    try {
      for (const doc of s.docs) {
        const app: number[] = [];
        const base: number[] = [];
        const after: number[] = [];
        const during: number[] = [];
        const claims = (await s.app.call<{ start: number; end: number }[]>('annotations.list', { documentId: doc.id })).map((a) => ({ start: a.start, end: a.end }));
        for (let run = 0; run < ctx.runs; run++) {
          await reloadWith(s, []);
          // Alternate which goes first, so neither always gets the warmer page.
          for (const which of run % 2 ? ['app', 'baseline'] : ['baseline', 'app']) {
            if (which === 'baseline') {
              const t0 = await s.page.evaluate(baselineOpen, { documentId: doc.id, token: s.app.token, claims });
              const t1 = await s.page.evaluate(waitPainted, { documentId: `baseline-${doc.id}`, ranges: claims.length, since: t0, timeoutMs: 120_000 });
              base.push(t1 - t0);
              await s.page.evaluate(removeBaseline);
            } else {
              const { t0, t1 } = await profiled(s.page, run === 0 ? ctx.profileDir : null, `open-${doc.length}`, () => openFromList(s, doc));
              app.push(t1 - t0);
              during.push((await s.page.evaluate(longTasksSince, t0)).longest);
              if (doc.length >= 2_000_000) {
                await s.page.waitForTimeout(AFTER_MS);
                after.push((await s.page.evaluate(longTasksSince, t1)).longest);
              }
            }
          }
          ctx.log(`open ${doc.title}: app ${app.at(-1)?.toFixed(0)} ms (longest task ${during.at(-1)?.toFixed(0)} ms), baseline ${base.at(-1)?.toFixed(0)} ms`);
        }
        const big = doc.length >= 2_000_000;
        rows.push({
          caseId: 'open',
          metric: `${doc.length / 1000}k chars / ${doc.claims} claims`,
          unit: 'ms',
          samples: app,
          baseline: base,
          budget: doc.length === 200_000 ? { kind: 'ratio', on: 'median', limit: 2 } : big ? { kind: 'max', on: 'median', limit: 3000 } : undefined,
          note: 'click on the document to the frame showing every highlight; baseline: same text as plain <p> + CSS Custom Highlight API',
        });
        if (big) {
          rows.push({
            caseId: 'open',
            metric: '2M: longest task in 3 s after paint',
            unit: 'ms',
            samples: after,
            budget: { kind: 'max', on: 'p95', limit: 200 },
            note: 'PerformanceObserver longtask entries that start after the paint',
          });
        }
      }
    } finally {
      await s.close();
    }
    return rows;
  },
};
