/**
 * Connectors while scrolling: a scroll frame reads no claim's rectangle again and writes no element
 * (the lines are painted on one canvas; the SVG pointer targets move once the scroll rests), and
 * the canvas paints each line and marker where the links' ends are.
 */
import { expect, type Page } from '@playwright/test';
import { pane, sampleTest } from './app';
import { CAR, connectorEnds, Q, quoteRect, seedLinks } from './connectors-seed';

/** The most opaque canvas pixel within a pixel of a point of the page (client coordinates): its alpha and colour. */
const pixel = (page: Page, x: number, y: number) =>
  page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.connector-canvas')!;
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const data = canvas.getContext('2d')!.getImageData(Math.round((px! - box.left) * scale) - 1, Math.round((py! - box.top) * scale) - 1, 3, 3).data;
      let best = { r: 0, g: 0, b: 0, a: 0 };
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > best.a) best = { r: data[i]!, g: data[i + 1]!, b: data[i + 2]!, a: data[i + 3]! };
      return best;
    },
    [x, y],
  );

sampleTest('scrolling linked panes measures no claim again and rewrites no connector element until the scroll rests', async ({ page }) => {
  const { links } = await seedLinks(page);
  const supports = links.find((l) => l.from === 'K1' && l.to === 'C1')!.id;
  await expect(page.locator('path.connector[data-link-id]')).toHaveCount(3);
  // A few frames for the first measuring, and the measuring again that the observers ask for.
  await page.evaluate(() => new Promise<void>((done) => {
    let n = 0;
    const tick = () => (n++ < 6 ? requestAnimationFrame(tick) : done());
    requestAnimationFrame(tick);
  }));
  const seen = await page.evaluate(async () => {
    const body = [...document.querySelectorAll<HTMLElement>('section.pane .pane-body')][1]!;
    let rects = 0;
    const measure = Range.prototype.getBoundingClientRect;
    Range.prototype.getBoundingClientRect = function (this: Range) {
      rects++;
      return measure.call(this);
    };
    const writes = new MutationObserver(() => undefined);
    writes.observe(document.querySelector('.connector-host')!, { subtree: true, attributes: true, childList: true });
    // Frames where the connectors' elements changed, and frames that came so late after the one
    // before that the scroll had come to rest in between (only then may the SVG be written).
    let changed = 0;
    let late = 0;
    let drawn = 0;
    await new Promise<void>((done) => {
      let last = 0;
      let i = 0;
      const frame = (now: number) => {
        if (writes.takeRecords().length > 0) changed++;
        if (last && now - last > 100) late++;
        last = now;
        drawn = Math.max(drawn, document.querySelector<HTMLCanvasElement & { connectorsDrawn?: number }>('canvas.connector-canvas')?.connectorsDrawn ?? 0);
        if (i++ >= 30) {
          done();
          return;
        }
        body.scrollTop += 2;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    writes.disconnect();
    Range.prototype.getBoundingClientRect = measure;
    return { rects, changed, late, drawn };
  });
  expect(seen.rects).toBe(0);
  expect(seen.changed).toBeLessThanOrEqual(seen.late);
  expect(seen.drawn).toBeGreaterThan(0);
  // At rest the pointer targets and the links' records sit on the claims again.
  await expect
    .poll(async () => {
      const ends = await connectorEnds(page, supports);
      const c = await quoteRect(pane(page, CAR), Q.C1);
      return ends !== null && Math.abs(ends.to.y - (c.bottom - 1)) < 3;
    })
    .toBe(true);
});

sampleTest('the canvas paints each connector from claim to claim and each edge marker, in its relation’s colour', async ({ page }) => {
  const { links } = await seedLinks(page);
  const supports = links.find((l) => l.from === 'K1' && l.to === 'C1')!.id;
  const far = links.find((l) => l.from === 'K1' && l.to === 'CFAR')!.id;
  await expect(page.locator(`path.connector[data-link-id="${supports}"]`)).toHaveCount(1);
  const ends = (await connectorEnds(page, supports))!;
  // Just inside each end (at the target, inside the arrowhead): painted, and green (supports, #2f9e44, translucent).
  const dir = ends.to.x > ends.from.x ? 1 : -1;
  for (const p of [
    { x: ends.from.x + dir * 2, y: ends.from.y },
    { x: ends.to.x - dir * 4, y: ends.to.y },
  ]) {
    const px = await pixel(page, p.x, p.y);
    expect(px.a).toBeGreaterThan(60);
    expect(px.g).toBeGreaterThan(px.r);
  }
  // A point of the page away from any line stays clear.
  const clear = await pixel(page, ends.from.x + dir * 2, ends.from.y - 9);
  expect(clear.a).toBe(0);
  // The marker of the far end: its shape's middle is painted in red (contradicts).
  const d = (await page.locator(`.connector-marker[data-link-id="${far}"] path`).getAttribute('d'))!;
  const pts = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  const mid = { x: pts.reduce((s, p) => s + p.x, 0) / pts.length, y: pts.reduce((s, p) => s + p.y, 0) / pts.length };
  const mark = await pixel(page, mid.x, mid.y);
  expect(mark.a).toBe(255);
  expect(mark.r).toBeGreaterThan(mark.g);
});
