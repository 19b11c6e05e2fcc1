import { expect } from '@playwright/test';
import { clickInText, expectToast, pane, sampleTest, tagSentence } from './app';
import { claimBrowser, hypView, matrixGrid, startAnalysis, undo } from './hypotheses-app';

/**
 * Evidence rows from the claim browser (the current filter, into the analysis chosen) and by
 * dragging a claim onto the matrix; and a hypothesis description's autosaves as one undo step.
 */

const DEALS = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.';
const IRAN = 'Иран уже высказал свое недовольство.';
const VECTORS = 'Казахстанская политика многовекторности – это, прежде всего, политика мира и сотрудничества со всеми, кто к этому готов.';

const view = hypView;
const grid = matrixGrid;
const claims = claimBrowser;

sampleTest('the claim browser adds the claims of its current filter to the analysis chosen, in one undo step, and says which were already rows', async ({ page }) => {
  await tagSentence(page, pane(page, /Казанцев/), DEALS, ['1']);
  await tagSentence(page, pane(page, /Бадамов/), IRAN, ['2']);
  await tagSentence(page, pane(page, /Казанцев/), VECTORS, ['1']);
  await page.keyboard.press('Control+Shift+H');
  await startAnalysis(page, 'Why did Kazakhstan join the Abraham Accords?', ['Economic gain']);
  await startAnalysis(page, 'Will the Accords last?', ['Yes']);
  // The second analysis is open; the claim tagged last (the one selected) is already one of its rows.
  await page.getByRole('complementary', { name: 'Claim' }).getByRole('button', { name: 'Add to matrix' }).click();
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(1);

  // The button counts what the filter shows. The analysis chosen is the open one unless picked.
  await claims(page).getByRole('searchbox', { name: 'Search claims' }).fill('политика');
  await expect(claims(page).getByRole('button', { name: 'Add 1 claim to the matrix' })).toBeVisible();
  await claims(page).getByRole('searchbox', { name: 'Search claims' }).fill('');
  const add = claims(page).getByRole('button', { name: 'Add 3 claims to the matrix' });
  const target = claims(page).getByRole('combobox', { name: 'Analysis to add the claims to' });
  await expect(target.locator('option')).toHaveText(['Why did Kazakhstan join the Abraham Accords?', 'Will the Accords last?']);
  await expect(target).toHaveValue(await view(page).getByRole('combobox', { name: 'Analysis' }).inputValue());
  await add.click();
  await expectToast(page, '2 claims added to the matrix. 1 claim is already in the matrix (alone or in its cluster).');
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(3);

  // Into the other analysis, picked in the browser: all three go in, and the open matrix is left alone.
  await target.selectOption({ label: 'Why did Kazakhstan join the Abraham Accords?' });
  await add.click();
  await expectToast(page, '3 claims added to the matrix.');
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(3);
  await view(page).getByRole('combobox', { name: 'Analysis' }).selectOption({ label: 'Why did Kazakhstan join the Abraham Accords?' });
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(3);
  // The batch is one undo step.
  await undo(page);
  await expect(view(page).getByText('Add hypotheses and evidence rows to fill the matrix.')).toBeVisible();
  await view(page).getByRole('combobox', { name: 'Analysis' }).selectOption({ label: 'Will the Accords last?' });
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(3);
  await undo(page);
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(1);
});

sampleTest('a claim dragged from the claim browser onto the matrix becomes a row, and the matrix shows where to drop it while dragging', async ({ page }) => {
  await tagSentence(page, pane(page, /Казанцев/), DEALS, ['1']);
  await tagSentence(page, pane(page, /Бадамов/), IRAN, ['2']);
  await page.keyboard.press('Control+Shift+H');
  await startAnalysis(page, 'Why did Kazakhstan join the Abraham Accords?', ['Economic gain', 'A security bargain with the US']);
  await expect(view(page).getByText('Add hypotheses and evidence rows to fill the matrix.')).toBeVisible();
  const drop = view(page).getByRole('region', { name: 'Drop the claim here to add it as a row' });
  await expect(drop).toHaveCount(0);

  const row = claims(page).locator('.claim-row', { hasText: 'Иран' });
  await row.hover();
  await page.mouse.down();
  const box = (await view(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3, { steps: 8 });
  await expect(drop).toBeVisible();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(drop).toHaveCount(0);
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(1);
  await expect(grid(page).locator('.hyp-body [role=row]').first()).toContainText(IRAN.slice(0, 20));

  // Dropping the same claim again adds nothing, and says so.
  await row.dragTo(view(page));
  await expectToast(page, '1 claim is already in the matrix (alone or in its cluster).');
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(1);
});

sampleTest('one editing session of a hypothesis description is one undo step, however many times it autosaved', async ({ page }) => {
  await page.keyboard.press('Control+Shift+H');
  await startAnalysis(page, 'Why did Kazakhstan join the Abraham Accords?', ['Economic gain']);
  await view(page).getByRole('textbox', { name: 'Title' }).fill('Economic gain: deals and rare earths');
  await page.keyboard.press('Enter');
  const description = view(page).getByRole('textbox', { name: 'Description' });
  const status = view(page).locator('.hyp-description .note-status');
  await description.click();
  // Three pauses, three autosaves, one sitting.
  for (const words of ['The 17 bn USD of deals', ', rare earths', ' and the Middle Corridor']) {
    await page.keyboard.type(words);
    await expect(status).toHaveText('Saved');
  }
  await page.locator('.topbar .project-name').click();
  await page.keyboard.press('Control+z');
  await expect(description).toHaveText('');
  // The step before the sitting is still there: the title.
  await expect(view(page).getByRole('textbox', { name: 'Title' })).toHaveValue('Economic gain: deals and rare earths');
  await page.keyboard.press('Control+z');
  await expect(view(page).getByRole('textbox', { name: 'Title' })).toHaveValue('Economic gain');
});

sampleTest('a highlighted claim in a pane is dragged onto the matrix by the handle beside it, and becomes a row', async ({ page }) => {
  await tagSentence(page, pane(page, /Бадамов/), IRAN, ['2']);
  await page.keyboard.press('Control+Shift+H');
  await startAnalysis(page, 'Why did Kazakhstan join the Abraham Accords?', ['Economic gain']);
  // Select the claim by clicking its highlight: the handle appears beside it in the pane's margin.
  await page.locator('.topbar .project-name').click();
  await clickInText(page, pane(page, /Бадамов/), IRAN, 3);
  const grip = pane(page, /Бадамов/).getByRole('button', { name: 'Drag this claim onto the matrix to add it as a row' });
  await expect(grip).toBeVisible();
  await grip.hover();
  await page.mouse.down();
  const box = (await view(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3, { steps: 8 });
  await expect(view(page).getByRole('region', { name: 'Drop the claim here to add it as a row' })).toBeVisible();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(grid(page).locator('.hyp-body [role=row]')).toHaveCount(1);
  await expect(grid(page).locator('.hyp-body [role=row]').first()).toContainText(IRAN.slice(0, 20));
});
