import { expect, type Page } from '@playwright/test';
import { claimQuotes, clickInText, cliJson, pane, sampleTest, tagSentence } from './app';

const K = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const C1 = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.';
const C2 = 'стал важной точкой для начала нового этапа сотрудничества между Центральной Азией и Вашингтоном.';
const KAZ = /Велизаде/;
const CAR = /Казанцев/;

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Claim' });
const toast = (page: Page, text: string | RegExp) => page.locator('.toast').filter({ hasText: text });
/** A claim's quote as history labels cut it: 60 characters at most, the cut marked by an ellipsis. */
const short = (quote: string) => (quote.length <= 60 ? quote : `${quote.slice(0, 59).trimEnd()}…`);

/** Selects a claim by clicking its highlight, and closes the tag popover that opens with it. */
async function selectClaim(page: Page, title: RegExp, text: string) {
  await clickInText(page, pane(page, title), text, 3);
  await page.keyboard.press('Escape');
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(text);
}

/** Links the selected claim to another through link mode and the relation picker. */
async function linkTo(page: Page, title: RegExp, text: string, relation: RegExp) {
  await page.keyboard.press('l');
  await clickInText(page, pane(page, title), text, 3);
  const picker = page.getByRole('dialog', { name: 'How are they related?' });
  await picker.getByRole('button', { name: relation }).click();
  await expect(picker).toBeHidden();
}

/** Moves the focus out of any field, so Ctrl+Z reaches the project's history. */
const focusPage = (page: Page) => page.locator('.topbar .project-name').click();

async function setLanguage(page: Page, language: 'en' | 'ru') {
  await page.getByRole('button', { name: language === 'ru' ? 'Settings' : 'Настройки' }).click();
  const dialog = page.getByRole('dialog', { name: language === 'ru' ? 'Settings' : 'Настройки' });
  await dialog.getByRole('combobox').first().selectOption(language);
  // The dialog is renamed in the new language at once.
  const renamed = page.getByRole('dialog', { name: language === 'ru' ? 'Настройки' : 'Settings' });
  await expect(renamed).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(renamed).toBeHidden();
}

sampleTest('a stale toast’s Undo never undoes another step: after Ctrl+Z the deletion toast loses its button', async ({ page, sample }) => {
  await tagSentence(page, pane(page, KAZ), K, ['1']);
  await tagSentence(page, pane(page, CAR), C1, ['1']);
  await tagSentence(page, pane(page, CAR), C2, ['2']);
  // An older link "supports", then the claim that will be deleted with its own link.
  await selectClaim(page, KAZ, K);
  await linkTo(page, CAR, C1, /supports/);
  await selectClaim(page, KAZ, K);
  await linkTo(page, CAR, C2, /contradicts/);

  await selectClaim(page, CAR, C2);
  await inspector(page).getByRole('button', { name: 'Delete claim' }).click();
  await inspector(page).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => claimQuotes(page)).toEqual([K, C1]);
  const deleted = toast(page, 'Claim deleted with its link.');
  await expect(deleted.getByRole('button', { name: 'Undo' })).toBeVisible();

  // Ctrl+Z brings the claim back; the toast may stay, but its Undo is gone: it was made for that step only.
  await focusPage(page);
  await page.keyboard.press('Control+z');
  await expect.poll(() => claimQuotes(page)).toEqual([K, C1, C2]);
  await expect(toast(page, `Undone: deletion of claim «${short(C2)}»`)).toBeVisible();
  await expect(deleted.getByRole('button', { name: 'Undo' })).toHaveCount(0);

  // Nothing else was undone: both of K's links are there, in the file too.
  await selectClaim(page, KAZ, K);
  await expect(inspector(page).locator('.relation')).toHaveText(['supports', 'contradicts']);
  const stored = cliJson<{ relation: string }[]>(sample.home, 'links', '--project', sample.projectPath);
  expect(stored.map((l) => l.relation).sort()).toEqual(['contradicts', 'supports']);
});

sampleTest('Ctrl+Z and Ctrl+Shift+Z say what they did, in English and in Russian', async ({ page }) => {
  await tagSentence(page, pane(page, KAZ), K, ['1']);
  await tagSentence(page, pane(page, CAR), C1, ['1']);
  await selectClaim(page, KAZ, K);
  await linkTo(page, CAR, C1, /supports/);

  await focusPage(page);
  await page.keyboard.press('Control+z');
  await expect(toast(page, `Undone: link «${short(K)}» supports «${short(C1)}»`)).toBeVisible();
  await page.keyboard.press('Control+Shift+Z');
  await expect(toast(page, `Redone: link «${short(K)}» supports «${short(C1)}»`)).toBeVisible();

  await setLanguage(page, 'ru');
  await focusPage(page);
  await page.keyboard.press('Control+z');
  await expect(toast(page, `Отменено: связь «${short(K)}» подтверждает «${short(C1)}»`)).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(toast(page, `Отменено: новое утверждение «${short(C1)}»`)).toBeVisible();
  await page.keyboard.press('Control+Shift+Z');
  await expect(toast(page, `Повторено: новое утверждение «${short(C1)}»`)).toBeVisible();
});

sampleTest('Ctrl+Z with nothing to undo says so, in both languages', async ({ page }) => {
  await focusPage(page);
  await page.keyboard.press('Control+z');
  await expect(toast(page, 'Nothing to undo.')).toBeVisible();
  await page.keyboard.press('Control+Shift+Z');
  await expect(toast(page, 'Nothing to redo.')).toBeVisible();
  await setLanguage(page, 'ru');
  await focusPage(page);
  await page.keyboard.press('Control+z');
  await expect(toast(page, 'Отменять нечего.')).toBeVisible();
});

sampleTest('Ctrl+Z while a confirmation is open closes it and undoes nothing', async ({ page }) => {
  await tagSentence(page, pane(page, KAZ), K, ['1']);
  await page.getByRole('button', { name: 'Tags' }).click();
  await page.getByRole('dialog', { name: 'Tags' }).getByRole('button', { name: 'Delete tag economic' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete tag' });
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(confirm).toBeHidden();
  // The claim made before is still there, and so is the tag.
  await expect.poll(() => claimQuotes(page)).toEqual([K]);
  await expect(page.getByRole('dialog', { name: 'Tags' }).getByRole('textbox', { name: 'Name of tag economic' })).toBeVisible();
  await expect(toast(page, /Undone/)).toHaveCount(0);

  // The inspector's own question behaves the same.
  await page.getByRole('dialog', { name: 'Tags' }).getByRole('button', { name: 'Close' }).click();
  await tagSentence(page, pane(page, CAR), C1, ['2']);
  await selectClaim(page, KAZ, K);
  await linkTo(page, CAR, C1, /supports/);
  await selectClaim(page, KAZ, K);
  await inspector(page).getByRole('button', { name: 'Delete claim' }).click();
  await expect(inspector(page).locator('.confirm')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(inspector(page).locator('.confirm')).toHaveCount(0);
  await expect(inspector(page).locator('.relation')).toHaveText(['supports']);
  await expect.poll(() => claimQuotes(page)).toEqual([K, C1]);
});

sampleTest('deleting a tag in use says how many claims use it and how many it leaves untagged; Undo restores the tag and its claims’ tagging', async ({ page, sample }) => {
  await tagSentence(page, pane(page, KAZ), K, ['1']);
  await tagSentence(page, pane(page, CAR), C1, ['1', '2']);
  await tagSentence(page, pane(page, CAR), C2, ['1']);

  await page.getByRole('button', { name: 'Tags' }).click();
  const tags = page.getByRole('dialog', { name: 'Tags' });
  await tags.getByRole('button', { name: 'Delete tag economic' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete tag' });
  await expect(confirm).toContainText('Delete the tag «economic»?');
  await expect(confirm).toContainText('It is used by 3 claims (2 will have no tag left).');
  await expect(confirm).toContainText('You can undo this');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(tags.getByRole('textbox', { name: 'Name of tag economic' })).toHaveCount(0);
  type CliClaim = { exact: string; tags: string[] };
  const tagsByQuote = () => Object.fromEntries(cliJson<CliClaim[]>(sample.home, 'annotations', '--project', sample.projectPath).map((c) => [c.exact, c.tags]));
  expect(tagsByQuote()).toEqual({ [K]: [], [C1]: ['security'], [C2]: [] });

  await tags.getByRole('button', { name: 'Close' }).click();
  await toast(page, 'Tag «economic» deleted.').getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page, 'Undone: deletion of tag «economic»')).toBeVisible();
  await expect.poll(tagsByQuote).toEqual({ [K]: ['economic'], [C1]: ['economic', 'security'], [C2]: ['economic'] });
  await page.getByRole('button', { name: 'Tags' }).click();
  await expect(tags.getByRole('textbox', { name: 'Name of tag economic' })).toHaveValue('economic');
});

sampleTest('deleting a document says it can be undone, and the toast’s Undo brings it back with its claims', async ({ page }) => {
  await tagSentence(page, pane(page, KAZ), K, ['1']);
  await page.getByRole('button', { name: /^Edit details of Ильгар Велизаде/ }).click();
  await page.getByRole('dialog', { name: 'Document details' }).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete document' });
  await expect(confirm).toContainText('and its claim?');
  await expect(confirm).toContainText('You can undo this');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.locator('.pane')).toHaveCount(2);
  await expect.poll(() => claimQuotes(page)).toEqual([]);

  await toast(page, /Document «Ильгар Велизаде.*» deleted\./).getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page, /^Undone: deletion of document «Ильгар Велизаде/)).toBeVisible();
  await expect.poll(() => claimQuotes(page)).toEqual([K]);
  await expect(page.getByRole('button', { name: /^Open Ильгар Велизаде.* in a pane$/ })).toBeVisible();
});

sampleTest('Ctrl+Z pressed while the caret is in a source pane undoes: the read-only editor does not swallow it', async ({ page }) => {
  await tagSentence(page, pane(page, KAZ), K, ['1']);
  await tagSentence(page, pane(page, CAR), C1, ['1']);
  await selectClaim(page, KAZ, K);
  await linkTo(page, CAR, C1, /supports/);
  // A click in the text puts the focus in the pane, where an analyst is when they change their mind.
  await clickInText(page, pane(page, KAZ), K, 3);
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.source-text') !== null)).toBe(true);
  await page.keyboard.press('Control+z');
  await expect(toast(page, `Undone: link «${short(K)}» supports «${short(C1)}»`)).toBeVisible();
  await expect(inspector(page).getByText('supports', { exact: true })).toHaveCount(0);
  await page.keyboard.press('Control+Shift+Z');
  await expect(toast(page, `Redone: link «${short(K)}» supports «${short(C1)}»`)).toBeVisible();
});
