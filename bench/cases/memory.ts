import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { chromiumProcesses, processMemory } from '../lib/proc';
import { reloadWith, openSession } from '../lib/session';
import type { BenchCase, Row } from '../types';

const MB = 1024 * 1024;

interface Sample {
  heap: number;
  browser: number;
  renderer: number;
  server: number;
}

async function measure(page: Page, profile: string, serverPid: number): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page);
  // Garbage from loading is not what the documents hold: collect it first, then let things settle.
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(1_000);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  const procs = chromiumProcesses(profile).map((pid) => ({ pid, ...processMemory(pid) }));
  const renderers = procs.filter((p) => p.type === 'renderer');
  return {
    heap: heap / MB,
    browser: procs.reduce((sum, p) => sum + p.pss, 0) / MB,
    renderer: Math.max(0, ...renderers.map((p) => p.rss)) / MB,
    server: processMemory(serverPid).rss / MB,
  };
}

/** Case 8: memory with three 200 k documents (500 claims each) open side by side. */
export const memoryCase: BenchCase = {
  id: 'memory',
  title: 'Memory with three 200 k documents open',
  async run(ctx) {
    if (!fs.existsSync('/proc/self/smaps_rollup')) throw new Error('this case reads /proc (Linux only)');
    const specs = [41, 42, 43].map((seed, i) => ({ title: `Memory ${i + 1}`, length: 200_000, claims: 500, seed }));
    const s = await openSession(ctx.workDir, 'memory', specs);
    const open: Sample[] = [];
    const empty: Sample[] = [];
    try {
      for (let run = 0; run < ctx.runs; run++) {
        await reloadWith(s, []);
        empty.push(await measure(s.page, s.browser.profile, s.app.pid));
        await reloadWith(s, s.docs);
        open.push(await measure(s.page, s.browser.profile, s.app.pid));
        const o = open.at(-1)!;
        ctx.log(`memory: heap ${o.heap.toFixed(1)} MB, renderer RSS ${o.renderer.toFixed(0)} MB, browser PSS ${o.browser.toFixed(0)} MB, server RSS ${o.server.toFixed(0)} MB`);
      }
    } finally {
      await s.close();
    }
    const row = (metric: string, pick: (x: Sample) => number, note: string, budget?: Row['budget']): Row => ({
      caseId: 'memory',
      metric,
      unit: 'MB',
      samples: open.map(pick),
      baseline: empty.map(pick),
      budget,
      note,
    });
    return [
      row('3 × 200k open: renderer JS heap', (x) => x.heap, 'CDP Performance.getMetrics JSHeapUsedSize after a forced GC; baseline: the app with no document open'),
      row('3 × 200k open: renderer RSS', (x) => x.renderer, 'VmRSS of the page’s renderer process'),
      row('3 × 200k open: server RSS', (x) => x.server, 'VmRSS of the browser-mode server (the core: SQLite, the texts)'),
      row(
        '3 × 200k open: renderer + server RSS',
        (x) => x.renderer + x.server,
        'the app’s own two processes, as Electron’s renderer and main process would be; the budget reads this',
        { kind: 'max', on: 'median', limit: 400 },
      ),
      row(
        '3 × 200k open: all Chromium PSS + server RSS',
        (x) => x.browser + x.server,
        'every Chromium process (PSS, so shared pages count once: browser, GPU, utilities, renderers) plus the server',
      ),
    ];
  },
};
