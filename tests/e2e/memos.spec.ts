import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { expectToast, sampleTest, scratchDir } from './app';

const memosTab = (page: Page) => page.getByRole('tab', { name: 'Memos' });
const memos = (page: Page) => page.getByRole('region', { name: 'Memos' });
const saved = (page: Page) => expect(memos(page).locator('.note-status')).toHaveText('Saved');
/** Moves the focus out of any field, so Ctrl+Z reaches the project's history. */
const focusPage = (page: Page) => page.locator('.topbar .project-name').click();

const back = (page: Page) => memos(page).getByRole('button', { name: '← All memos' }).click();

/** Picks an owner in "New memo on…" by a word of its name. */
async function newMemoOn(page: Page, word: string): Promise<void> {
  const select = memos(page).getByRole('combobox', { name: 'New memo on…' });
  const value = await select.locator('option', { hasText: word }).first().getAttribute('value');
  await select.selectOption(value!);
}

sampleTest('a project memo written with bold text survives a reload, is found by search and goes into the dossier', async ({ page }) => {
  await memosTab(page).click();
  await memos(page).getByRole('button', { name: /Project memo/ }).click();
  const editor = memos(page).getByRole('textbox', { name: 'Project memo' });
  await editor.click();
  await page.keyboard.press('Control+B');
  await page.keyboard.type('Главный вывод:');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' эксперты сходятся в экономике.');
  await saved(page);

  await page.reload();
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
  await memosTab(page).click();
  await expect(memos(page).getByRole('button', { name: /Project memo/ })).toContainText('Главный вывод: эксперты сходятся в экономике.');
  await memos(page).getByRole('button', { name: /Project memo/ }).click();
  await expect(memos(page).locator('.note-input strong, .note-input .note-bold')).toHaveText('Главный вывод:');

  // Search finds the memo in another word form; the hit opens it.
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('searchbox').fill('выводы');
  const hits = page.locator('.memo-hits');
  await expect(hits.getByRole('heading')).toHaveText('1 hit in memos');
  await hits.getByRole('button', { name: /Project memo/ }).click();
  await expect(memosTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(memos(page).getByRole('textbox', { name: 'Project memo' })).toContainText('эксперты сходятся');

  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export dossier' });
  await dialog.getByRole('checkbox', { name: 'Project memo' }).check();
  await dialog.getByRole('radio', { name: /^HTML/ }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const file = path.join(scratchDir('crossread-dl-'), download.suggestedFilename());
  await download.saveAs(file);
  const html = fs.readFileSync(file, 'utf8');
  expect(html).toMatch(/<h2 id="memos">Memos<\/h2>\s*<article class="memo"><h3>Project memo<\/h3>/);
  expect(html).toContain('<strong>Главный вывод:</strong> эксперты сходятся в экономике.');
});

sampleTest('a memo on a document and one on a tag are written from the Memos list; clearing one is undone with Ctrl+Z', async ({ page }) => {
  await memosTab(page).click();
  await newMemoOn(page, 'Велизаде');
  const docEditor = memos(page).getByRole('textbox', { name: /^Memo on «.*Велизаде/ });
  await docEditor.click();
  await page.keyboard.type('Велизаде говорит о редкоземельных металлах.');
  await saved(page);

  await back(page);
  await newMemoOn(page, 'economic');
  const tagEditor = memos(page).getByRole('textbox', { name: 'Memo on tag «economic»' });
  await tagEditor.click();
  await page.keyboard.type('Сделки, металлы, Средний коридор.');
  await saved(page);

  await back(page);
  const list = memos(page).getByRole('list', { name: 'Written memos' });
  await expect(list.getByRole('button')).toHaveText([/Project memo\s*Not written yet/, /Велизаде.*редкоземельных/, /economic.*Средний коридор/]);

  // Clearing the tag memo is one undo step.
  await list.getByRole('button', { name: /economic/ }).click();
  await tagEditor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await saved(page);
  await back(page);
  await expect(list.getByRole('button')).toHaveCount(2);
  await focusPage(page);
  await page.keyboard.press('Control+Z');
  await expectToast(page, 'Undone: clearing of the memo on tag «economic»');
  await expect(list.getByRole('button')).toHaveCount(3);
  await list.getByRole('button', { name: /economic/ }).click();
  await expect(memos(page).getByRole('textbox', { name: 'Memo on tag «economic»' })).toHaveText('Сделки, металлы, Средний коридор.');
});
