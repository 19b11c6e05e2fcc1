import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { claimQuotes, cliJson, CORPUS_FILES, createProjectInUi, pane, selectWithMouse, startApp, tagSentence, tempHome, type RunningApp } from './app';

interface CliTag {
  id: string;
  name: string;
  color: string;
}
interface CliAnnotation {
  exact: string;
  tags: string[];
}

const KAZ = 'kazpravda-2025-11-07-velizade';
const SENTENCE = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const OTHER = 'Президент Касым-Жомарт Токаев с визитом посетил Вашингтон';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** A fresh project holding the Kazpravda interview, open in a pane. */
async function projectWithDocument(page: Page, name: string): Promise<{ home: string; project: string }> {
  const { home, dir } = tempHome();
  const project = path.join(dir, `${name}.crossread`);
  app = await startApp(home);
  await page.goto(app.url);
  await createProjectInUi(page, project);
  await page.getByTestId('import-input').setInputFiles(CORPUS_FILES[0]!);
  await expect(pane(page, KAZ).locator('.source-paragraph').first()).toBeVisible();
  return { home, project };
}

const tagsDialog = (page: Page) => page.getByRole('dialog', { name: 'Tags' });
const nameInputs = (page: Page) => tagsDialog(page).getByRole('textbox', { name: /^Name of tag / });
const chips = (page: Page) => page.getByRole('region', { name: 'Claims' }).locator('.chip');

async function openTags(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tags', exact: true }).click();
  await expect(tagsDialog(page)).toBeVisible();
}

test('the Tags dialog adds, renames, recolours and deletes tags; claims keep their other tags', async ({ page }) => {
  const { home, project } = await projectWithDocument(page, 'Tagging');
  // A claim tagged economic (1) and interfaith (3).
  await tagSentence(page, pane(page, KAZ), SENTENCE, ['1', '3']);
  await expect(chips(page)).toHaveText(['economic', 'interfaith']);
  const before = cliJson<CliTag[]>(home, 'tags', '--project', project);
  expect(before.map((t) => [t.name, t.color])).toEqual([
    ['economic', '#e0a100'],
    ['security', '#d64545'],
    ['interfaith', '#2f9e6e'],
  ]);

  await openTags(page);
  const dialog = tagsDialog(page);
  await expect(nameInputs(page)).toHaveCount(3);
  expect(await nameInputs(page).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['economic', 'security', 'interfaith']);

  // Add "energy" with its own colour.
  await dialog.getByRole('textbox', { name: 'New tag name' }).fill('energy');
  await dialog.getByLabel('Colour of tag energy').fill('#3cb371');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name of tag energy' })).toHaveValue('energy');
  await expect(dialog.getByRole('textbox', { name: 'New tag name' })).toHaveValue('');

  // Rename security → safety (Enter commits).
  await dialog.getByRole('textbox', { name: 'Name of tag security' }).fill('safety');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Name of tag safety' })).toHaveValue('safety');
  await expect(dialog.getByRole('textbox', { name: 'Name of tag security' })).toHaveCount(0);

  // Recolour economic.
  await dialog.getByLabel('Colour of tag economic').fill('#112233');
  await expect(dialog.getByLabel('Colour of tag economic')).toHaveValue('#112233');
  await expect.poll(() => cliJson<CliTag[]>(home, 'tags', '--project', project).find((t) => t.name === 'economic')?.color).toBe('#112233');

  // Delete interfaith, confirming the question.
  await dialog.getByRole('button', { name: 'Delete tag interfaith' }).click();
  const question = page.getByRole('alertdialog', { name: 'Delete tag' });
  await expect(question).toContainText('Delete the tag «interfaith»?');
  await question.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name of tag interfaith' })).toHaveCount(0);
  expect(await nameInputs(page).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['economic', 'safety', 'energy']);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The claim keeps economic only, in its new colour.
  await expect(chips(page)).toHaveText(['economic']);
  await expect(chips(page).first()).toHaveCSS('--tag', '#112233');

  const after = cliJson<CliTag[]>(home, 'tags', '--project', project);
  expect(after.map((t) => [t.name, t.color])).toEqual([
    ['economic', '#112233'],
    ['safety', '#d64545'],
    ['energy', '#3cb371'],
  ]);
  expect(after[0]!.id).toBe(before[0]!.id);
  expect(after[1]!.id).toBe(before[1]!.id);
  const claims = cliJson<CliAnnotation[]>(home, 'annotations', '--project', project);
  expect(claims).toHaveLength(1);
  expect(claims[0]).toMatchObject({ exact: SENTENCE, tags: ['economic'] });

  // The popover offers the new set, in order, with number keys.
  await selectWithMouse(page, pane(page, KAZ), OTHER);
  const popover = page.getByRole('dialog', { name: 'Tag this claim' });
  await expect(popover.getByRole('group', { name: 'Tags' }).getByRole('button')).toHaveText(['1 economic', '2 safety', '3 energy']);
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();

  // Everything survives a reload.
  await page.reload();
  await expect(chips(page)).toHaveText(['economic']);
  await openTags(page);
  expect(await nameInputs(page).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['economic', 'safety', 'energy']);
});

test('a tag created from the claim popover is selected for the claim being made', async ({ page }) => {
  const { home, project } = await projectWithDocument(page, 'Popover');
  await selectWithMouse(page, pane(page, KAZ), SENTENCE);
  const popover = page.getByRole('dialog', { name: 'Tag this claim' });
  await expect(popover).toBeVisible();
  await page.keyboard.press('2');
  await expect(popover.getByRole('button', { name: 'security' })).toHaveAttribute('aria-pressed', 'true');

  const add = popover.getByRole('button', { name: 'Add', exact: true });
  await expect(add).toBeDisabled();
  await popover.getByRole('textbox', { name: 'New tag name' }).fill('diplomacy');
  await add.click();
  await expect(popover.getByRole('button', { name: 'diplomacy' })).toHaveAttribute('aria-pressed', 'true');
  await expect(popover.getByRole('button', { name: 'security' })).toHaveAttribute('aria-pressed', 'true');
  await expect(popover.getByRole('textbox', { name: 'New tag name' })).toHaveValue('');

  await popover.getByRole('button', { name: 'Save claim' }).click();
  await expect(popover).toBeHidden();
  await expect.poll(() => claimQuotes(page)).toEqual([SENTENCE]);
  await expect(chips(page)).toHaveText(['security', 'diplomacy']);

  const tags = cliJson<CliTag[]>(home, 'tags', '--project', project);
  expect(tags.map((t) => t.name)).toEqual(['economic', 'security', 'interfaith', 'diplomacy']);
  const claims = cliJson<CliAnnotation[]>(home, 'annotations', '--project', project);
  expect(claims).toEqual([expect.objectContaining({ exact: SENTENCE, tags: ['security', 'diplomacy'] })]);
});

test('renaming a tag onto an existing name is refused and changes nothing', async ({ page }) => {
  const { home, project } = await projectWithDocument(page, 'Clash');
  await tagSentence(page, pane(page, KAZ), SENTENCE, ['2']);
  await expect(chips(page)).toHaveText(['security']);
  const before = cliJson<CliTag[]>(home, 'tags', '--project', project);

  await openTags(page);
  const dialog = tagsDialog(page);
  await dialog.getByRole('textbox', { name: 'Name of tag security' }).fill('Economic');
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'already exists' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('A tag named “economic” already exists.');

  // Adding a tag under a taken name is refused the same way.
  await dialog.getByRole('textbox', { name: 'New tag name' }).fill('INTERFAITH');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A tag named “interfaith” already exists.' })).toBeVisible();

  expect(cliJson<CliTag[]>(home, 'tags', '--project', project)).toEqual(before);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(chips(page)).toHaveText(['security']);
  await openTags(page);
  expect(await nameInputs(page).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['economic', 'security', 'interfaith']);
  await expect(nameInputs(page)).toHaveCount(3);
  expect(cliJson<CliAnnotation[]>(home, 'annotations', '--project', project)[0]!.tags).toEqual(['security']);
});
