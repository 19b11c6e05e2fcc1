import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { api, clickInText, pane, sampleTest } from './app';
import { canvas, focusLine, inspectorQuote, K, KAZ, linkedClaims, nodeAt, openGraph, status, Z1, C } from './graph-seed';

sampleTest('the claim graph is used by mouse and keyboard: a node opens its claim, the graph follows the selection, arrows walk the links', async ({ page }) => {
  const c = await linkedClaims(page);
  await openGraph(page);
  await expect(status(page)).toHaveText('4 claims · 4 links');

  // A click on a node selects its claim in its pane.
  const at = await nodeAt(page, c.C.id);
  await page.mouse.click(at.x, at.y);
  await expect(inspectorQuote(page)).toHaveText(C);

  // Selecting a claim in its pane centres the graph on it: the ring names it and its two links.
  await clickInText(page, pane(page, KAZ), K, 3);
  await expect(inspectorQuote(page)).toHaveText(K);
  await expect(focusLine(page)).toHaveText(new RegExp(`^${K.slice(0, 20)}.* — 2 links$`));

  // Arrow keys move to the linked claim lying that way; Enter opens it.
  const k = await nodeAt(page, c.K.id);
  const neighbours = [c.C, c.Z1];
  const boxes = await Promise.all(neighbours.map((n) => nodeAt(page, n.id)));
  const rightmost = boxes[0]!.x > boxes[1]!.x ? neighbours[0]! : neighbours[1]!;
  expect(Math.max(boxes[0]!.x, boxes[1]!.x)).toBeGreaterThan(k.x);
  await canvas(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(focusLine(page)).toContainText(rightmost.exact.slice(0, 20));
  await page.keyboard.press('Enter');
  await expect(inspectorQuote(page)).toHaveText(rightmost.exact);

  // The same neighbourhood as a list: K's links read from K, and a claim opens from there too.
  await clickInText(page, pane(page, KAZ), K, 3);
  await page.getByRole('checkbox', { name: 'As a list' }).check();
  const list = page.getByRole('region', { name: 'Neighbourhood of the selected claim' });
  await expect(list.locator(':scope > ul > li > ul > li > .graph-relation')).toHaveText(['supports', 'contradicts']);
  await list.getByRole('button', { name: new RegExp(Z1.slice(0, 20)) }).first().click();
  await expect(inspectorQuote(page)).toHaveText(Z1);
});

sampleTest('“contradictions only” keeps the contradicting link and its two claims', async ({ page }) => {
  await linkedClaims(page);
  await openGraph(page);
  await page.getByRole('checkbox', { name: 'Contradictions only' }).check();
  await expect(status(page)).toHaveText('2 claims · 1 link');
  await page.getByRole('checkbox', { name: 'Contradictions only' }).uncheck();
  await page.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'economic' });
  await expect(status(page)).toHaveText('2 claims · 1 link');
});

sampleTest('a dragged node keeps its place after a reload, Reset layout puts it back, and the graph exports as SVG', async ({ page }) => {
  const c = await linkedClaims(page);
  await openGraph(page);
  // Zoom and pan differ between openings; a node's place relative to two others does not.
  const relative = async () => {
    const [k, cc, z] = await Promise.all([nodeAt(page, c.K.id), nodeAt(page, c.C.id), nodeAt(page, c.Z2.id)]);
    const unit = Math.hypot(cc.x - k.x, cc.y - k.y);
    return { x: (z.x - k.x) / unit, y: (z.y - k.y) / unit };
  };
  const before = await relative();
  const z2 = await nodeAt(page, c.Z2.id);
  await page.mouse.move(z2.x, z2.y);
  await page.mouse.down();
  await page.mouse.move(z2.x + 40, z2.y + 30, { steps: 5 });
  await page.mouse.move(z2.x + 90, z2.y + 60, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await api<{ nodeId: string }[]>(page, 'graph.positions', { arrangement: 'document' })).map((p) => p.nodeId)).toEqual([c.Z2.id]);
  const dragged = await relative();
  expect(Math.hypot(dragged.x - before.x, dragged.y - before.y)).toBeGreaterThan(0.1);

  await page.reload();
  await expect(canvas(page)).toBeVisible();
  const reloaded = await relative();
  expect(reloaded.x).toBeCloseTo(dragged.x, 1);
  expect(reloaded.y).toBeCloseTo(dragged.y, 1);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.svg$/);
  const svg = fs.readFileSync((await file.path())!, 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain(K.slice(0, 30));
  // The contradiction is drawn in its type's colour, and no script rides along.
  expect(svg).toContain('stroke="#e03131"');
  expect(svg).not.toMatch(/<script/i);

  await page.getByRole('button', { name: 'Reset layout' }).click();
  await expect.poll(() => api<unknown[]>(page, 'graph.positions', { arrangement: 'document' })).toEqual([]);
  const reset = await relative();
  expect(reset.x).toBeCloseTo(before.x, 1);
  expect(reset.y).toBeCloseTo(before.y, 1);
});

/** The graph's drawing marks so far (see markDrawn in GraphCanvas): how often its elements or its classes were applied. */
const drawnMarks = (page: Page) => page.evaluate(() => performance.getEntriesByName('crossread:graph-drawn').map((e) => (e as PerformanceMark).detail.kind as string));

/** React runs the drawing's effects after the paint that shows a change: two frames let them run. */
const settled = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));

sampleTest('a re-render of the app for something outside the graph neither rebuilds nor restyles the graph', async ({ page }) => {
  const c = await linkedClaims(page);
  await openGraph(page);
  const at = await nodeAt(page, c.K.id);
  await page.mouse.click(at.x, at.y);
  await expect(inspectorQuote(page)).toHaveText(K);
  await expect(focusLine(page)).toContainText(K.slice(0, 20));
  await settled(page);
  const before = await drawnMarks(page);

  // Hiding the sidebar changes the workspace's layout: every consumer of the workspace renders again.
  await page.keyboard.press('Control+\\');
  await expect(page.locator('.sidebar')).toHaveCount(0);
  await page.keyboard.press('Control+\\');
  await expect(page.locator('.sidebar')).toHaveCount(1);
  await expect(inspectorQuote(page)).toHaveText(K);
  await settled(page);
  expect(await drawnMarks(page)).toEqual(before);
});

sampleTest('a click on a node still opens it after the graph moved on the page without changing size', async ({ page }) => {
  const c = await linkedClaims(page);
  await openGraph(page);
  // Hover once, so the drawing has read where it sits; then the graph moves down and right, keeping its size.
  const first = await nodeAt(page, c.K.id);
  await page.mouse.move(first.x, first.y);
  const size = await canvas(page).boundingBox();
  await page.locator('.graph-view').evaluate((el) => {
    el.style.position = 'relative';
    el.style.top = '37px';
    el.style.left = '23px';
  });
  expect((await canvas(page).boundingBox())!.width).toBe(size!.width);
  await page.mouse.move(5, 5);
  const at = await nodeAt(page, c.C.id);
  await page.mouse.click(at.x, at.y);
  await expect(inspectorQuote(page)).toHaveText(C);
});
