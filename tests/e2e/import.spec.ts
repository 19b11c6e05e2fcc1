import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { cliJson, CORPUS_FILES, createProjectInUi, documentTitles, pane, startApp, tempHome, type RunningApp } from './app';
import { docxBomb } from '../fixtures/hostile-docx';
import { buildDocx, encodeSingleByte, latin1Bytes, payload, pngLikeBytes, savedPaneCount, writeLargeText, type FilePayload } from './fixtures';

interface CliDocument {
  id: string;
  title: string;
  outlet: string;
  author: string;
  date: string | null;
  language: string;
}

const KAZ = 'kazpravda-2025-11-07-velizade';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function openNewProject(page: Page, name: string): Promise<{ home: string; dir: string; project: string }> {
  const { home, dir } = tempHome();
  const project = path.join(dir, `${name}.crossread`);
  app = await startApp(home);
  await page.goto(app.url);
  await createProjectInUi(page, project);
  return { home, dir, project };
}

const docCount = (page: Page) => page.getByRole('region', { name: 'Documents' }).getByRole('listitem');
const importInput = (page: Page) => page.getByTestId('import-input');

/** Picks one file in the import dialog and waits for the import to settle (its progress toast gone). */
async function pick(page: Page, file: FilePayload | string): Promise<void> {
  await importInput(page).setInputFiles(file);
  await expect(page.locator('.toast.progress')).toHaveCount(0);
}

/** Expects an error toast containing every fragment, then dismisses it. */
async function expectRefusal(page: Page, ...fragments: string[]): Promise<void> {
  let toast = page.locator('.toast.error');
  for (const f of fragments) toast = toast.filter({ hasText: f });
  await expect(toast).toHaveCount(1);
  await expect(toast).toHaveAttribute('role', 'alert');
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);
}

const HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Astana signs the accord</title>
  <style>body { color: red } .STYLE_MARKER { display: none }</style>
  <script>window.SCRIPT_MARKER = 'should never show'; document.title = 'hacked';</script>
</head>
<body>
  <nav><a href="/">Home</a> · <a href="/world">World NAV_MARKER</a></nav>
  <article>
    <h1>Astana signs the accord</h1>
    <p>The foreign ministry announced the agreement on Tuesday morning.</p>
    <script>console.log('INLINE_SCRIPT_MARKER')</script>
    <p>Analysts called it a <em>pragmatic</em> step for the region.</p>
  </article>
  <footer>Copyright FOOTER_MARKER</footer>
</body>
</html>`;

const MARKDOWN = `# Field notes from Washington

The **delegation** arrived in *Washington* on Monday.

- Trade deals worth 17 billion dollars
- A new working group on [critical minerals](https://example.org)
`;

const CP1251_TEXT =
  'Министр иностранных дел заявил, что соглашение будет подписано в ближайшие недели.\n\nЭто важный шаг для всего региона, считают эксперты.\n';

test('Markdown, HTML and Word files import and read as text; two dropped files import together', async ({ page }) => {
  await openNewProject(page, 'Formats');

  await pick(page, payload('notes.md', MARKDOWN, 'text/markdown'));
  const md = pane(page, 'Field notes from Washington');
  await expect(md.locator('.source-paragraph')).toHaveText([
    'Field notes from Washington',
    'The delegation arrived in Washington on Monday.',
    'Trade deals worth 17 billion dollars',
    'A new working group on critical minerals',
  ]);

  await pick(page, payload('accord.html', HTML, 'text/html'));
  const html = pane(page, 'Astana signs the accord');
  await expect(html.locator('.source-paragraph')).toHaveText([
    'Astana signs the accord',
    'The foreign ministry announced the agreement on Tuesday morning.',
    'Analysts called it a pragmatic step for the region.',
  ]);
  for (const marker of ['SCRIPT_MARKER', 'INLINE_SCRIPT_MARKER', 'STYLE_MARKER', 'NAV_MARKER', 'FOOTER_MARKER', 'color: red']) {
    await expect(html).not.toContainText(marker);
  }
  expect(await page.evaluate(() => (window as unknown as { SCRIPT_MARKER?: string }).SCRIPT_MARKER)).toBeUndefined();

  const docx = await buildDocx({
    title: 'Интервью с экспертом',
    creator: 'Ильгар Велизаде',
    paragraphs: ['Президент посетил Вашингтон с официальным визитом.', 'Second paragraph & «quotes».'],
  });
  await pick(page, payload('interview.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
  const word = pane(page, 'Интервью с экспертом');
  await expect(word.locator('.source-paragraph')).toHaveText(['Президент посетил Вашингтон с официальным визитом.', 'Second paragraph & «quotes».']);
  await expect(word.locator('.pane-title p')).toContainText('Ильгар Велизаде');

  await expect(documentTitles(page)).toHaveText(['Field notes from Washington', 'Astana signs the accord', 'Интервью с экспертом']);
  await expect(page.locator('.pane')).toHaveCount(3);

  // Drag two files from the desktop and drop them on the window.
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['# Dropped one\n\nFirst dropped file, about pipelines.\n'], 'dropped-one.md', { type: 'text/markdown' }));
    dt.items.add(new File(['Second dropped file, about grain exports.\n'], 'dropped-two.txt', { type: 'text/plain' }));
    return dt;
  });
  const shell = page.locator('.app');
  await shell.dispatchEvent('dragenter', { dataTransfer });
  await shell.dispatchEvent('dragover', { dataTransfer });
  await expect(page.locator('.drop-overlay')).toBeVisible();
  await shell.dispatchEvent('drop', { dataTransfer });
  await expect(page.locator('.drop-overlay')).toHaveCount(0);
  await expect(page.getByText('Imported 2 documents.').first()).toBeVisible();
  await expect(docCount(page)).toHaveCount(5);
  await expect(documentTitles(page)).toHaveText([
    'Field notes from Washington',
    'Astana signs the accord',
    'Интервью с экспертом',
    'Dropped one',
    'dropped-two',
  ]);
  await expect(pane(page, 'Dropped one').locator('.source-paragraph').last()).toHaveText('First dropped file, about pipelines.');
  await page.getByRole('button', { name: 'Open dropped-two in a pane' }).click();
  await expect(pane(page, 'dropped-two').locator('.source-paragraph')).toHaveText(['Second dropped file, about grain exports.']);
});

test('bad files are refused with a clear message and add nothing; Windows-1251 imports; duplicates are reported', async ({ page }) => {
  const { home, dir, project } = await openNewProject(page, 'Inputs');
  await pick(page, CORPUS_FILES[0]!);
  await expect(docCount(page)).toHaveCount(1);
  await page.getByRole('button', { name: `Close ${KAZ}` }).click();
  await expect(page.locator('.pane')).toHaveCount(0);

  await pick(page, payload('empty.txt', ''));
  await expectRefusal(page, 'empty.txt', 'is empty (0 bytes)');
  await expect(docCount(page)).toHaveCount(1);

  await pick(page, payload('picture.txt', pngLikeBytes(), 'text/plain'));
  await expectRefusal(page, 'picture.txt', 'looks like a binary file');
  await expect(docCount(page)).toHaveCount(1);

  const whole = await buildDocx({ paragraphs: ['A paragraph that will be cut off.', 'Another one.'] });
  await pick(page, payload('cut.docx', whole.subarray(0, Math.floor(whole.length / 2))));
  await expectRefusal(page, 'cut.docx', 'damaged or incomplete');
  await expect(docCount(page)).toHaveCount(1);

  await pick(page, payload('latin1.txt', latin1Bytes(), 'text/plain'));
  await expectRefusal(page, 'latin1.txt', 'not valid UTF-8', 'Windows-1251');
  await expect(docCount(page)).toHaveCount(1);

  // 50 MB on disk: refused before it is read, and the page keeps working.
  const big = writeLargeText(path.join(dir, 'huge.txt'), 50);
  try {
    await importInput(page).setInputFiles(big);
    await expectRefusal(page, 'huge.txt', '50.0 MB', '20 MB');
  } finally {
    fs.rmSync(big, { force: true });
  }
  await expect(docCount(page)).toHaveCount(1);
  await page.getByRole('button', { name: `Open ${KAZ} in a pane` }).click();
  await expect(pane(page, KAZ).locator('.source-paragraph').first()).toHaveText(/^Президент Касым-Жомарт Токаев/);

  // Russian text saved by an old Windows editor.
  const cp1251 = payload('cp1251-note.txt', encodeSingleByte('windows-1251', CP1251_TEXT), 'text/plain');
  await pick(page, cp1251);
  await expect(page.getByText('Imported 1 document.').first()).toBeVisible();
  await expect(pane(page, 'cp1251-note').locator('.source-paragraph')).toHaveText([
    'Министр иностранных дел заявил, что соглашение будет подписано в ближайшие недели.',
    'Это важный шаг для всего региона, считают эксперты.',
  ]);
  await expect(docCount(page)).toHaveCount(2);

  // The same file again.
  await pick(page, cp1251);
  await expectRefusal(page, 'cp1251-note.txt is already in the project as “cp1251-note”');
  await expect(docCount(page)).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Documents' }).locator('h2 .count')).toHaveText('2');

  const docs = cliJson<CliDocument[]>(home, 'documents', '--project', project);
  expect(docs.map((d) => d.title)).toEqual([KAZ, 'cp1251-note']);
  expect(docs[1]!.language).toBe('ru');
});

test('hostile files are refused with the file named once, and browser mode keeps serving', async ({ page }) => {
  await openNewProject(page, 'Hostile');
  const refusals: [FilePayload, string][] = [
    [payload('a.epub', 'PK'), 'is not a supported file type'],
    [payload('a.pdf', '%PDF-1.7'), 'is damaged or incomplete'],
    [payload('nested.html', '<div>'.repeat(200_000), 'text/html'), 'nests its HTML elements more than 1,000 deep'],
    [payload('bomb.docx', docxBomb({ mainPart: 'word/document.xml', bombPart: 'word/styles.dat', mebibytes: 1024 })), 'unpacks to more than'],
  ];
  for (const [file, reason] of refusals) {
    await pick(page, file);
    const toast = page.locator('.toast.error').filter({ hasText: reason });
    await expect(toast).toHaveCount(1);
    const text = await toast.innerText();
    expect(text.split(file.name), text).toHaveLength(2);
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await expect(docCount(page)).toHaveCount(0);
  }
  await pick(page, CORPUS_FILES[0]!);
  await expect(docCount(page)).toHaveCount(1);
});

test('document details can be edited and persist through a reload and in the CLI', async ({ page }) => {
  const { home, project } = await openNewProject(page, 'Details');
  await pick(page, CORPUS_FILES[1]!);
  const original = 'caravan-2025-11-kazantsev';
  await expect(pane(page, original)).toBeVisible();

  await page.getByRole('button', { name: `Edit details of ${original}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Document details' });
  await expect(dialog.getByLabel('Title')).toHaveValue(original);
  await dialog.getByLabel('Title').fill('Итоги визита в Вашингтон');
  await dialog.getByLabel('Outlet').fill('Caravan.kz');
  await dialog.getByLabel('Author / speaker').fill('Андрей Казанцев');
  await dialog.getByLabel('Date').fill('2025-11-10');
  await dialog.getByLabel('Language').fill('kk');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const expectShown = async () => {
    const p = pane(page, 'Итоги визита в Вашингтон');
    await expect(p.locator('.pane-title h2')).toHaveText('Итоги визита в Вашингтон');
    await expect(p.locator('.pane-title p')).toContainText('Caravan.kz · Андрей Казанцев · 2025-11-10');
    await expect(p.locator('.pane-body')).toHaveAttribute('lang', 'kk');
    const item = page.getByRole('button', { name: 'Open Итоги визита в Вашингтон in a pane' });
    await expect(item.locator('.doc-title')).toHaveText('Итоги визита в Вашингтон');
    await expect(item.locator('.doc-meta')).toHaveText('Caravan.kz · 2025-11-10');
    await expect(page.getByRole('button', { name: `Open ${original} in a pane` })).toHaveCount(0);
  };
  await expectShown();

  await expect.poll(() => savedPaneCount(project)).toBe(1);
  await page.reload();
  await expectShown();
  await page.getByRole('button', { name: 'Edit details of Итоги визита в Вашингтон' }).click();
  await expect(dialog.getByLabel('Author / speaker')).toHaveValue('Андрей Казанцев');
  await expect(dialog.getByLabel('Language')).toHaveValue('kk');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const [doc] = cliJson<CliDocument[]>(home, 'documents', '--project', project);
  expect(doc).toMatchObject({
    title: 'Итоги визита в Вашингтон',
    outlet: 'Caravan.kz',
    author: 'Андрей Казанцев',
    date: '2025-11-10',
    language: 'kk',
  });
});
