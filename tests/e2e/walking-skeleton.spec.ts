import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { claimQuotes, cliJson, CORPUS_FILES, pane, paintedRangeCount, selectWithMouse, startApp, tempHome } from './app';

const SENTENCES = {
  kazpravda: 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.',
  caravan: 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.',
  zakon: 'Казахстан демонстрирует осторожный, но принципиальный курс на Ближнем Востоке',
};

interface CliAnnotation {
  id: string;
  documentId: string;
  start: number;
  end: number;
  exact: string;
  tags: string[];
  author: string;
  created: string;
  modified: string;
}
interface CliDocument {
  id: string;
  title: string;
  date: string | null;
  language: string;
  hash: string;
  length: number;
}

test('import the corpus, read three articles side by side, tag a sentence in each, and find it all after reload and restart', async ({ page }) => {
  const { home, dir } = tempHome();
  const projectPath = path.join(dir, 'Accords.crossread');
  let app = await startApp(home);
  try {
    await page.goto(app.url);

    // First start: no project yet, so the welcome screen offers one.
    await expect(page.getByRole('button', { name: 'Open sample project' })).toBeVisible();
    await page.getByRole('button', { name: 'New project…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Project file').fill(projectPath);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(page.locator('.project-name')).toHaveText('Accords');

    // Import the three interviews at once.
    await page.getByTestId('import-input').setInputFiles(CORPUS_FILES);
    await expect(page.getByRole('region', { name: 'Documents' }).getByRole('listitem')).toHaveCount(3);
    await expect(page.getByText('Imported 3 documents.').first()).toBeVisible();

    // The date header became metadata; open the other two beside the first.
    await expect(page.getByRole('button', { name: 'Open kazpravda-2025-11-07-velizade in a pane' })).toContainText('2025-11-07');
    await page.getByRole('button', { name: 'Open caravan-2025-11-kazantsev in a pane' }).click();
    await page.getByRole('button', { name: 'Open zakon-2026-03-02-badamov in a pane' }).click();
    await expect(page.locator('.pane')).toHaveCount(3);
    await expect(pane(page, 'kazpravda-2025-11-07-velizade').locator('.source-paragraph').first()).toHaveText(/^Президент Касым-Жомарт Токаев/);

    // Tag one sentence in each pane: economic, security, interfaith (keys 1, 2, 3).
    const plan = [
      ['kazpravda-2025-11-07-velizade', SENTENCES.kazpravda, '3'],
      ['caravan-2025-11-kazantsev', SENTENCES.caravan, '1'],
      ['zakon-2026-03-02-badamov', SENTENCES.zakon, '2'],
    ] as const;
    for (const [title, sentence, key] of plan) {
      await selectWithMouse(page, pane(page, title), sentence);
      const popover = page.getByRole('dialog', { name: 'Tag this claim' });
      await expect(popover).toBeVisible();
      await page.keyboard.press(key);
      await expect(popover.getByRole('button', { pressed: true })).toHaveCount(1);
      await page.keyboard.press('Enter');
      await expect(popover).toBeHidden();
    }
    await expect.poll(() => claimQuotes(page)).toEqual([SENTENCES.kazpravda, SENTENCES.caravan, SENTENCES.zakon]);
    await expect.poll(() => paintedRangeCount(page)).toBe(3);
    await page.screenshot({ path: path.join(test.info().outputDir, 'three-panes-tagged.png') });

    // Reload: everything is still there, panes included.
    await page.reload();
    await expect(page.locator('.pane')).toHaveCount(3);
    await expect.poll(() => claimQuotes(page)).toEqual([SENTENCES.kazpravda, SENTENCES.caravan, SENTENCES.zakon]);

    // Restart the server with no arguments: it reopens the last project.
    await app.stop();
    app = await startApp(home);
    await page.goto(app.url);
    await expect(page.locator('.pane')).toHaveCount(3);
    await expect.poll(() => claimQuotes(page)).toEqual([SENTENCES.kazpravda, SENTENCES.caravan, SENTENCES.zakon]);
    await expect.poll(() => paintedRangeCount(page)).toBe(3);
    const chips = page.getByRole('region', { name: 'Claims' }).locator('.chip');
    await expect(chips).toHaveText(['interfaith', 'economic', 'security']);
  } finally {
    await app.stop();
  }

  // The CLI reads the same file and agrees.
  const docs = cliJson<CliDocument[]>(home, 'documents', '--project', projectPath);
  expect(docs.map((d) => d.title)).toEqual(['kazpravda-2025-11-07-velizade', 'caravan-2025-11-kazantsev', 'zakon-2026-03-02-badamov']);
  expect(docs.map((d) => d.date)).toEqual(['2025-11-07', null, '2026-03-02']);
  expect(docs.every((d) => d.language === 'ru' && /^[0-9a-f]{64}$/.test(d.hash))).toBe(true);
  const claims = cliJson<CliAnnotation[]>(home, 'annotations', '--project', projectPath);
  const byQuote = new Map(claims.map((c) => [c.exact, c]));
  expect(byQuote.get(SENTENCES.kazpravda)?.tags).toEqual(['interfaith']);
  expect(byQuote.get(SENTENCES.caravan)?.tags).toEqual(['economic']);
  expect(byQuote.get(SENTENCES.zakon)?.tags).toEqual(['security']);
  const kaz = docs[0]!;
  const text = fs.readFileSync(CORPUS_FILES[0]!, 'utf8').replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '');
  const claim = byQuote.get(SENTENCES.kazpravda)!;
  expect(claim.documentId).toBe(kaz.id);
  expect(text.slice(claim.start, claim.end)).toBe(SENTENCES.kazpravda);
});
