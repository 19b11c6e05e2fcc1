import { profiled } from '../lib/app';
import { baselineOpen, frameAfterChangeElsewhere, longTasksSince, removeBaseline, scriptedScroll, waitPainted } from '../lib/probes';
import { openSession } from '../lib/session';
import { median } from '../lib/stats';
import type { BenchCase, Row } from '../types';

/**
 * A frame counts as slow when it took longer than 16 ms plus a little slack: at 60 Hz the gap
 * between animation frames is 16.7 ms even when nothing is slow, so "over 16 ms" is read as "a
 * vsync missed" (over 20 ms).
 */
const SLOW_FRAME_MS = 20;

const share = (deltas: readonly number[]) => (100 * deltas.filter((d) => d > SLOW_FRAME_MS).length) / Math.max(1, deltas.length);

/** Case 3: a scripted scroll from top to bottom of the 2 M document with 5,000 claims. */
export const scrollCase: BenchCase = {
  id: 'scroll',
  title: 'Scroll through 2 M characters with 5,000 claims',
  async run(ctx) {
    const spec = { title: 'Scroll 2M', length: 2_000_000, claims: 5_000, seed: 31 };
    const s = await openSession(ctx.workDir, 'scroll', [spec], [0]);
    const doc = s.docs[0]!;
    const frames = ctx.quick ? 240 : 600;
    const app: number[] = [];
    const base: number[] = [];
    const longest: number[] = [];
    const elsewhere: number[] = [];
    const elsewhereBase: number[] = [];
    const changes = ctx.quick ? 10 : 30;
    try {
      await s.page.evaluate(waitPainted, { documentId: doc.id, ranges: doc.claims, since: 0, timeoutMs: 120_000 });
      const claims = (await s.app.call<{ start: number; end: number }[]>('annotations.list', { documentId: doc.id })).map((a) => ({ start: a.start, end: a.end }));
      for (let run = 0; run < ctx.runs; run++) {
        const r = await profiled(s.page, run === 0 ? ctx.profileDir : null, 'scroll', () => s.page.evaluate(scriptedScroll, { selector: 'section.pane .pane-body', frames }));
        app.push(share(r.deltas));
        longest.push((await s.page.evaluate(longTasksSince, r.start)).longest);
        const t0 = await s.page.evaluate(baselineOpen, { documentId: doc.id, token: s.app.token, claims });
        await s.page.evaluate(waitPainted, { documentId: `baseline-${doc.id}`, ranges: claims.length, since: t0, timeoutMs: 120_000 });
        const b = await s.page.evaluate(scriptedScroll, { selector: '#bench-baseline', frames });
        base.push(share(b.deltas));
        await s.page.evaluate(removeBaseline);
        ctx.log(`scroll: app ${app.at(-1)!.toFixed(1)} % slow frames (longest task ${longest.at(-1)!.toFixed(0)} ms), baseline ${base.at(-1)!.toFixed(1)} %`);
      }
      // What the open document adds to every frame that changes anything elsewhere on the page:
      // the same change measured with its pane open, then with it closed.
      await s.page.locator('section.pane .pane-body').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
      elsewhere.push(...(await profiled(s.page, ctx.profileDir, 'change-elsewhere', () => s.page.evaluate(frameAfterChangeElsewhere, { count: changes }))));
      await s.page.getByRole('button', { name: `Close ${spec.title}` }).click();
      await s.page.locator('section.pane').waitFor({ state: 'detached' });
      elsewhereBase.push(...(await s.page.evaluate(frameAfterChangeElsewhere, { count: changes })));
      ctx.log(`scroll: a change elsewhere, frame ${median(elsewhere).toFixed(1)} ms with the 2M document open, ${median(elsewhereBase).toFixed(1)} ms with it closed`);
    } finally {
      await s.close();
    }
    const rows: Row[] = [
      {
        caseId: 'scroll',
        metric: `2M chars / 5000 claims: frames > ${SLOW_FRAME_MS} ms`,
        unit: '%',
        samples: app,
        baseline: base,
        budget: { kind: 'max', on: 'median', limit: 5 },
        note: `${frames} animation frames, top to bottom in equal steps; baseline: the same scroll over plain <p> + CSS highlights`,
      },
      { caseId: 'scroll', metric: '2M: longest task while scrolling', unit: 'ms', samples: longest, note: 'PerformanceObserver longtask' },
      {
        caseId: 'scroll',
        metric: '2M open: a frame changing text elsewhere',
        unit: 'ms',
        samples: elsewhere,
        baseline: elsewhereBase,
        budget: { kind: 'max', on: 'median', limit: 16.7 },
        note: `${changes} frames each changing one character outside the panes, from the frame's callback to the end of its rendering (budget: one frame); baseline: the same with the pane closed`,
      },
    ];
    return rows;
  },
};
