import { expect, type Locator, type Page } from '@playwright/test';
import { expectToast, pane, sampleTest, tagSentence } from './app';
import { claimBrowser, matrixGrid, startAnalysis, undo } from './hypotheses-app';
import { C1, C2, CARAVAN, K1, K2, KAZPRAVDA, Z1, ZAKON } from './sentences';

/**
 * Picking rows in the claim browser (Ctrl/Cmd+click, Shift+click, Shift+arrows, Escape) and adding
 * exactly the picked claims to the matrix in one undo step.
 */

const row = (page: Page, quote: string): Locator => claimBrowser(page).getByRole('listitem').filter({ hasText: quote.slice(0, 40) });
const matrixRows = (page: Page): Locator => matrixGrid(page).locator('.hyp-body [role=row]');

async function tagFive(page: Page): Promise<void> {
  const claims: [RegExp, string, string][] = [
    [KAZPRAVDA, K1, '1'],
    [KAZPRAVDA, K2, '1'],
    [CARAVAN, C1, '1'],
    [CARAVAN, C2, '2'],
    [ZAKON, Z1, '2'],
  ];
  for (const [i, [doc, text, key]] of claims.entries()) {
    await tagSentence(page, pane(page, doc), text, [key]);
    await expect(claimBrowser(page).getByRole('status')).toHaveText(`${i + 1} of ${i + 1} ${i === 0 ? 'claim' : 'claims'}`);
  }
}

async function expectPicked(page: Page, picked: string[]): Promise<void> {
  for (const quote of [K1, K2, C1, C2, Z1]) {
    await expect(row(page, quote)).toHaveAttribute('aria-selected', picked.includes(quote) ? 'true' : 'false');
  }
}

sampleTest('claims picked in the claim browser with Ctrl+click and Shift+click are the ones added to the matrix, in one undo step', async ({ page }) => {
  await tagFive(page);
  await page.keyboard.press('Control+Shift+H');
  await startAnalysis(page, 'Why did Kazakhstan join the Abraham Accords?', ['Economic gain', 'A security bargain with the US']);
  // The claim tagged last is the selected one: it goes in first, from the inspector.
  await page.getByRole('complementary', { name: 'Claim' }).getByRole('button', { name: 'Add to matrix' }).click();
  await expect(matrixRows(page)).toHaveCount(1);

  // Without a pick the action is the filter's.
  await expect(claimBrowser(page).getByRole('button', { name: 'Add 5 claims to the matrix' })).toBeVisible();
  await row(page, K2).getByRole('button').click({ modifiers: ['ControlOrMeta'] });
  await row(page, C2).getByRole('button').click({ modifiers: ['ControlOrMeta'] });
  // The range runs from the last Ctrl-picked row and keeps the rows picked before it.
  await row(page, Z1).getByRole('button').click({ modifiers: ['Shift'] });
  await expectPicked(page, [K2, C2, Z1]);
  await expect(claimBrowser(page).getByText('3 claims selected')).toBeVisible();
  // Picking opened nothing: the open claim is still the one tagged last.
  await expect(row(page, Z1)).toHaveAttribute('aria-current', 'true');
  await expect(row(page, K2)).not.toHaveAttribute('aria-current', 'true');

  await claimBrowser(page).getByRole('button', { name: 'Add 3 selected claims to the matrix' }).click();
  await expectToast(page, '2 claims added to the matrix. 1 claim is already in the matrix (alone or in its cluster).');
  await expect(matrixRows(page)).toHaveCount(3);
  for (const quote of [Z1, K2, C2]) await expect(matrixRows(page).filter({ hasText: quote.slice(0, 20) })).toHaveCount(1);
  for (const quote of [K1, C1]) await expect(matrixRows(page).filter({ hasText: quote.slice(0, 20) })).toHaveCount(0);

  // The two added are one step.
  await undo(page);
  await expect(matrixRows(page)).toHaveCount(1);
  await expect(matrixRows(page).first()).toContainText(Z1.slice(0, 20));
});

sampleTest('in the claim browser Shift+arrows pick rows from the keyboard, Escape drops the pick, and a plain click still opens the claim', async ({ page }) => {
  await tagFive(page);
  await row(page, K1).getByRole('button').click();
  // A plain click opens the claim and picks nothing.
  await expect(row(page, K1)).toHaveAttribute('aria-current', 'true');
  await expectPicked(page, []);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expectPicked(page, [K1, K2, C1]);
  await page.keyboard.press('Shift+ArrowUp');
  await expectPicked(page, [K1, K2]);
  await expect(claimBrowser(page).getByText('2 claims selected')).toBeVisible();
  // A Ctrl+click takes one row out of the pick.
  await row(page, K1).getByRole('button').click({ modifiers: ['ControlOrMeta'] });
  await expectPicked(page, [K2]);
  await row(page, K2).getByRole('button').focus();
  await page.keyboard.press('Escape');
  await expectPicked(page, []);
  await expect(claimBrowser(page).getByText(/selected/)).toHaveCount(0);
});
