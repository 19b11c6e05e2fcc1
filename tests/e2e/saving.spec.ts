import { expect, type Route } from '@playwright/test';
import { claimQuotes, expectToast, pane, paintedRangeCount, sampleTest as test, selectWithMouse } from './app';
import { K1 as SENTENCE, KAZPRAVDA } from './sentences';


/** Selects the sentence, picks the first tag and presses Enter to save, holding the server's answer in `held`. */
async function saveWhileHeld(page: import('@playwright/test').Page, held: Route[]): Promise<number> {
  await page.route('**/api/annotations.create', (route) => {
    held.push(route);
  });
  const before = await paintedRangeCount(page);
  await selectWithMouse(page, pane(page, KAZPRAVDA), SENTENCE);
  const popover = page.getByRole('dialog', { name: 'Tag this claim' });
  await expect(popover).toBeVisible();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  await expect.poll(() => held.length).toBe(1);
  return before;
}

test('a saved claim is painted in its tag colour while the server is still saving it', async ({ page }) => {
  const held: Route[] = [];
  const before = await saveWhileHeld(page, held);
  // The server has not answered, yet the claim shows, under the first tag's highlight.
  await expect.poll(() => paintedRangeCount(page)).toBe(before + 1);
  expect(await page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('cr-t')))).toBe(true);
  expect(await claimQuotes(page)).not.toContain(SENTENCE);
  await held[0]!.continue();
  await expect.poll(async () => (await claimQuotes(page)).some((q) => SENTENCE.startsWith(q.replace(/…$/, '')))).toBe(true);
  // Saved: painted once, not twice.
  expect(await paintedRangeCount(page)).toBe(before + 1);
});

test('when saving a claim fails, its highlight goes away and the reason is shown', async ({ page }) => {
  const held: Route[] = [];
  const before = await saveWhileHeld(page, held);
  await expect.poll(() => paintedRangeCount(page)).toBe(before + 1);
  await held[0]!.fulfill({ json: { ok: false, error: { code: 'internal', message: 'The disk is full.' } } });
  await expectToast(page, 'The disk is full.');
  await expect.poll(() => paintedRangeCount(page)).toBe(before);
  expect(await claimQuotes(page)).not.toContain(SENTENCE);
});
