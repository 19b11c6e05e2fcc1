import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchBrowser, loadApp, profiled, startApp } from '../lib/app';
import { longTasksSince } from '../lib/probes';
import type { BenchContext, Row } from '../types';

/** One 60 Hz frame. */
export const FRAME_MS = 16.7;

interface ProbeWindow extends Window {
  __benchCell: Promise<number> | null;
}

/**
 * Runs in the page: from the next key press (captured before the app sees it) to the frame that
 * shows `selector` with `text` (and, for an edit, the scores recomputed in the same render) painted.
 */
function armCellProbe(args: { selector: string; text: string | null; focused: boolean }): void {
  const w = window as unknown as ProbeWindow;
  w.__benchCell = new Promise<number>((resolve) => {
    let t0 = 0;
    window.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
    const done = () => {
      const el = document.querySelector<HTMLElement>(args.selector);
      if (!el || !t0) return false;
      if (args.text !== null && el.textContent !== args.text) return false;
      if (args.focused && document.activeElement !== el) return false;
      // The frame after the change: a task queued from its animation callback runs once it is painted.
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      return true;
    };
    const watch = new MutationObserver(() => {
      if (done()) watch.disconnect();
    });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'tabindex'] });
    document.addEventListener(
      'focusin',
      () => {
        if (done()) watch.disconnect();
      },
      { capture: true },
    );
  });
}

async function timed(page: Page, probe: { selector: string; text: string | null; focused: boolean }, key: string): Promise<number> {
  await page.evaluate(armCellProbe, probe);
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as ProbeWindow).__benchCell!);
}

/**
 * The matrix in real Chromium, as the analyst uses it: the view pane opened on the 500 × 12 matrix,
 * then keys pressed on its cells. An edit (a rating key) is timed from the key to the painted frame
 * showing the new rating with every score recomputed; the baseline is a cursor move on the same
 * matrix (the same table re-rendered, nothing scored). The longest task in the moments after each
 * edit covers the save's round trip and the matrix read back.
 */
export async function matrixInBrowser(ctx: BenchContext, file: string, author: string): Promise<Row[]> {
  const work = fs.mkdtempSync(path.join(ctx.workDir, 'hypotheses-ui-'));
  const app = await startApp(path.join(work, 'home'), file);
  const browser = await launchBrowser(work);
  const edits: number[] = [];
  const moves: number[] = [];
  const settled: number[] = [];
  try {
    await app.call('settings.update', { author });
    await loadApp(browser.page, app);
    const page = browser.page;
    await page.keyboard.press('Control+Shift+H');
    const grid = page.getByRole('grid', { name: 'Competing hypotheses matrix' });
    await grid.locator('.hyp-body [role=row]').nth(499).waitFor({ state: 'attached', timeout: 120_000 });
    await grid.locator('[data-cell="0:0"]').click();
    const presses = (ctx.quick ? 10 : 30) * Math.max(1, Math.round(ctx.runs / 5));
    await profiled(page, ctx.profileDir, 'hypotheses-edit', async () => {
      for (let i = 0; i < presses; i++) {
        const col = i % 2;
        // Alternate I and II so every press changes the cell and the scores.
        const key = i % 4 < 2 ? '4' : '5';
        const since = await page.evaluate(() => performance.now());
        edits.push(await timed(page, { selector: `[data-cell="0:${col}"] .hyp-rating`, text: key === '4' ? 'I' : 'II', focused: false }, key));
        // Let the save answer and the matrix be read back before the next key, and note what that cost.
        await page.waitForTimeout(400);
        settled.push((await page.evaluate(longTasksSince, since)).longest);
        moves.push(await timed(page, { selector: `[data-cell="0:${1 - col}"]`, text: null, focused: true }, col === 0 ? 'ArrowRight' : 'ArrowLeft'));
      }
    });
    ctx.log(`hypotheses: ${edits.length} edits in the browser`);
  } finally {
    await browser.close();
    await app.stop();
  }
  return [
    {
      caseId: 'hypotheses',
      metric: 'edit in the browser: key to frame',
      unit: 'ms',
      samples: edits,
      baseline: moves,
      budget: { kind: 'max', on: 'p95', limit: FRAME_MS },
      note: 'a rating key on the 500 × 12 matrix to the painted frame with every score recomputed; baseline: a cursor move on the same matrix (re-rendered, nothing scored)',
    },
    {
      caseId: 'hypotheses',
      metric: 'longest task after an edit',
      unit: 'ms',
      samples: settled,
      note: 'within 400 ms of the key: the save, the matrix read back and rendered again (0: no task over 50 ms)',
    },
  ];
}
