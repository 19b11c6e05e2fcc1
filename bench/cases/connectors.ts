import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { Project } from '../../electron/core/store/project';
import { addPane, EMPTY_LAYOUT } from '../../shared/layout';
import { launchBrowser, loadApp, startApp } from '../lib/app';
import { buildProject } from '../lib/fixture';
import { waitPainted } from '../lib/probes';
import type { BenchCase, Row } from '../types';

/** As in the scroll case: "over 16.7 ms" is read as a vsync missed, so a frame is slow over 20 ms. */
const SLOW_FRAME_MS = 20;
/** Each claim links to this many claims at about the same place in the next document. */
const FAN_OUT = 10;

const share = (deltas: readonly number[]) => (100 * deltas.filter((d) => d > SLOW_FRAME_MS).length) / Math.max(1, deltas.length);

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
      if (i === Math.floor(args.frames / 2)) drawn = document.querySelectorAll('path.connector[data-link-id]').length;
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
    const specs = [0, 1, 2].map((i) => ({ title: `Linked ${i + 1}`, length: 12_000, claims: 600, seed: 71 + i }));
    const { file, docs } = buildProject(work, 'connectors', specs);
    const links = linkAcross(file, docs.map((d) => d.id));
    const app = await startApp(path.join(work, 'home'), file);
    const browser = await launchBrowser(work);
    const frames = ctx.quick ? 240 : 600;
    const on: number[] = [];
    const off: number[] = [];
    let drawn = 0;
    try {
      await loadApp(browser.page, app);
      ctx.log(`connectors: ${links} links, app loaded`);
      for (const d of docs) await browser.page.evaluate(waitPainted, { documentId: d.id, ranges: d.claims, since: 0, timeoutMs: 120_000 });
      ctx.log('connectors: panes painted');
      for (let run = 0; run < ctx.runs; run++) {
        // Alternating, so drift in the machine's load touches both alike.
        for (const state of run % 2 === 0 ? [false, true] : [true, false]) {
          await setConnectors(browser.page, state);
          const r = await browser.page.evaluate(scrollAll, { frames });
          (state ? on : off).push(share(r.deltas));
          if (state) drawn = Math.max(drawn, r.drawn);
        }
        ctx.log(`connectors: on ${on.at(-1)!.toFixed(1)} % slow frames (${drawn} connectors drawn mid-scroll), off ${off.at(-1)!.toFixed(1)} %`);
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
        note: `${frames} animation frames, the three panes scrolled together top to bottom; baseline: the same scroll with connectors off`,
      },
    ];
    return rows;
  },
};
