import { expect } from '@playwright/test';
import { pane, sampleTest, tagSentence } from './app';
import { matrixGrid, startAnalysis } from './hypotheses-app';
import { C1, CARAVAN } from './sentences';

/** Rating keys are shown at once and saved after the frame that shows them; an undo must still find them saved. */

sampleTest('a rating key followed at once by Ctrl+Z takes back that rating, not the step before it', async ({ page }) => {
  await tagSentence(page, pane(page, CARAVAN), C1, ['1']);
  await page.keyboard.press('Control+Shift+H');
  await startAnalysis(page, 'Why did Kazakhstan join the Abraham Accords?', ['Economic gain']);
  await page.getByRole('complementary', { name: 'Claim' }).getByRole('button', { name: 'Add to matrix' }).click();
  const rows = matrixGrid(page).locator('.hyp-body [role=row]');
  await expect(rows).toHaveCount(1);
  const cell = matrixGrid(page).locator('[data-cell="0:0"]');
  await cell.click();
  // No wait between the two keys: the undo is asked for before the rating's save could have answered.
  await page.keyboard.press('5');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.toast').last()).toContainText('Undone');
  await expect(cell).not.toHaveClass(/r-/);
  await expect(rows).toHaveCount(1);
  // The next undo takes the step before: the row.
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(0);
});
