import { expect, type Locator, type Page } from '@playwright/test';
import { claimQuotes, pane, sampleTest, tagSentence } from './app';
import { C1, C2, CARAVAN, K1, K2, KAZPRAVDA, Z1, ZAKON } from './sentences';

sampleTest.beforeEach(async ({ page }) => {
  // Tag keys: 1 economic, 2 security, 3 interfaith. C2 is left untagged. Each save is awaited: one
  // landing during the next drag would clear that selection (workspace createAnnotation).
  const plan = [
    [KAZPRAVDA, K1, ['1', '3']],
    [KAZPRAVDA, K2, ['1']],
    [CARAVAN, C1, ['2']],
    [CARAVAN, C2, []],
    [ZAKON, Z1, ['2', '3']],
  ] as const;
  for (const [i, [title, text, keys]] of plan.entries()) {
    await tagSentence(page, pane(page, title), text, [...keys]);
    await expect(status(page)).toHaveText(`${i + 1} of ${i + 1} ${i === 0 ? 'claim' : 'claims'}`);
  }
});

const status = (page: Page): Locator => page.getByRole('region', { name: 'Claims' }).getByRole('status');
const matrix = (page: Page): Locator => page.getByRole('dialog', { name: 'Tags × documents' });

async function openMatrix(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  const dialog = matrix(page);
  await expect(dialog.getByRole('table')).toBeVisible();
  return dialog;
}

/** The table as the eye reads it: one array of cell texts per row, header cells included. */
async function tableText(section: Locator): Promise<string[][]> {
  return section.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim())));
}

sampleTest('the matrix counts claims per tag and document, with an untagged row and totals', async ({ page }) => {
  const dialog = await openMatrix(page);
  expect(await tableText(dialog.locator('thead'))).toEqual([['Tag', 'Kazpravda.kz 2025-11-07', 'Caravan.kz no date', 'Zakon.kz 2026-03-02', 'Total']]);
  expect(await tableText(dialog.locator('tbody'))).toEqual([
    ['economic', '2', '', '', '2'],
    ['security', '', '1', '1', '2'],
    ['interfaith', '1', '', '1', '2'],
    ['untagged', '', '1', '', '1'],
  ]);
  // Each claim once per document, however many tags it has.
  expect(await tableText(dialog.locator('tfoot'))).toEqual([['All claims', '2', '2', '1', '5']]);
  await expect(dialog.getByRole('columnheader')).toHaveCount(5);
  await expect(dialog.getByRole('rowheader')).toHaveText(['economic', 'security', 'interfaith', 'untagged', 'All claims']);

  // The busiest cell is shaded most strongly.
  const heat = (name: string) => dialog.getByRole('button', { name }).evaluate((el) => parseFloat((el as HTMLElement).style.getPropertyValue('--heat')));
  expect(await heat('Show claims tagged economic in Kazpravda.kz (2)')).toBeGreaterThan(await heat('Show claims tagged interfaith in Kazpravda.kz (1)'));

  // Escape closes it; a claim made afterwards is counted the next time.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await tagSentence(page, pane(page, ZAKON), 'Казахстан – надежный партнер', ['1']);
  await expect(status(page)).toHaveText('6 of 6 claims');
  const again = await openMatrix(page);
  await expect.poll(() => tableText(again.locator('tbody'))).toEqual([
    ['economic', '2', '', '1', '3'],
    ['security', '', '1', '1', '2'],
    ['interfaith', '1', '', '1', '2'],
    ['untagged', '', '1', '', '1'],
  ]);
  expect(await tableText(again.locator('tfoot'))).toEqual([['All claims', '2', '2', '2', '6']]);
});

sampleTest('choosing a count lists exactly those claims in the claim browser', async ({ page }) => {
  const claims = page.getByRole('region', { name: 'Claims' });
  let dialog = await openMatrix(page);
  await dialog.getByRole('button', { name: 'Show claims tagged interfaith in Zakon.kz (1)' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => claimQuotes(page)).toEqual([Z1]);
  await expect(status(page)).toHaveText('1 of 5 claims');
  await expect(claims.locator('.browser-summary')).toHaveText('interfaith · Zakon.kz');

  // A new choice replaces the filter rather than adding to it.
  dialog = await openMatrix(page);
  await dialog.getByRole('button', { name: 'Show claims tagged economic in Kazpravda.kz (2)' }).click();
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2]);

  dialog = await openMatrix(page);
  await dialog.getByRole('button', { name: 'Show untagged claims in Caravan.kz (1)' }).click();
  await expect.poll(() => claimQuotes(page)).toEqual([C2]);

  dialog = await openMatrix(page);
  await dialog.getByRole('button', { name: 'Show all claims tagged security (2)' }).click();
  await expect.poll(() => claimQuotes(page)).toEqual([C1, Z1]);

  dialog = await openMatrix(page);
  await dialog.getByRole('button', { name: 'Show all claims in Caravan.kz (2)' }).click();
  await expect.poll(() => claimQuotes(page)).toEqual([C1, C2]);

  // The filter the matrix set is an ordinary one: visible in the panel, and cleared like any other.
  await claims.getByRole('button', { name: 'Filters (1)' }).click();
  await expect(claims.getByRole('checkbox', { name: /Caravan\.kz/ })).toBeChecked();
  await claims.getByRole('button', { name: 'Clear filters' }).click();
  await expect(status(page)).toHaveText('5 of 5 claims');
});
