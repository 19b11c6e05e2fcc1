import { expect, type Page } from '@playwright/test';
import { claimQuotes, clickInText, cliJson, paintedRangeCount, pane, sampleTest, selectWithMouse } from './app';

const KAZPRAVDA = /Велизаде/;
const CARAVAN = /Казанцев/;
const ZAKON = /Бадамов/;
const SENTENCE = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const INNER = 'присоединении Казахстана к Соглашениям Авраама';

const caretBefore = (page: Page, title: RegExp, text: string) => clickInText(page, pane(page, title), text);

sampleTest('a claim can be made with the keyboard alone: caret, Shift+arrows, a number key, Enter', async ({ page }) => {
  await caretBefore(page, KAZPRAVDA, SENTENCE);
  for (let i = 0; i < SENTENCE.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('2');
  const popover = page.getByRole('dialog', { name: 'Tag this claim' });
  await expect(popover.getByRole('button', { name: /security/, pressed: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => claimQuotes(page)).toEqual([SENTENCE]);
  // Typing into a source pane never changes it.
  await page.keyboard.type('xyz');
  await page.keyboard.press('Backspace');
  await expect(pane(page, KAZPRAVDA).locator('.source-text')).not.toContainText('xyz');
  await expect(pane(page, KAZPRAVDA).locator('.source-text')).toContainText(SENTENCE);
});

sampleTest('overlapping claims both stay visible and clickable; a claim can be retagged and deleted', async ({ page, sample }) => {
  const region = pane(page, KAZPRAVDA);
  await selectWithMouse(page, region, SENTENCE);
  await page.keyboard.press('1');
  // No waiting for the save: a quick analyst goes straight on once the popover has gone.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Tag this claim' })).toBeHidden();
  await selectWithMouse(page, region, INNER);
  await page.keyboard.press('3');
  await page.keyboard.press('Enter');
  await expect.poll(() => claimQuotes(page)).toEqual([SENTENCE, INNER]);
  // The inner claim sits on a second layer, so the overlap is painted twice (darker), not merged.
  const layers = await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => /^cr-t/.test(k)).map((k) => k.slice(-1)).sort());
  expect(layers).toEqual(['0', '1']);
  expect(await paintedRangeCount(page)).toBe(2);

  // Clicking in the overlap offers both claims.
  await caretBefore(page, KAZPRAVDA, 'Казахстана к Соглашениям');
  const chooser = page.getByRole('dialog', { name: 'Claim' });
  await expect(chooser.getByText('2 claims overlap here — choose one:')).toBeVisible();
  await chooser.getByRole('button', { name: new RegExp(`^«${INNER}»`) }).click();

  // Retag the inner claim in the inspector: interfaith off, security on.
  const editor = page.getByRole('complementary', { name: 'Claim' });
  await expect(editor.locator('.inspector-quote')).toHaveText(INNER);
  await expect(editor.getByRole('button', { name: /interfaith/, pressed: true })).toBeVisible();
  await editor.getByRole('button', { name: /interfaith/ }).click();
  await editor.getByRole('button', { name: /security/ }).click();
  const claims = page.getByRole('region', { name: 'Claims' });
  await expect(claims.getByRole('listitem').nth(1).locator('.chip')).toHaveText(['security']);

  // Clicking outside the overlap opens the outer claim directly; delete it.
  await caretBefore(page, KAZPRAVDA, 'Важным итогом');
  await expect(editor.locator('.inspector-quote')).toHaveText(SENTENCE);
  await editor.getByRole('button', { name: 'Delete claim' }).click();
  await expect.poll(() => claimQuotes(page)).toEqual([INNER]);

  const stored = cliJson<{ exact: string; tags: string[] }[]>(sample.home, 'annotations', '--project', `${sample.projectPath}`);
  expect(stored).toEqual([expect.objectContaining({ exact: INNER, tags: ['security'] })]);
});

sampleTest('clicking a claim in the list scrolls its pane to it and selects it', async ({ page }) => {
  const region = pane(page, CARAVAN);
  const far = 'Негевского форума';
  const body = region.locator('.pane-body');
  await selectWithMouse(page, region, far);
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await body.evaluate((el) => (el.scrollTop = 0));
  await page.getByRole('region', { name: 'Claims' }).getByRole('button', { name: new RegExp(far) }).click();
  await expect(page.getByRole('complementary', { name: 'Claim' }).locator('.inspector-quote')).toContainText(far);
  expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
});

sampleTest('panes can be closed, reordered and resized, and the layout survives a reload', async ({ page }) => {
  const titles = () => page.locator('.pane h2').allTextContents();
  const before = await titles();
  expect(before).toHaveLength(3);
  await page.getByRole('button', { name: /^Move .*Велизаде.* right$/ }).click();
  await expect.poll(titles).toEqual([before[1], before[0], before[2]]);
  await page.getByRole('button', { name: /^Close .*Бадамов/ }).click();
  await expect(page.locator('.pane')).toHaveCount(2);
  const splitter = page.getByRole('separator', { name: 'Resize panes' });
  await splitter.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', '60');
  await pane(page, CARAVAN).locator('.pane-body').evaluate((el) => (el.scrollTop = 1500));
  await page.waitForTimeout(600); // let the debounced layout save land before reloading
  await page.reload();
  await expect.poll(titles).toEqual([before[1], before[0]]);
  await expect(page.getByRole('separator', { name: 'Resize panes' })).toHaveAttribute('aria-valuenow', '60');
  await expect.poll(() => pane(page, CARAVAN).locator('.pane-body').evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  await expect(page.getByRole('region', { name: ZAKON })).toHaveCount(0);
});

sampleTest('a pane opened just before leaving the project is still there when the project is reopened', async ({ page }) => {
  // Regression: the layout save was debounced and lost when the project closed within 300 ms.
  await page.getByRole('button', { name: /^Close .*Бадамов/ }).click();
  await page.getByRole('button', { name: /^Open .*Бадамов.* in a pane$/ }).click();
  await page.getByRole('button', { name: 'Projects' }).click();
  await page.getByRole('button', { name: /Sample project/ }).click();
  await expect(page.locator('.pane')).toHaveCount(3);
  await expect(page.locator('.pane h2').last()).toContainText('Бадамов');
});
