import { expect, type Locator, type Page } from '@playwright/test';
import { api, clickInText, pane, sampleTest, tagSentence } from './app';

const K = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const KAZ = /Велизаде/;

sampleTest.use({ viewport: { width: 1280, height: 800 } });

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Drags the mouse over one word of a pane's text chosen by `where` (near the pane's right edge,
 * or near its bottom), as a person selects it; returns the pane's box on screen.
 */
async function selectWordNear(page: Page, region: Locator, where: 'right' | 'bottom'): Promise<Box> {
  const found = await region.evaluate((el, side) => {
    const body = el.querySelector('.pane-body')!.getBoundingClientRect();
    const row = el.closest('.panes')!.getBoundingClientRect();
    const visible = { left: Math.max(body.left, row.left), right: Math.min(body.right, row.right), top: body.top, bottom: body.bottom };
    const walker = document.createTreeWalker(el.querySelector('.source-text')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of n.textContent!.matchAll(/[А-Яа-яЁё]{5,}/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const rects = r.getClientRects();
        if (rects.length !== 1) continue;
        const b = rects[0]!;
        if (b.top < visible.top + 10 || b.bottom > visible.bottom - 10 || b.right > visible.right) continue;
        const ok = side === 'right' ? b.right > visible.right - 110 && b.top < visible.top + 300 : b.bottom > visible.bottom - 60;
        if (!ok) continue;
        return { from: { x: b.left + 1, y: b.top + b.height / 2 }, to: { x: b.right - 1, y: b.top + b.height / 2 }, pane: { left: el.getBoundingClientRect().left, top: el.getBoundingClientRect().top, right: Math.min(el.getBoundingClientRect().right, row.right), bottom: el.getBoundingClientRect().bottom } };
      }
    }
    return null;
  }, where);
  if (!found) throw new Error(`no word near the ${where} of the pane`);
  await page.mouse.move(found.from.x, found.from.y);
  await page.mouse.down();
  await page.mouse.move(found.to.x, found.to.y, { steps: 5 });
  await page.mouse.up();
  return found.pane;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function expectPopoverBeside(page: Page, paneBox: Box) {
  const popover = page.getByRole('dialog', { name: 'Tag this claim' });
  await expect(popover).toBeVisible();
  // Placed in a layout effect: wait until it has left its off-screen starting place.
  await expect.poll(async () => (await popover.boundingBox())!.x).toBeGreaterThan(0);
  const box = (await popover.boundingBox())!;
  const pop = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
  const selection = await page.evaluate(() => [...window.getSelection()!.getRangeAt(0).getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })));
  expect(selection.length).toBeGreaterThan(0);
  for (const r of selection) expect(overlaps(pop, r), 'the popover covers the selected text').toBe(false);
  expect(pop.left).toBeGreaterThanOrEqual(paneBox.left - 0.5);
  expect(pop.right, 'the popover spills into the next pane').toBeLessThanOrEqual(paneBox.right + 0.5);
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
}

sampleTest('the tag popover never covers the selected text and never spills into the next pane', async ({ page }) => {
  const region = pane(page, KAZ);
  // A word at the end of a line, by the pane's right edge, where the next pane begins.
  await expectPopoverBeside(page, await selectWordNear(page, region, 'right'));
  // A word near the bottom of the pane: the popover goes above it.
  await expectPopoverBeside(page, await selectWordNear(page, region, 'bottom'));
});

sampleTest('clicking a claim opens one editing surface: the inspector, with no popover over the text', async ({ page }) => {
  await tagSentence(page, pane(page, KAZ), K, ['3']);
  await clickInText(page, pane(page, KAZ), 'Казахстана к Соглашениям');
  await clickInText(page, pane(page, KAZ), K, 3);
  const inspector = page.getByRole('complementary', { name: 'Claim' });
  await expect(inspector.locator('.inspector-quote')).toHaveText(K);
  await expect(inspector.getByRole('button', { name: /interfaith/, pressed: true })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Its tags are edited there: security on, interfaith off.
  await inspector.getByRole('button', { name: /security/ }).click();
  await inspector.getByRole('button', { name: /interfaith/ }).click();
  await expect(page.getByRole('region', { name: 'Claims' }).locator('.chip')).toHaveText(['security']);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

sampleTest('two quick tag clicks in the inspector both count, however slowly the first one is saved', async ({ page }) => {
  await tagSentence(page, pane(page, KAZ), K, ['3']);
  await clickInText(page, pane(page, KAZ), K, 3);
  const inspector = page.getByRole('complementary', { name: 'Claim' });
  await expect(inspector.getByRole('button', { name: /interfaith/, pressed: true })).toBeVisible();
  // Every retag waits half a second on its way to the server: the second click comes before the
  // first one's answer, as it does on a busy machine.
  await page.route('**/api/annotations.update', async (route) => {
    await new Promise((r) => setTimeout(r, 500));
    await route.continue();
  });
  await inspector.getByRole('button', { name: /security/ }).click();
  await inspector.getByRole('button', { name: /interfaith/ }).click();
  await expect(inspector.getByRole('button', { name: /security/, pressed: true })).toBeVisible();
  await expect(inspector.getByRole('button', { name: /interfaith/, pressed: false })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Claims' }).locator('.chip')).toHaveText(['security']);
  const tags = await api<{ id: string; name: string }[]>(page, 'tags.list', {});
  const saved = async () => (await api<{ exact: string; tagIds: string[] }[]>(page, 'annotations.list', {})).find((a) => a.exact === K)!.tagIds;
  await expect.poll(saved).toEqual([tags.find((t) => t.name === 'security')!.id]);
});
