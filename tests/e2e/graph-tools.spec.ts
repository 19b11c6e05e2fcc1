/**
 * The claim graph's tools, used the way an analyst does: the PNG export, the search box, the
 * two-step neighbourhood, the document and author filters, and grouping by a source attribute.
 */
import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { api, clickInText, pane, sampleTest } from './app';
import { canvas, fadedOf, K, KAZ, linkClaims, linkedClaims, makeClaim, nodeAt, nodeState, openGraph, reloadPanes, status } from './graph-seed';
import { K1 } from './sentences';

const reach = (page: Page) => page.getByRole('combobox', { name: 'Around the selected claim' });

/** A PNG's pixels, decoded by the browser: its size, how many are not the white background, and whether a colour is among them. */
async function decodePng(page: Page, file: string, colours: string[]) {
  const base64 = fs.readFileSync(file).toString('base64');
  return page.evaluate(
    async ([b64, wanted]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const rgb = wanted.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      const found = wanted.map(() => 0);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (r < 245 || g < 245 || b < 245) ink++;
        rgb.forEach((c, k) => {
          if (Math.abs(c[0]! - r) < 10 && Math.abs(c[1]! - g) < 10 && Math.abs(c[2]! - b) < 10) found[k]!++;
        });
      }
      return { width: bitmap.width, height: bitmap.height, ink, pixels: data.length / 4, found };
    },
    [base64, colours] as const,
  );
}

sampleTest('Export PNG downloads a real PNG of the whole drawing at twice its size, with the claims drawn in their tags’ colours', async ({ page }) => {
  await linkedClaims(page);
  await openGraph(page);
  const size = await canvas(page).evaluate((el) => (el as HTMLElement & { drawingSize(): { w: number; h: number } }).drawingSize());
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/Graph\.png$/);
  const path = (await file.path())!;
  expect(fs.readFileSync(path).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  const tags = await api<{ name: string; color: string }[]>(page, 'tags.list', {});
  const colours = ['economic', 'security', 'interfaith'].map((n) => tags.find((t) => t.name === n)!.color);
  const png = await decodePng(page, path, colours);
  expect(Math.abs(png.width - 2 * size.w)).toBeLessThanOrEqual(4);
  expect(Math.abs(png.height - 2 * size.h)).toBeLessThanOrEqual(4);
  // Not blank: the group boxes, edges, labels and nodes cover a good part of it; each tag's colour fills its nodes.
  expect(png.ink / png.pixels).toBeGreaterThan(0.05);
  for (const n of png.found) expect(n).toBeGreaterThan(100);
});

sampleTest('Find in the graph fades the claims that do not match, ignoring case, and clearing it brings them back', async ({ page }) => {
  const c = await linkedClaims(page);
  await openGraph(page);
  await expect.poll(() => fadedOf(page, c)).toEqual([]);
  const search = page.getByRole('searchbox', { name: 'Find in the graph' });
  await search.fill('арабским');
  await expect.poll(() => fadedOf(page, c)).toEqual(['C', 'K', 'Z1']);
  await search.fill('КАЗАХСТАН');
  await expect.poll(() => fadedOf(page, c)).toEqual(['C', 'K']);
  await search.fill('');
  await expect.poll(() => fadedOf(page, c)).toEqual([]);
});

sampleTest('two steps around the selected claim bring the claims two links away out of the fade; the whole graph fades none', async ({ page }) => {
  const seeded = await linkedClaims(page);
  // A fifth claim, three links from K whichever way round the cycle.
  const X = await makeClaim(page, K1, 'economic');
  await linkClaims(page, seeded.Z2, X, 'supports');
  await reloadPanes(page);
  const c = { ...seeded, X };
  await openGraph(page);
  await clickInText(page, pane(page, KAZ), K, 3);
  await expect(page.locator('.graph-focus')).toContainText(K.slice(0, 20));

  await expect(reach(page)).toHaveValue('1');
  await expect.poll(() => fadedOf(page, c)).toEqual(['X', 'Z2']);
  await reach(page).selectOption({ label: 'Neighbours: 2 steps' });
  await expect.poll(() => fadedOf(page, c)).toEqual(['X']);
  await reach(page).selectOption({ label: 'Whole graph' });
  await expect.poll(() => fadedOf(page, c)).toEqual([]);
  // The reach is kept: back to one step, the far claims fade again.
  await reach(page).selectOption({ label: 'Neighbours: 1 step' });
  await expect.poll(() => fadedOf(page, c)).toEqual(['X', 'Z2']);
});

sampleTest('the document filter keeps one interview’s claims and the author filter one analyst’s', async ({ page }) => {
  const seeded = await linkedClaims(page);
  const me = (await api<{ author: string }>(page, 'settings.get', {})).author;
  await api(page, 'settings.update', { author: 'Второй аналитик' });
  const X = await makeClaim(page, K1, 'economic');
  await linkClaims(page, X, seeded.C, 'elaborates');
  await reloadPanes(page);
  await openGraph(page);
  await expect(status(page)).toHaveText('5 claims · 5 links');

  const documentFilter = page.getByRole('combobox', { name: 'Document' });
  await documentFilter.selectOption({ label: (await api<{ title: string }[]>(page, 'documents.list', {})).find((d) => /Бадамов|zakon/i.test(d.title))!.title });
  await expect(status(page)).toHaveText('2 claims · 1 link');
  expect(await nodeState(page, seeded.K.id)).toBeNull();
  expect(await nodeState(page, seeded.Z1.id)).not.toBeNull();
  await documentFilter.selectOption({ label: 'All documents' });
  await expect(status(page)).toHaveText('5 claims · 5 links');

  const authorFilter = page.getByRole('combobox', { name: 'Author' });
  await authorFilter.selectOption({ label: 'Второй аналитик' });
  await expect(status(page)).toHaveText('1 claim · 0 links');
  await nodeAt(page, X.id);
  await authorFilter.selectOption(`=${me}`);
  await expect(status(page)).toHaveText('4 claims · 4 links');
  expect(await nodeState(page, X.id)).toBeNull();
});

sampleTest('grouped by a source attribute, the graph puts each claim in a box captioned with its source’s value', async ({ page }) => {
  const c = await linkedClaims(page);
  const COUNTRY = "expert's country";
  await page.locator('.topbar').getByRole('button', { name: 'Attributes', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Source attributes' });
  const form = dialog.getByRole('form', { name: 'New attribute' });
  await form.getByLabel('New attribute name').fill(COUNTRY);
  await form.getByLabel('Type').selectOption({ label: 'choice list' });
  await form.getByLabel('Choices').fill('Azerbaijan | Kazakhstan | Russia');
  await form.getByRole('button', { name: 'Add attribute' }).click();
  // Zakon's expert is left without a value.
  for (const [outlet, country] of [['Kazpravda.kz', 'Azerbaijan'], ['Caravan.kz', 'Russia']] as const) {
    await dialog.getByLabel(`${COUNTRY} of ${outlet}`).selectOption(country);
    await expect(dialog.getByLabel(`${COUNTRY} of ${outlet}`)).toHaveValue(country);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await openGraph(page);
  await expect.poll(async () => (await nodeState(page, c.K.id))?.group).toMatch(/Велизаде|kazpravda/i);
  await page.getByRole('combobox', { name: 'Group by' }).selectOption({ label: COUNTRY });
  await expect.poll(async () => (await nodeState(page, c.K.id))?.group).toBe('Azerbaijan');
  expect((await nodeState(page, c.C.id))?.group).toBe('Russia');
  expect((await nodeState(page, c.Z1.id))?.group).toBe('No value');
  expect((await nodeState(page, c.Z2.id))?.group).toBe('No value');
});

sampleTest('grouped by cluster, the claims joined as the same claim are one node in the Clusters box, the others stay claims', async ({ page }) => {
  const c = await linkedClaims(page);
  await openGraph(page);
  await expect(status(page)).toHaveText('4 claims · 4 links');
  await page.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'Cluster' });
  // C and Z2 (same claim) become one node; its links to K and Z1 stay, the same-claim link is the node itself.
  await expect(status(page)).toHaveText('3 claims · 3 links');
  const members = await Promise.all([nodeState(page, c.C.id), nodeState(page, c.Z2.id)]);
  expect(members.filter((m) => m !== null)).toEqual([{ faded: false, group: 'Clusters' }]);
  expect((await nodeState(page, c.K.id))?.group).toMatch(/Велизаде|kazpravda/i);
  expect((await nodeState(page, c.Z1.id))?.group).toMatch(/Бадамов|zakon/i);
});
