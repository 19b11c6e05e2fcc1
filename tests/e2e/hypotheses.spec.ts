import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import { pane, sampleTest, startApp, tagSentence, tempHome } from './app';

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
    await expect(title).toHaveValue('');
  }
  // The newest claim is the selected one: it becomes the first row.
  await view(page).getByRole('button', { name: 'Add selected claim' }).click();
  await expect(grid(page).getByRole('columnheader')).toHaveCount(2 + HYPOTHESES.length);
  await tagSentence(page, pane(page, /Бадамов/), IRAN, ['2']);
  await view(page).getByRole('button', { name: 'Add selected claim' }).click();
  // The inspector adds the claim it shows to the open analysis too.
  await tagSentence(page, pane(page, /Казанцев/), VECTORS, ['3']);
  await page.getByRole('complementary', { name: 'Claim' }).getByRole('button', { name: 'Add to matrix' }).click();
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(3);
  await view(page).getByRole('textbox', { name: 'Assumption or absent evidence' }).fill(ASSUMPTION);
  await page.keyboard.press('Enter');
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(4);
  await expect(grid(page).locator('.hyp-body [role=row]').first()).toContainText('Caravan');

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
  await expect(grid(page).locator('.hyp-body [role=row]').first().locator('.hyp-diag')).toHaveText('0.83');
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
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(4);
  await expect(scores(page)).toHaveText(['−1.00', '−2.00', '0', '−2.00']);

  // Search finds a hypothesis's title; the hit opens the matrix on its column.
  await page.keyboard.press('Control+Shift+F');
  await page.getByRole('searchbox').fill('bargain');
  const hit = page.locator('.hypothesis-hits').getByRole('button');
  await expect(hit).toHaveText(/Hypothesis\s*A security bargain with the US/);
  await hit.click();
  await expect(view(page).getByRole('textbox', { name: 'Title' })).toHaveValue('A security bargain with the US');
});

async function setAuthor(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('textbox', { name: 'Your name (stamped on your claims)' }).fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

async function runCommand(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Commands' })).toBeVisible();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

/** Exports the project's annotation file and answers its text. */
async function exportAnnotations(page: Page): Promise<string> {
  await runCommand(page, 'export annotations');
  const download = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Export' }).click();
  return fs.readFileSync((await (await download).path())!, 'utf8');
}

async function importAnnotations(page: Page, name: string, content: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await runCommand(page, 'import annotations');
  await (await chooser).setFiles({ name, mimeType: 'application/ld+json', buffer: Buffer.from(content) });
  const preview = page.getByRole('dialog', { name: `Import annotations from ${name}` });
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(preview).toBeHidden();
}

sampleTest('two analysts rate the same matrix, exchange files, and the group view shows both ratings with the disagreement shaded', async ({ page }) => {
  // Aliya builds and rates the matrix, then sends her file.
  await setAuthor(page, 'Aliya');
  await tagSentence(page, pane(page, /Казанцев/), DEALS, ['1']);
  await page.keyboard.press('Control+Shift+H');
  await view(page).getByRole('textbox', { name: 'A question to analyse' }).fill('Why did Kazakhstan join the Abraham Accords?');
  await page.keyboard.press('Enter');
  for (const h of HYPOTHESES.slice(0, 2)) {
    await view(page).getByRole('textbox', { name: 'A hypothesis' }).fill(h);
    await page.keyboard.press('Enter');
    await expect(view(page).getByRole('textbox', { name: 'A hypothesis' })).toHaveValue('');
  }
  await expect(view(page).getByRole('textbox', { name: 'Title' })).toHaveValue(HYPOTHESES[0]!);
  await view(page).getByRole('button', { name: 'Add selected claim' }).click();
  await rateByKeys(page, [['1', '3']]);
  const aliyas = await exportAnnotations(page);

  // Boris, in his own app and project, takes her file and rates the same cells his way.
  const { home } = tempHome();
  const app = await startApp(home);
  const boris = await page.context().newPage();
  try {
    await boris.goto(app.url);
    await boris.getByRole('button', { name: 'Open sample project' }).click();
    await expect(boris.locator('.pane .source-text')).toHaveCount(3);
    await setAuthor(boris, 'Boris');
    await importAnnotations(boris, 'aliya.crossread.json', aliyas);
    await boris.keyboard.press('Control+Shift+H');
    await expect(grid(boris).locator('.hyp-body [role=row]')).toHaveCount(1);
    // His own ratings start blank; Aliya's are one click away.
    await expect(grid(boris).locator('[data-cell="0:0"]')).not.toHaveClass(/r-/);
    await rateByKeys(boris, [['5', '3']]);
    await importAnnotations(page, 'boris.crossread.json', await exportAnnotations(boris));
  } finally {
    await boris.close();
    await app.stop();
  }

  // Back with Aliya: mine, Boris's, and the group.
  const shown = view(page).getByRole('radiogroup', { name: 'Whose ratings' });
  await expect(shown.getByRole('radio')).toHaveText(['Mine', 'Boris', 'Group']);
  await expect(grid(page).locator('[data-cell="0:0"]')).toHaveText('CC');
  await shown.getByRole('radio', { name: 'Boris' }).click();
  await expect(grid(page).locator('[data-cell="0:0"]')).toHaveText('II');
  await expect(scores(page)).toHaveText(['−2.00', '0']);
  await shown.getByRole('radio', { name: 'Group' }).click();
  // CC against II: consensus N, the widest disagreement; N against N: agreed.
  await expect(grid(page).locator('[data-cell="0:0"] .hyp-consensus')).toHaveText('N');
  await expect(grid(page).locator('[data-cell="0:0"] .hyp-each')).toHaveText('CC II');
  await expect(grid(page).locator('[data-cell="0:0"]')).toHaveClass(/spread-4/);
  await expect(grid(page).locator('[data-cell="0:1"]')).toHaveClass(/spread-0/);
  await expect(grid(page).locator('[data-cell="0:0"]')).toHaveAttribute('title', 'Aliya: CC\nBoris: II\nDisagreement: 2.00');
});
