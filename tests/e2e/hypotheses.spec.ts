import { expect, type Page } from '@playwright/test';
import { pane, sampleTest, tagSentence } from './app';

const DEALS = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.';
const IRAN = 'Иран уже высказал свое недовольство.';
const VECTORS = 'Казахстанская политика многовекторности – это, прежде всего, политика мира и сотрудничества со всеми, кто к этому готов.';
const ASSUMPTION = 'The deals would have been signed without the Accords';
const HYPOTHESES = ['Economic gain', 'A security bargain with the US', 'Multi-vector balancing', 'Interfaith image'];

const view = (page: Page) => page.getByRole('region', { name: 'Hypotheses' });
const grid = (page: Page) => view(page).getByRole('grid', { name: 'Competing hypotheses matrix' });
const scores = (page: Page) => grid(page).locator('.hyp-score');

/** Rates the grid from its first cell, row by row, with the number keys alone. */
async function rateByKeys(page: Page, rows: string[][]): Promise<void> {
  await grid(page).locator('[data-cell="0:0"]').click();
  for (const [r, keys] of rows.entries()) {
    for (const [c, key] of keys.entries()) {
      await page.keyboard.press(key);
      await expect(grid(page).locator(`[data-cell="${r}:${c}"]`)).toHaveClass(/r-/);
      if (c < keys.length - 1) await page.keyboard.press('ArrowRight');
    }
    for (let c = 1; c < keys.length; c++) await page.keyboard.press('ArrowLeft');
    if (r < rows.length - 1) await page.keyboard.press('ArrowDown');
  }
}

sampleTest('the corpus question worked through by keyboard: hypotheses, claim rows, ratings, live scores, linchpins, doubtful rows, rationale and undo', async ({ page }) => {
  await tagSentence(page, pane(page, /Казанцев/), DEALS, ['1']);
  await page.keyboard.press('Control+Shift+H');
  await expect(view(page)).toBeVisible();
  await view(page).getByRole('textbox', { name: 'A question to analyse' }).fill('Why did Kazakhstan join the Abraham Accords?');
  await page.keyboard.press('Enter');
  const title = view(page).getByRole('textbox', { name: 'A hypothesis' });
  for (const h of HYPOTHESES) {
    await title.fill(h);
    await page.keyboard.press('Enter');
    await expect(grid(page).or(view(page).getByText('Add hypotheses and evidence rows'))).toBeVisible();
  }
  // The newest claim is the selected one: it becomes the first row.
  await view(page).getByRole('button', { name: 'Add selected claim' }).click();
  await expect(grid(page).getByRole('columnheader')).toHaveCount(4 + HYPOTHESES.length);
  await tagSentence(page, pane(page, /Бадамов/), IRAN, ['2']);
  await view(page).getByRole('button', { name: 'Add selected claim' }).click();
  await tagSentence(page, pane(page, /Казанцев/), VECTORS, ['3']);
  await view(page).getByRole('button', { name: 'Add selected claim' }).click();
  await view(page).getByRole('textbox', { name: 'Assumption or absent evidence' }).fill(ASSUMPTION);
  await page.keyboard.press('Enter');
  await expect(grid(page).locator('tbody tr')).toHaveCount(4);
  await expect(grid(page).locator('tbody tr').first()).toContainText('Caravan');

  // 1 CC · 2 C · 3 N · 4 I · 5 II · 6 NA
  await rateByKeys(page, [
    ['1', '3', '2', '3'],
    ['3', '4', '2', '5'],
    ['3', '4', '1', '3'],
    ['4', '6', '3', '3'],
  ]);
  // All weights Medium (1): gain −1 (one I), security −2 (two I), multi-vector 0, interfaith −2 (one II).
  await expect(scores(page)).toHaveText(['−1.00', '−2.00', '0', '−2.00']);
  await expect(view(page).getByTestId('hyp-ranking').locator('li')).toHaveText([
    /^Multi-vector balancing 0$/,
    /^Economic gain −1\.00$/,
    /^A security bargain with the US −2\.00$/,
    /^Interfaith image −2\.00$/,
  ]);
  // Diagnosticity of the deals row: values 2, 0, 1, 0 → population standard deviation √0.6875.
  await expect(grid(page).locator('tbody tr').first().locator('.hyp-diag')).toHaveText('0.83');
  // Without the assumption, economic gain ties multi-vector balancing at 0 and leads by column order.
  await expect(view(page).getByTestId('hyp-linchpins').locator('li')).toHaveText([ASSUMPTION]);

  // A rationale: Enter on the cell, type, Enter saves.
  await grid(page).locator('[data-cell="1:3"]').click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Tehran objected, yet the interfaith framing stayed in every statement');
  await page.keyboard.press('Enter');
  await expect(grid(page).locator('[data-cell="1:3"] .hyp-has-note')).toBeVisible();
  await expect(grid(page).locator('[data-cell="1:3"]')).toBeFocused();

  // The Iran row may be planted: marked doubtful, the ranking without it comes up beside.
  await grid(page).getByRole('row', { name: IRAN }).getByRole('checkbox', { name: 'doubtful' }).check();
  await expect(view(page).getByTestId('hyp-sensitivity').locator('li')).toHaveText([
    /^Multi-vector balancing 0$/,
    /^Interfaith image 0$/,
    /^Economic gain −1\.00$/,
    /^A security bargain with the US −1\.00$/,
  ]);

  // Each edit is an undo step: Ctrl+Z takes back the doubtful mark, then the rationale.
  await page.locator('.topbar .project-name').click();
  await page.keyboard.press('Control+z');
  await expect(view(page).getByTestId('hyp-sensitivity')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(grid(page).locator('[data-cell="1:3"] .hyp-has-note')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(grid(page).locator('[data-cell="3:3"]')).not.toHaveClass(/r-/);
  await expect(scores(page)).toHaveText(['−1.00', '−2.00', '0', '−2.00']);

  // Kept across a reload, with the view pane still open.
  await page.reload();
  await expect(grid(page).locator('tbody tr')).toHaveCount(4);
  await expect(scores(page)).toHaveText(['−1.00', '−2.00', '0', '−2.00']);
});
