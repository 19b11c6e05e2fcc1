import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { pane, sampleTest, tagSentence, scratchDir } from './app';
import { payload } from './fixtures';
import { printArticle, readParagraph, SAMPLE_ARTICLE } from '../fixtures/printed-pdf';

const TITLE = SAMPLE_ARTICLE.title;
// The second paragraph of page 2, as the importer reads it (the hyphenated «экспер-тов» joined).
const PAGE2 = readParagraph(SAMPLE_ARTICLE.pages[1]![1]!);
const CLAIM = PAGE2.slice(0, PAGE2.indexOf('.') + 1);

async function importPdf(page: Page): Promise<void> {
  const pdf = await printArticle(SAMPLE_ARTICLE);
  await page.getByTestId('import-input').setInputFiles(payload('kazpravda.pdf', pdf, 'application/pdf'));
  await expect(page.locator('.toast.progress')).toHaveCount(0);
}

sampleTest('a printed PDF imports through the UI with page rules; a claim on page 2 is cited "p. 2" in the inspector and the dossier', async ({ page }) => {
  await importPdf(page);
  const doc = pane(page, TITLE);
  await expect(doc.locator('.source-paragraph').first()).toHaveText(TITLE);
  await expect(doc.getByText(CLAIM)).toBeVisible();
  // One rule per page, drawn above the paragraph where the page begins; never part of the text.
  await expect(doc.locator('.source-paragraph[data-page-rule]')).toHaveCount(SAMPLE_ARTICLE.pages.length);
  await expect(doc.locator('.source-paragraph[data-page-rule="p. 2"]')).toHaveText(readParagraph(SAMPLE_ARTICLE.pages[1]![0]!));
  await expect(doc.locator('.source-text')).not.toContainText(SAMPLE_ARTICLE.header);

  await tagSentence(page, doc, CLAIM, ['3']);
  await page.locator('.claim-row', { hasText: CLAIM.slice(0, 40) }).click();
  const inspector = page.getByRole('complementary', { name: 'Claim' });
  await expect(inspector).toContainText(`${TITLE}, p. 2, ¶2`);
  await expect(page.locator('.claim-row', { hasText: CLAIM.slice(0, 40) })).toContainText('p. 2');

  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export dossier' });
  await dialog.getByRole('radio', { name: 'Markdown' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const file = path.join(scratchDir('crossread-dl-'), download.suggestedFilename());
  await download.saveAs(file);
  const markdown = fs.readFileSync(file, 'utf8');
  expect(markdown).toContain(CLAIM);
  expect(markdown).toContain('p. 2, ¶2');
});
