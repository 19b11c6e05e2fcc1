import { expect, type Page } from '@playwright/test';
import { claimQuotes, clickInText, cliJson, pane, sampleTest, tagSentence } from './app';

const K = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const C1 = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.';
const C2 = 'стал важной точкой для начала нового этапа сотрудничества между Центральной Азией и Вашингтоном.';
const KAZ = /Велизаде/;
const CAR = /Казанцев/;

const claim = (page: Page, title: RegExp, text: string, key: string) => tagSentence(page, pane(page, title), text, [key]);

/** Clicks inside a claim's text in its pane, as a person clicks a highlight. */
const clickClaim = (page: Page, title: RegExp, text: string) => clickInText(page, pane(page, title), text, 3);

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Claim' });

sampleTest('link claims across articles, follow links both ways, undo and redo, and keep it all after a restart', async ({ page, sample }) => {
  await claim(page, KAZ, K, '3');
  await claim(page, CAR, C1, '1');
  await claim(page, CAR, C2, '2');

  // K supports… no: K is supported by C1? The analyst links from K: K → C1 "supports", K → C2 "contradicts".
  await clickClaim(page, KAZ, K);
  await page.keyboard.press('l');
  await expect(page.getByRole('status').filter({ hasText: 'Linking «' })).toBeVisible();
  await clickClaim(page, CAR, C1);
  const picker = page.getByRole('dialog', { name: 'How are they related?' });
  await expect(picker).toBeVisible();
  await picker.getByRole('button', { name: /supports/ }).click();
  await expect(picker).toBeHidden();

  // Keyboard route for the second link: the claim is still selected; L, click, number key.
  await page.keyboard.press('l');
  await expect(page.getByRole('status').filter({ hasText: 'Linking «' })).toBeVisible();
  await clickClaim(page, CAR, C2);
  await expect(picker).toBeVisible();
  await page.keyboard.press('2');
  await expect(picker).toBeHidden();

  // The inspector of K shows both links, read from K's side, with citations.
  await clickClaim(page, KAZ, K);
  await page.keyboard.press('Escape');
  const links = inspector(page).getByRole('region', { name: 'Links' });
  await expect(links.locator('.relation')).toHaveText(['supports', 'contradicts']);
  await expect(links.locator('.link-target').first()).toContainText('Caravan.kz');
  await expect(links.locator('.link-target').first()).toContainText('¶1');
  // Markers in the margin count the links.
  await expect(pane(page, KAZ).getByRole('button', { name: '2 links' })).toBeVisible();

  // Follow K → C1: the Caravan claim is selected and reads the link backwards.
  await links.locator('.link-target').first().click();
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(C1);
  await expect(inspector(page).locator('.relation')).toHaveText(['is supported by']);
  // …and back from C1 to K.
  await inspector(page).locator('.link-target').click();
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(K);

  // Undo the second link, redo it.
  await page.keyboard.press('Control+z');
  await expect(links.locator('.relation')).toHaveText(['supports']);
  await page.keyboard.press('Control+Shift+Z');
  await expect(links.locator('.relation')).toHaveText(['supports', 'contradicts']);

  // Deleting C2 says its link goes too, and Undo brings both back.
  await clickClaim(page, CAR, C2);
  await page.keyboard.press('Escape');
  await inspector(page).getByRole('button', { name: 'Delete claim' }).click();
  await expect(inspector(page).getByText('Delete this claim and its link?')).toBeVisible();
  await inspector(page).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => claimQuotes(page)).toEqual([K, C1]);
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => claimQuotes(page)).toEqual([K, C1, C2]);
  await clickClaim(page, KAZ, K);
  await page.keyboard.press('Escape');
  await expect(links.locator('.relation')).toHaveText(['supports', 'contradicts']);

  // A note on K, with bold text, saved as the analyst types.
  const note = inspector(page).getByRole('textbox', { name: 'Note on this claim' });
  await note.click();
  await page.keyboard.type('Ключевой тезис: ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('поддержан');
  await expect(inspector(page).getByText('Saved')).toBeVisible();

  // Restart: links, the deleted-and-restored claim and the note are all there.
  await page.goto(await sample.restart());
  await expect.poll(() => claimQuotes(page)).toEqual([K, C1, C2]);
  await clickClaim(page, KAZ, K);
  await page.keyboard.press('Escape');
  await expect(inspector(page).locator('.relation')).toHaveText(['supports', 'contradicts']);
  await expect(inspector(page).locator('.note-input strong, .note-input .note-bold').first()).toHaveText('поддержан');
  await expect(inspector(page).getByRole('textbox', { name: 'Note on this claim' })).toContainText('Ключевой тезис: поддержан');

  const stored = cliJson<{ relation: string; note: string }[]>(sample.home, 'links', '--project', `${sample.projectPath}`);
  expect(stored.map((l) => l.relation).sort()).toEqual(['contradicts', 'supports']);
});

sampleTest('search finds Russian word forms, opens a hit at its place, and auto-codes every hit in one undoable step', async ({ page }) => {
  await page.keyboard.press('Control+Shift+F');
  const search = page.getByRole('region', { name: 'Search' });
  await search.getByRole('searchbox').fill('инвестиция');
  await expect(search.getByRole('status')).toHaveText('12 hits');
  const marks = await search.locator('mark').allTextContents();
  expect(new Set(marks.map((m) => m.toLowerCase()))).toEqual(new Set(['инвестиций', 'инвестиции', 'инвестициях']));

  // ё = е and case do not matter.
  await search.getByRole('searchbox').fill('ПРИЕМА');
  await expect(search.locator('mark').first()).toHaveText(/приёма/i);

  // A hit opens its pane at the place.
  await search.getByRole('searchbox').fill('инвестиция');
  await expect(search.getByRole('status')).toHaveText('12 hits');
  await search.getByRole('button').filter({ hasText: 'инвестициях' }).last().click();
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('cr-flash'))).toBe(true);

  // Auto-code: 12 new economic claims, one undo step.
  await search.getByRole('combobox', { name: 'Tag for all hits…' }).selectOption({ label: 'economic' });
  await search.getByRole('button', { name: 'Tag all 12 hits' }).click();
  await expect(page.locator('.toast').filter({ hasText: 'Auto-coded: 12 new claims' })).toBeVisible();
  await page.getByRole('tab', { name: 'Claims' }).click();
  await expect(page.getByRole('region', { name: 'Claims' }).getByRole('status')).toHaveText('12 of 12 claims');
  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await claimQuotes(page)).length).toBe(0);
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByRole('region', { name: 'Claims' }).getByRole('status')).toHaveText('12 of 12 claims');
});

sampleTest('search shows a common word 200 hits at a time, shows more on request, and offers to tag every hit', async ({ page, sample }) => {
  const all = cliJson<{ total: number; hits: { match: string }[] }>(sample.home, 'search', '--project', sample.projectPath, '--json', 'и');
  // More than one page, less than two.
  expect(all.total).toBeGreaterThan(200);
  expect(all.total).toBeLessThanOrEqual(400);
  expect(all.hits).toHaveLength(all.total);
  await page.keyboard.press('Control+Shift+F');
  const search = page.getByRole('region', { name: 'Search' });
  await search.getByRole('searchbox').fill('и');
  await expect(search.getByRole('status')).toHaveText(`Showing 200 of ${all.total} hits`);
  await expect(search.locator('mark')).toHaveCount(200);
  // Auto-code tags every hit, not only the ones listed.
  await expect(search.getByRole('button', { name: `Tag all ${all.total} hits` })).toBeVisible();

  // From the keyboard: the next page holds what is left.
  const more = search.getByRole('button', { name: `Show ${all.total - 200} more hits` });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(search.getByRole('status')).toHaveText(`${all.total} hits`);
  await expect(more).toHaveCount(0);
  expect(await search.locator('mark').allTextContents()).toEqual(all.hits.map((h) => h.match));
});

sampleTest('the command palette lists every command with its shortcut and runs the chosen one', async ({ page }) => {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await expect(palette.getByRole('option', { name: /Search…\s*Ctrl\+Shift\+F/ })).toBeVisible();
  await expect(palette.getByRole('option', { name: /Undo\s*Ctrl\+Z/ })).toBeVisible();
  await page.keyboard.type('manage tags');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Tags' })).toBeVisible();
});

sampleTest('a link type of the analyst’s own reads one way from the source and the other way from the target', async ({ page }) => {
  await page.getByRole('button', { name: 'Tags' }).click();
  await page.getByRole('button', { name: 'Link types…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link types' });
  await dialog.getByLabel('New link type').fill('is cause of');
  await dialog.getByLabel('Its reverse reading').fill('is caused by');
  await dialog.getByRole('button', { name: 'Add link type' }).click();
  await expect(dialog.getByLabel('Name of link type is cause of')).toHaveValue('is cause of');
  // Built-ins cannot be deleted; the new one can.
  await expect(dialog.getByRole('button', { name: 'Delete link type supports' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Delete link type is cause of' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await claim(page, KAZ, K, '3');
  await claim(page, CAR, C1, '1');
  await clickClaim(page, CAR, C1);
  await page.keyboard.press('l');
  await clickClaim(page, KAZ, K);
  const picker = page.getByRole('dialog', { name: 'How are they related?' });
  await picker.getByRole('button', { name: /is cause of/ }).click();
  await expect(picker).toBeHidden();
  await expect(inspector(page).locator('.relation')).toHaveText(['is cause of']);
  await inspector(page).locator('.link-target').click();
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(K);
  await expect(inspector(page).locator('.relation')).toHaveText(['is caused by']);
});
