import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { clickInText, cliJson, pane, sampleTest, tagSentence, scratchDir } from './app';
import { CARAVAN, K1, KAZPRAVDA, ZAKON } from './sentences';

/** The same statement in all three interviews: Kazakhstan joins (supports) the Abraham Accords. */
const C_ABRAHAM = 'Поддержку Казахстаном Соглашений Авраама следует рассматривать именно в этом контексте.';
const Z_ABRAHAM = 'Еще один важный момент – решение Казахстана присоединиться к Авраамским соглашениям';
const TITLE = 'Казахстан присоединяется к Соглашениям Авраама';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Claim' });
const clusterDialog = (page: Page) => page.getByRole('dialog', { name: 'Claim cluster' });

/** Links the selected claim to the claim at `text` as the same claim (key 4 in the relation picker). */
async function sameClaim(page: Page, region: RegExp, text: string) {
  await page.keyboard.press('l');
  await expect(page.getByRole('status').filter({ hasText: 'Linking «' })).toBeVisible();
  await clickInText(page, pane(page, region), text, 3);
  const picker = page.getByRole('dialog', { name: 'How are they related?' });
  await expect(picker).toBeVisible();
  await picker.getByRole('button', { name: /same claim/ }).click();
  await expect(picker).toBeHidden();
}

/** The three claims, linked K1 = C = Z as the same claim, with K1 (the earliest) selected. */
export async function abrahamCluster(page: Page) {
  await tagSentence(page, pane(page, KAZPRAVDA), K1, ['3']);
  await tagSentence(page, pane(page, CARAVAN), C_ABRAHAM, ['3']);
  await tagSentence(page, pane(page, ZAKON), Z_ABRAHAM, ['1']);
  await clickInText(page, pane(page, KAZPRAVDA), K1, 3);
  await sameClaim(page, CARAVAN, C_ABRAHAM);
  await clickInText(page, pane(page, CARAVAN), C_ABRAHAM, 3);
  await sameClaim(page, ZAKON, Z_ABRAHAM);
  await clickInText(page, pane(page, KAZPRAVDA), K1, 3);
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(K1);
}

sampleTest('the analyst links the same claim across three interviews, titles the cluster, and finds the title in the claim browser grouped by cluster', async ({ page, sample }) => {
  await abrahamCluster(page);
  // The inspector of a member shows its cluster, titled by the earliest quote until renamed.
  const section = inspector(page).getByRole('region', { name: 'Cluster' });
  await expect(section).toContainText(K1);
  await expect(section).toContainText('3 sources · 3 claims');
  await section.getByRole('button').click();

  const dialog = clusterDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.cluster-sources li')).toHaveCount(3);
  await expect(dialog.locator('.cluster-claims q')).toHaveText([K1, C_ABRAHAM, Z_ABRAHAM]);
  const title = dialog.getByLabel('Title');
  await expect(title).toHaveAttribute('placeholder', K1);
  await title.fill(TITLE);
  await title.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Cluster titled «${TITLE}».` })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save title' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(section).toContainText(TITLE);

  // The claim browser, grouped by cluster: the title heads the three claims; the rest follow apart.
  const browser = page.getByRole('region', { name: 'Claims' });
  await browser.getByRole('checkbox', { name: 'Group by cluster' }).check();
  const rows = browser.getByRole('list', { name: 'Claim list' }).locator('.vlist-row');
  await expect(rows.first()).toContainText(TITLE);
  await expect(rows.nth(1)).toContainText(K1.slice(0, 40));

  // Stored under the key claim, as the CLI shows it.
  const stored = cliJson<{ title: string; claims: number; sources: string[] }[]>(sample.home, 'clusters', '--project', sample.projectPath);
  expect(stored).toEqual([expect.objectContaining({ title: TITLE, claims: 3 })]);

  // Search finds the cluster by its title in another word form; the hit opens the cluster.
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search documents and notes' }).fill('соглашение Авраама');
  const hit = page.locator('.cluster-hits button');
  await expect(hit).toContainText(TITLE);
  await hit.click();
  await expect(clusterDialog(page).getByLabel('Title')).toHaveValue(TITLE);
  await page.keyboard.press('Escape');

  // The exported dossier (HTML) heads the cluster's group with the title and draws it on the timeline.
  await page.keyboard.press('Control+Shift+E');
  const exportDialog = page.getByRole('dialog', { name: 'Export dossier' });
  await exportDialog.getByRole('radio', { name: /^HTML/ }).check();
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = path.join(scratchDir('crossread-dl-'), 'dossier.html');
  await (await downloading).saveAs(file);
  const html = fs.readFileSync(file, 'utf8');
  expect(html).toContain(`<h3>Cluster 1: ${TITLE}</h3>`);
  expect(html.slice(html.indexOf('<figure class="timeline"'), html.indexOf('</figure>'))).toContain(TITLE);
  await page.getByRole('tab', { name: 'Claims' }).click();

  // Renaming was one undo step: Ctrl+Z (back in the text, out of the checkbox) puts the default title back.
  await clickInText(page, pane(page, KAZPRAVDA), K1, 3);
  await page.keyboard.press('Control+z');
  await expect(section).toContainText(K1);
  await expect(rows.first()).toContainText(K1.slice(0, 40));
});

sampleTest('the timeline shows the cluster as a row, first said by the earliest source, and a click on a claim opens it', async ({ page }) => {
  await abrahamCluster(page);
  await page.keyboard.press('Alt+Shift+T');
  const view = page.getByRole('region', { name: 'Timeline' });
  await expect(view).toBeVisible();
  const figure = view.getByRole('figure', { name: 'Timeline' });
  // One row for the cluster, titled by its earliest claim; Kazpravda (7 Nov 2025) said it first.
  await expect(figure.locator('.tl-row-label')).toHaveCount(1);
  await expect(figure.locator('.tl-row-label')).toContainText(K1.slice(0, 20));
  await expect(figure.getByRole('button', { name: /^«Важным итогом визита.*, 2025-11-07 \(said first\)$/ })).toBeVisible();
  await expect(figure.getByRole('button', { name: /^«Еще один важный момент.*, 2026-03-02 \(repeated later\)$/ })).toBeVisible();
  // Caravan's interview has no date: its claim sits in the undated lane.
  await expect(figure.getByRole('button', { name: /^«Поддержку Казахстаном.*, No date \(repeated later\)$/ })).toBeVisible();

  await page.getByRole('button', { name: 'Close the view pane' }).click();
  await expect(view).toBeHidden();
  await page.keyboard.press('Alt+Shift+T');
  await expect(view).toBeVisible();
  await figure.getByRole('button', { name: /Еще один важный момент/ }).click();
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(Z_ABRAHAM);
});
