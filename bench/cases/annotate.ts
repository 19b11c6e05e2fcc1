import { profiled } from '../lib/app';
import { seeded } from '../lib/stats';
import { armEnterProbe, enterAt, paragraphCount, selectInPane, waitPainted } from '../lib/probes';
import { openSession } from '../lib/session';
import type { BenchCase } from '../types';

const SAVES = 100;

/**
 * Case 2: select → save → highlight visible, 100 times on the 200 k document holding 500 claims.
 * Each time a stretch of a paragraph is selected, `1` opens the claim popover with the first tag and
 * Enter saves it, as a keyboard user does; the time runs from that Enter to the frame showing the
 * new claim's highlight.
 */
export const annotateCase: BenchCase = {
  id: 'annotate',
  title: 'Annotate: select, save, see the highlight',
  async run(ctx) {
    const spec = { title: 'Annotate 200k', length: 200_000, claims: 500, seed: 21 };
    const s = await openSession(ctx.workDir, 'annotate', [spec], [0]);
    const doc = s.docs[0]!;
    const saves = ctx.quick ? 20 : SAVES;
    const times: number[] = [];
    const confirmed: number[] = [];
    try {
      await s.page.evaluate(waitPainted, { documentId: doc.id, ranges: doc.claims, since: 0, timeoutMs: 60_000 });
      const paragraphs = await s.page.evaluate(paragraphCount, doc.title);
      const rand = seeded(22);
      await profiled(s.page, ctx.profileDir, 'annotate', async () => {
      for (let i = 0; i < saves; i++) {
        const from = Math.floor(rand() * 60);
        await s.page.evaluate(selectInPane, { title: doc.title, index: Math.floor(rand() * paragraphs), from, to: from + 25 + Math.floor(rand() * 80) });
        await s.page.keyboard.press('1');
        await s.page.locator('.popover').waitFor();
        await s.page.evaluate(armEnterProbe);
        await s.page.keyboard.press('Enter');
        const target = { documentId: doc.id, ranges: doc.claims + i + 1, since: 0, timeoutMs: 30_000 };
        const shown = await s.page.evaluate(waitPainted, target);
        const saved = await s.page.evaluate(waitPainted, { ...target, confirmed: true });
        const t0 = await s.page.evaluate(enterAt);
        times.push(shown - t0);
        confirmed.push(saved - t0);
        await s.page.locator('.popover').waitFor({ state: 'detached' });
      }
      });
      ctx.log(`annotate: ${times.length} saves, last ${times.at(-1)?.toFixed(1)} ms`);
    } finally {
      await s.close();
    }
    return [
      {
        caseId: 'annotate',
        metric: '200k chars / 500 claims: Enter to highlight',
        unit: 'ms',
        samples: times,
        budget: { kind: 'max', on: 'p95', limit: 50 },
        note: 'from the Enter that saves (keydown, captured) to the frame painting the new claim in its tag colour',
      },
      {
        caseId: 'annotate',
        metric: '200k / 500: Enter to saved claim painted',
        unit: 'ms',
        samples: confirmed,
        note: 'until the claim the server saved (over browser-mode HTTP) has replaced the one painted at once',
      },
    ];
  },
};
