import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expectToast, pane, sampleTest, tagSentence, scratchDir } from './app';
import { C1, CARAVAN, K1, KAZPRAVDA, Z1, ZAKON } from './sentences';

sampleTest.beforeEach(async ({ page }) => {
  // One claim under each of the three tags (keys 1 economic, 2 security, 3 interfaith).
  await tagSentence(page, pane(page, KAZPRAVDA), K1, ['1']);
  await tagSentence(page, pane(page, CARAVAN), C1, ['2']);
  await tagSentence(page, pane(page, ZAKON), Z1, ['3']);
});

const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export dossier' });

async function saveDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; file: string }> {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  const file = path.join(scratchDir('crossread-dl-'), download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file };
}

sampleTest('the analyst writes a summary, picks options and downloads the dossier as HTML and PDF', async ({ page }) => {
  await page.keyboard.press('Control+Shift+E');
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await dialog.getByLabel('Title').fill('Брифинг: Соглашения Авраама');
  await dialog.getByLabel('Analyst').fill('А. Аналитик');

  const summary = dialog.getByRole('textbox', { name: 'Dossier summary' });
  await summary.click();
  await page.keyboard.press('Control+B');
  await page.keyboard.type('Главное:');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' эксперты сходятся в экономике.');

  // Leave interfaith out, keep notes, Russian headings.
  await dialog.getByRole('checkbox', { name: 'interfaith' }).uncheck();
  await dialog.getByLabel('Language of headings').selectOption('ru');
  await expect(dialog.getByText('Claims: 2 · sources: 3')).toBeVisible();
  await dialog.getByRole('radio', { name: /^HTML/ }).check();
  await expect(dialog.getByLabel('File name')).toHaveValue('Брифинг Соглашения Авраама.html');
  await dialog.getByLabel('File name').fill('briefing');

  const html = await saveDownload(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
  expect(html.name).toBe('briefing.html');
  await expectToast(page, 'Downloaded briefing.html');
  await expect(dialog).toBeHidden();
  const text = fs.readFileSync(html.file, 'utf8');
  expect(text).toContain('<h1>Брифинг: Соглашения Авраама</h1>');
  expect(text).toContain('<strong>Главное:</strong> эксперты сходятся в экономике.');
  expect(text).toContain('А. Аналитик');
  expect(text).toContain('<h2 id="findings">Выводы</h2>');
  expect(text).toContain(`«${K1}»`);
  expect(text).toContain(`«${C1}»`);
  expect(text).not.toContain(Z1);
  expect(text).not.toMatch(/<script/i);

  // The choices and the summary are still there next time; now a PDF.
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByLabel('Title')).toHaveValue('Брифинг: Соглашения Авраама');
  await expect(dialog.getByLabel('Language of headings')).toHaveValue('ru');
  await expect(dialog.getByRole('textbox', { name: 'Dossier summary' })).toContainText('Главное: эксперты сходятся в экономике.');
  await dialog.getByRole('radio', { name: 'PDF' }).check();
  await expect(dialog.getByLabel('File name')).toHaveValue('Брифинг Соглашения Авраама.pdf');
  const pdf = await saveDownload(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
  await expectToast(page, 'Downloaded Брифинг Соглашения Авраама.pdf');
  expect(fs.readFileSync(pdf.file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(pdfText).toContain('Брифинг: Соглашения Авраама');
  expect(pdfText).toContain('Главное: эксперты сходятся в экономике.');
  expect(pdfText).toContain(`«${C1}»`);
  expect(pdfText).toMatch(/\b1 ?\/ ?\d+\b/);
});

sampleTest('the export dialog is reachable from the command palette and says when nothing is selected', async ({ page }) => {
  await page.keyboard.press('Control+K');
  await page.keyboard.type('Export dossier');
  await page.keyboard.press('Enter');
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  for (const tag of ['economic', 'security', 'interfaith']) await dialog.getByRole('checkbox', { name: tag }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Untagged claims' }).uncheck();
  await expect(dialog.getByText('Choose at least one tag (or untagged claims) and one source.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
