import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { api, claimQuotes, CORPUS_FILES, createProjectInUi, documentTitles, expectToast, pane, startApp, tagSentence, tempHome, type RunningApp } from './app';

const KAZ = 'kazpravda-2025-11-07-velizade';
const SENTENCE = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function choose(page: Page, item: string, labels = { bar: 'Menu', file: 'File' }): Promise<void> {
  const bar = page.getByRole('menubar', { name: labels.bar });
  await bar.getByRole('menuitem', { name: labels.file, exact: true }).click();
  await page.getByRole('menu', { name: labels.file }).getByRole('menuitem', { name: item }).click();
}

/** A project with the Kazpravda interview and one claim tagged economic; exported from the File menu as a .qdpx download. */
async function exportFromMenu(page: Page, dir: string): Promise<Buffer> {
  await createProjectInUi(page, path.join(dir, 'Coded.crossread'));
  await page.getByTestId('import-input').setInputFiles(CORPUS_FILES[0]!);
  await expect(pane(page, KAZ).locator('.source-paragraph').first()).toBeVisible();
  await tagSentence(page, pane(page, KAZ), SENTENCE, ['1']);
  const download = page.waitForEvent('download');
  await choose(page, 'Export REFI-QDA project…');
  const file = await download;
  expect(file.suggestedFilename()).toBe('Coded.qdpx');
  const bytes = fs.readFileSync(await file.path());
  const qde = await (await JSZip.loadAsync(bytes)).file('project.qde')!.async('string');
  expect(qde).toContain('<PlainTextSelection');
  await expectToast(page, 'REFI-QDA project saved as Coded.qdpx.');
  return bytes;
}

/** Starts a new empty project. */
async function newProject(page: Page, dir: string, name: string) {
  await page.keyboard.press('Control+k');
  await page.keyboard.type('switch project');
  await page.keyboard.press('Enter');
  await createProjectInUi(page, path.join(dir, `${name}.crossread`));
}

/** Opens the import preview of `bytes` from the File menu item named `item`. */
async function importFromMenu(page: Page, bytes: Buffer, item: string, labels?: { bar: string; file: string }) {
  const chooser = page.waitForEvent('filechooser');
  await choose(page, item, labels);
  await (await chooser).setFiles({ name: 'Coded.qdpx', mimeType: 'application/zip', buffer: bytes });
}

test('a project exported from the File menu as REFI-QDA is imported into a new project after a preview', async ({ page }) => {
  const { home, dir } = tempHome();
  app = await startApp(home);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  const bytes = await exportFromMenu(page, dir);

  await newProject(page, dir, 'Copy');
  await importFromMenu(page, bytes, 'Import REFI-QDA project…');
  const preview = page.getByRole('dialog', { name: 'Import REFI-QDA project Coded.qdpx' });
  await expect(preview).toBeVisible();
  const row = (name: string) => preview.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Documents').locator('td[data-col="new"]')).toHaveText('1');
  await expect(row('Claims').locator('td[data-col="new"]')).toHaveText('1');
  await expect(row('Sets \\(document groups\\)').locator('td[data-col="new"]')).toHaveText('0');
  // The page sent the file's bytes, never a path; nothing is written before Import.
  await expect(documentTitles(page)).toHaveCount(0);
  await page.screenshot({ path: path.join(test.info().outputDir, 'refi-preview-en-1280.png') });
  await page.setViewportSize({ width: 900, height: 700 });
  await expect(preview.getByRole('button', { name: 'Import', exact: true })).toBeInViewport();
  await page.screenshot({ path: path.join(test.info().outputDir, 'refi-preview-en-900.png') });

  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expectToast(page, /Imported Coded\.qdpx: 1 document, 1 claim/);
  await expect(documentTitles(page)).toHaveCount(1);
  await expect.poll(() => claimQuotes(page)).toEqual([expect.stringContaining('Важным итогом визита')]);
  const claims = await api<{ tagIds: string[] }[]>(page, 'annotations.list', {});
  const tags = await api<{ id: string; name: string }[]>(page, 'tags.list', {});
  expect(claims[0]!.tagIds.map((id) => tags.find((t) => t.id === id)?.name)).toEqual(['economic']);

  // The same file again: the preview says there is nothing to add and Import stays off.
  await importFromMenu(page, bytes, 'Import REFI-QDA project…');
  const again = page.getByRole('dialog', { name: 'Import REFI-QDA project Coded.qdpx' });
  await expect(again.getByRole('status')).toHaveText('Nothing to change: this project already has everything in the file.');
  await expect(again.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
});

test('the import preview reads in Russian, with what is skipped listed, on a narrow window', async ({ page }) => {
  const { home, dir } = tempHome();
  app = await startApp(home);
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(app.url);
  const bytes = await exportFromMenu(page, dir);
  // An audio source beside the text: listed as not imported, never dropped in silence.
  const zip = await JSZip.loadAsync(bytes);
  const qde = await zip.file('project.qde')!.async('string');
  // And a set of sources from another tool: it becomes a yes/no attribute, counted in its own row.
  const source = /<TextSource guid="([^"]+)"/.exec(qde)![1]!;
  const set = `<Sets><Set guid="44444444-0000-4000-8000-000000000001" name="Ключевые интервью"><MemberSource targetGUID="${source}"/></Set></Sets>`;
  zip.file('project.qde', qde.replace('</Sources>', '<AudioSource guid="33333333-0000-4000-8000-000000000001" name="интервью.mp3"/></Sources>').replace('</Project>', `${set}</Project>`));
  const withAudio = await zip.generateAsync({ type: 'nodebuffer' });
  await newProject(page, dir, 'Copy');
  await api(page, 'settings.update', { language: 'ru' });
  await page.reload();
  await importFromMenu(page, withAudio, 'Импорт проекта REFI-QDA…', { bar: 'Меню', file: 'Файл' });
  const preview = page.getByRole('dialog', { name: 'Импорт проекта REFI-QDA Coded.qdpx' });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('row', { name: /^Утверждения/ }).locator('td[data-col="new"]')).toHaveText('1');
  await expect(preview.getByRole('row', { name: /^Наборы источников/ }).locator('td[data-col="new"]')).toHaveText('1');
  await expect(preview.getByTestId('refi-skipped')).toContainText('1 элемент не импортируется');
  await expect(preview.getByTestId('refi-skipped')).toContainText('Аудиоисточник «интервью.mp3»');
  await page.screenshot({ path: path.join(test.info().outputDir, 'refi-preview-ru-900.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(test.info().outputDir, 'refi-preview-ru-1280.png') });
  await preview.getByRole('button', { name: 'Импортировать', exact: true }).click();
  await expect(page.locator('.doc-title')).toHaveText(['kazpravda-2025-11-07-velizade']);
  const attributes = await api<{ name: string; type: string }[]>(page, 'attributes.list', {});
  expect(attributes.find((a) => a.name === 'Ключевые интервью')?.type).toBe('boolean');
});
