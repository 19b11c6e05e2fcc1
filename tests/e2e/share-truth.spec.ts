import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { claimQuotes, CORPUS_FILES, documentTitles, expectToast, sampleTest, startApp } from './app';
import { cliRun } from './fixtures';

async function runCommand(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Commands' })).toBeVisible();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

async function importFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await runCommand(page, 'import annotations');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

/** The sample project's annotation file, downloaded through Export annotations. */
async function exportSample(page: Page): Promise<string> {
  await runCommand(page, 'export annotations');
  const download = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Export' }).click();
  return fs.readFileSync((await (await download).path())!, 'utf8');
}

const SAMPLE_TITLES = ['Азер Бадамов: мудрая дипломатия Астаны', 'Андрей Казанцев: итоги визита Токаева в Вашингтон', 'Ильгар Велизаде: присоединение Казахстана к Соглашениям Авраама'];

sampleTest('the sample project’s file into a project of the same corpus from files: the preview counts every conflict by kind, says an import is not an undo step, and Take theirs adopts the colleague’s title', async ({ page, sample }) => {
  const sampleFile = await exportSample(page);
  const filesProject = path.join(sample.home, 'From files.crossread');
  cliRun(sample.home, 'import', '--project', filesProject, ...CORPUS_FILES);
  const app = await startApp(sample.home, filesProject);
  try {
    await page.goto(app.url);
    await expect(documentTitles(page)).toHaveCount(3);
    await importFile(page, 'Sample project-annotations.crossread.json', sampleFile);
    const preview = page.getByRole('dialog', { name: 'Import annotations from Sample project-annotations.crossread.json' });
    await expect(preview).toBeVisible();
    const recorded = preview.getByTestId('share-recorded');
    await expect(recorded).toContainText('3 conflicts will be recorded for review:');
    await expect(recorded.getByRole('listitem')).toHaveText(['Document details: 3']);
    const other = preview.locator('table', { hasText: 'Everything else in the file' });
    await expect(other.getByRole('row', { name: /Document details/ }).locator('td[data-col="conflicts"]')).toHaveText('3');
    await expect(preview).toContainText('An import is not an undo step: Ctrl+Z will not take it back.');
    await preview.getByRole('button', { name: 'Import' }).click();
    await expect(preview).toBeHidden();
    await expectToast(page, /Imported Sample project-annotations\.crossread\.json\. .*; 3 conflicts to review\./);

    await page.getByRole('button', { name: 'Orphans: 0 · conflicts: 3' }).click();
    const review = page.getByRole('dialog', { name: 'Orphans and conflicts' });
    const items = review.locator('.share-item.conflict');
    await expect(items).toHaveCount(3);
    for (const item of await items.all()) {
      await expect(item.getByRole('button', { name: 'Keep mine' })).toBeVisible();
      await expect(item.getByRole('button', { name: 'Take theirs' })).toBeVisible();
    }
    for (let left = 3; left > 0; left--) {
      await items.first().getByRole('button', { name: 'Take theirs' }).click();
      await expect(items).toHaveCount(left - 1);
    }
    await expect(review.getByText('No conflicts to review.')).toBeVisible();
    await review.getByRole('button', { name: 'Close' }).click();
    await expect.poll(async () => (await documentTitles(page).allTextContents()).sort()).toEqual(SAMPLE_TITLES);
  } finally {
    await app.stop();
  }
});

sampleTest('a hostile file’s preview shows its progress and can be cancelled, and the project stays as it was', async ({ page }) => {
  const items = Array.from({ length: 100_000 }, (_, i) => ({
    id: `urn:uuid:${(0x10000000 + i).toString(16)}-0000-4000-8000-000000000000`,
    type: 'Annotation',
    target: { source: 'https://example.org/elsewhere', selector: { type: 'TextQuoteSelector', exact: `zqxj ${i.toString(36)} vvqk wpzx jjqy` } },
  }));
  await importFile(page, 'hostile.json', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items }));
  const preview = page.getByRole('dialog', { name: 'Import annotations from hostile.json' });
  // Uploading 14 MB and reading it takes a while on a busy machine; the dialog says how far the search got.
  await expect(preview).toContainText(/Finding where the claims belong: \d+ of 100000 claims/, { timeout: 60_000 });
  // The app keeps answering while the file is searched: another command works meanwhile.
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toBeHidden();
  await expectToast(page, 'Import of hostile.json cancelled; nothing was changed.');
  expect(await claimQuotes(page)).toEqual([]);
  await expect(page.getByRole('button', { name: /^Orphans: / })).toHaveCount(0);
});
