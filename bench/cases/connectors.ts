import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { Project } from '../../electron/core/store/project';
import { addPane, EMPTY_LAYOUT } from '../../shared/layout';
import { launchBrowser, loadApp, profiled, startApp } from '../lib/app';
import { buildProject } from '../lib/fixture';
import { waitPainted } from '../lib/probes';
import type { BenchCase, Row } from '../types';

/** As in the scroll case: "over 16.7 ms" is read as a vsync missed, so a frame is slow over 20 ms. */
const SLOW_FRAME_MS = 20;
/** Each claim links to this many claims at about the same place in the next document. */
const FAN_OUT = 10;
/**
 * The scene: light enough that the three panes scroll smoothly with connectors off in software
 * rendering (at 12,000 characters and 600 claims a pane, painting the highlights alone missed
 * every frame, both runs saturated at 100 % and the ratio said nothing), yet dense enough that
 * about 500 links have both ends on screen while they scroll.
 */
const DOC_LENGTH = 5_000;
const CLAIMS_PER_DOC = 160;

/**
 * The share of frames over the threshold, counted with one slow frame added (of one more frame):
 * a smooth baseline of 0 % would otherwise make any ratio infinite, or 0/0 when both are smooth.
 */
const share = (deltas: readonly number[]) => (100 * (deltas.filter((d) => d > SLOW_FRAME_MS).length + 1)) / (deltas.length + 1);

/** The page's main-thread script time so far (ms), from the DevTools protocol's Performance domain. */
async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return 1000 * (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0);
}

/**
 * Three documents whose claims are linked claim by claim into the next document (ten links each),
 * so that while the three panes scroll together some 500 links have both ends on screen.
 */
function linkAcross(file: string, docIds: readonly string[]): number {
  const project = Project.open(file);
  try {
    const relations = project.relations.list();
    const byDoc = docIds.map((id) => project.annotations.list(id).sort((a, b) => a.start - b.start));
    let made = 0;
    project.write((now) => {
      for (let d = 0; d + 1 < byDoc.length; d++) {
        const from = byDoc[d]!;
        const to = byDoc[d + 1]!;
        from.forEach((a, i) => {
          for (let k = 0; k < FAN_OUT; k++) {
            const b = to[(i + k) % to.length]!;
            project.links.create({ fromId: a.id, toId: b.id, relationId: relations[(i + k) % relations.length]!.id }, 'Bench', now);
            made++;
          }
        });
      }
    });
    project.setLayout({ ...docIds.reduce((l, id) => addPane(l, id), EMPTY_LAYOUT), inspector: false });
    return made;
  } finally {
    project.close();
  }
}

/** Scrolls every pane top to bottom together, one equal step per animation frame; answers the frame gaps. */
function scrollAll(args: { frames: number }): Promise<{ deltas: number[]; drawn: number }> {
  const panes = [...document.querySelectorAll<HTMLElement>('section.pane .pane-body')];
  for (const p of panes) p.scrollTop = 0;
  const deltas: number[] = [];
  let drawn = 0;
  return new Promise((resolve) => {
    let last = 0;
    let i = 0;
    const frame = (now: number) => {
      if (last) deltas.push(now - last);
      last = now;
      // The canvas that paints the connectors says how many it drew (their SVG pointer targets are
      // only moved once a scroll comes to rest, so counting those would give the count at the start).
      if (i === Math.floor(args.frames / 2)) drawn = document.querySelector<HTMLCanvasElement & { connectorsDrawn?: number }>('canvas.connector-canvas')?.connectorsDrawn ?? 0;
      if (i++ >= args.frames) {
        resolve({ deltas, drawn });
        return;
      }
      for (const p of panes) p.scrollTop = Math.round(((p.scrollHeight - p.clientHeight) * i) / args.frames);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

async function setConnectors(page: Page, on: boolean): Promise<void> {
  const toggle = page.locator('.connector-toggles button').first();
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await page.locator(`.connector-toggles button[aria-pressed="${on}"]`).first().waitFor();
}

/** The connectors bench: the same three-pane scroll with connectors on and off, in one run. */
export const connectorsCase: BenchCase = {
  id: 'connectors',
  title: 'Scroll three panes with 500 visible links, connectors on vs off',
  async run(ctx) {
    const work = fs.mkdtempSync(path.join(ctx.workDir, 'connectors-'));
    const specs = [0, 1, 2].map((i) => ({ title: `Linked ${i + 1}`, length: DOC_LENGTH, claims: CLAIMS_PER_DOC, seed: 71 + i }));
    const { file, docs } = buildProject(work, 'connectors', specs);
    const links = linkAcross(file, docs.map((d) => d.id));
    const app = await startApp(path.join(work, 'home'), file);
    const browser = await launchBrowser(work);
    const frames = ctx.quick ? 240 : 600;
    const on: number[] = [];
    const off: number[] = [];
    /** Script time per frame, ms, with connectors on and off, and the difference: the connectors' own. */
    const scriptOn: number[] = [];
    const scriptOff: number[] = [];
    const ownScript: number[] = [];
    let drawn = 0;
    try {
      await loadApp(browser.page, app);
      const cdp = await browser.page.context().newCDPSession(browser.page);
      await cdp.send('Performance.enable');
      ctx.log(`connectors: ${links} links, app loaded`);
      for (const d of docs) await browser.page.evaluate(waitPainted, { documentId: d.id, ranges: d.claims, since: 0, timeoutMs: 120_000 });
      ctx.log('connectors: panes painted');
      for (let run = 0; run < ctx.runs; run++) {
        // Alternating, so drift in the machine's load touches both alike.
        for (const state of run % 2 === 0 ? [false, true] : [true, false]) {
          await setConnectors(browser.page, state);
          const before = await scriptMs(cdp);
          // With --profile, the first scroll of each kind is recorded for DevTools.
          const scroll = () => browser.page.evaluate(scrollAll, { frames });
          const r = run === 0 ? await profiled(browser.page, ctx.profileDir, `connectors-${state ? 'on' : 'off'}`, scroll) : await scroll();
          const perFrame = (await scriptMs(cdp) - before) / Math.max(1, r.deltas.length);
          (state ? on : off).push(share(r.deltas));
          (state ? scriptOn : scriptOff).push(perFrame);
          if (state) drawn = Math.max(drawn, r.drawn);
        }
        ownScript.push(scriptOn.at(-1)! - scriptOff.at(-1)!);
        ctx.log(
          `connectors: on ${on.at(-1)!.toFixed(1)} % slow frames (${drawn} connectors drawn mid-scroll), off ${off.at(-1)!.toFixed(1)} %; ` +
            `script per frame on ${scriptOn.at(-1)!.toFixed(2)} ms, off ${scriptOff.at(-1)!.toFixed(2)} ms`,
        );
      }
    } finally {
      await browser.close();
      await app.stop();
    }
    const rows: Row[] = [
      {
        caseId: 'connectors',
        metric: `3 panes, ${links} links (${drawn} drawn at once): frames > ${SLOW_FRAME_MS} ms`,
        unit: '%',
        samples: on,
        baseline: off,
        budget: { kind: 'ratio', on: 'median', limit: 1.1 },
        note: `${frames} animation frames, three ${DOC_LENGTH / 1000} k documents of ${CLAIMS_PER_DOC} claims scrolled together top to bottom; shares counted with one slow frame added to each; baseline: the same scroll with connectors off`,
      },
      {
        caseId: 'connectors',
        metric: 'main-thread script per frame while scrolling',
        unit: 'ms',
        samples: scriptOn,
        baseline: scriptOff,
        note: 'ScriptDuration from the DevTools protocol over the scroll, per frame; baseline: connectors off (the scroll driver and the app without them)',
      },
      {
        caseId: 'connectors',
        metric: 'the connectors’ own script per frame (on − off)',
        unit: 'ms',
        samples: ownScript,
        // Half a 60 Hz frame: the rest is the browser's (style, layout, paint).
        budget: { kind: 'max', on: 'median', limit: 8 },
        note: 'the difference of the two rows above, run by run: what the connectors’ requestAnimationFrame adds to each frame',
      },
    ];
    return rows;
  },
};
