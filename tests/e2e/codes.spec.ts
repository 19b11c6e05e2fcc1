import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { claimQuotes, cliJson, CORPUS_FILES, createProjectInUi, expectToast, pane, tagSentence, startApp, tempHome, type RunningApp } from './app';

interface CliTreeNode {
  name: string;
  claims: number;
  children: CliTreeNode[];
}

const KAZ = 'kazpravda-2025-11-07-velizade';
const SENTENCE = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const OTHER = 'Президент Касым-Жомарт Токаев с визитом посетил Вашингтон';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** The Kazpravda interview in a fresh project: SENTENCE coded economic, OTHER coded with a new top-level tag "sanctions". */
async function codedProject(page: Page, name: string): Promise<{ home: string; project: string }> {
  const { home, dir } = tempHome();
  const project = path.join(dir, `${name}.crossread`);
  app = await startApp(home);
  await page.goto(app.url);
  await createProjectInUi(page, project);
  await page.getByTestId('import-input').setInputFiles(CORPUS_FILES[0]!);
  await expect(pane(page, KAZ).locator('.source-paragraph').first()).toBeVisible();
  await page.getByRole('button', { name: 'Tags', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags' });
  await dialog.getByRole('textbox', { name: 'New tag name' }).fill('sanctions');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name of tag sanctions' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await tagSentence(page, pane(page, KAZ), SENTENCE, ['1']);
  await tagSentence(page, pane(page, KAZ), OTHER, ['4']);
  return { home, project };
}

const tree = (home: string, project: string) => cliJson<CliTreeNode[]>(home, 'tags', '--project', project, '--tree', '--json');
const shape = (nodes: CliTreeNode[]): unknown => nodes.map((n) => (n.children.length ? { [n.name]: shape(n.children) } : n.name));
const sidebarTree = (page: Page) => page.getByRole('tree', { name: 'Code system' });

async function openCodes(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Codes' }).click();
  await expect(sidebarTree(page)).toBeVisible();
}

test('nests “sanctions” under “economic” by dragging it in the sidebar tree, and Ctrl+Z takes it out again', async ({ page }) => {
  const { home, project } = await codedProject(page, 'Drag');
  await openCodes(page);
  const rows = sidebarTree(page).getByRole('treeitem');
  await expect(rows).toHaveText(['economic1', 'security0', 'interfaith0', 'sanctions1']);

  await sidebarTree(page).getByRole('treeitem', { name: 'sanctions' }).dragTo(sidebarTree(page).getByRole('treeitem', { name: 'economic' }));
  await expect(sidebarTree(page).getByRole('treeitem', { name: 'sanctions' })).toHaveAttribute('aria-level', '2');
  await expect(rows).toHaveText(['economic1', 'sanctions1', 'security0', 'interfaith0']);
  expect(shape(tree(home, project))).toEqual([{ economic: ['sanctions'] }, 'security', 'interfaith']);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expectToast(page, 'Undone: nesting of tag «sanctions» under «economic»');
  await expect(sidebarTree(page).getByRole('treeitem', { name: 'sanctions' })).toHaveAttribute('aria-level', '1');
  expect(shape(tree(home, project))).toEqual(['economic', 'security', 'interfaith', 'sanctions']);
});

test('nests “sanctions” under “economic” with the keyboard alone, and a filter by economic then lists the sanctions claim too and says so', async ({ page }) => {
  const { home, project } = await codedProject(page, 'Keys');
  await openCodes(page);
  const sanctions = sidebarTree(page).getByRole('treeitem', { name: 'sanctions' });
  await sanctions.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(sidebarTree(page).getByRole('treeitem')).toHaveText(['economic1', 'security0', 'sanctions1', 'interfaith0']);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(sidebarTree(page).getByRole('treeitem')).toHaveText(['economic1', 'sanctions1', 'security0', 'interfaith0']);
  // Focus stays on the moved tag, so the moves chain.
  await expect(sanctions).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(sanctions).toHaveAttribute('aria-level', '2');
  expect(shape(tree(home, project))).toEqual([{ economic: ['sanctions'] }, 'security', 'interfaith']);

  // Enter on economic lists its claims: its own and its subtag's.
  await page.keyboard.press('ArrowUp');
  await expect(sidebarTree(page).getByRole('treeitem', { name: 'economic' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => claimQuotes(page)).toHaveLength(2);
  await expect(page.getByRole('region', { name: 'Claims' })).toContainText('economic (with 1 subtag)');

  // Alt+← takes it out again, after its old parent.
  await openCodes(page);
  await sidebarTree(page).getByRole('treeitem', { name: 'sanctions' }).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(sidebarTree(page).getByRole('treeitem', { name: 'sanctions' })).toHaveAttribute('aria-level', '1');
  expect(shape(tree(home, project))).toEqual(['economic', 'sanctions', 'security', 'interfaith']);
});

test('a tag cannot be dropped into its own subtag: nothing changes', async ({ page }) => {
  const { home, project } = await codedProject(page, 'Cycle');
  await openCodes(page);
  await sidebarTree(page).getByRole('treeitem', { name: 'sanctions' }).dragTo(sidebarTree(page).getByRole('treeitem', { name: 'economic' }));
  await expect(sidebarTree(page).getByRole('treeitem', { name: 'sanctions' })).toHaveAttribute('aria-level', '2');
  await sidebarTree(page).getByRole('treeitem', { name: 'economic' }).locator('.tag-tree-line').dragTo(sidebarTree(page).getByRole('treeitem', { name: 'sanctions' }));
  await expect(sidebarTree(page).getByRole('treeitem', { name: 'economic' })).toHaveAttribute('aria-level', '1');
  expect(shape(tree(home, project))).toEqual([{ economic: ['sanctions'] }, 'security', 'interfaith']);
});

test('merging two tags in the Tags dialog moves the claims, and the toast’s Undo brings the tag back with its claim', async ({ page }) => {
  const { home, project } = await codedProject(page, 'Merge');
  await page.getByRole('button', { name: 'Tags', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags' });
  await expect(dialog.getByRole('treeitem', { name: 'sanctions' })).toContainText('1 claim');
  await dialog.getByRole('button', { name: 'Merge «sanctions» into…' }).click();
  const question = page.getByRole('alertdialog', { name: 'Merge tag «sanctions»' });
  await question.getByRole('combobox', { name: 'Into tag' }).selectOption({ label: 'economic' });
  await expect(question).toContainText('Its 1 claim takes the chosen tag');
  await question.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog.getByRole('treeitem', { name: 'sanctions' })).toHaveCount(0);
  await expect(dialog.getByRole('treeitem', { name: 'economic' })).toContainText('2 claims');
  expect(tree(home, project).map((n) => [n.name, n.claims])).toEqual([
    ['economic', 2],
    ['security', 0],
    ['interfaith', 0],
  ]);

  // The toast's Undo, once the dialog is closed, undoes exactly the merge.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.locator('.toast').filter({ hasText: 'Tag «sanctions» merged into «economic».' }).getByRole('button', { name: 'Undo' }).click();
  await openCodes(page);
  await expect(sidebarTree(page).getByRole('treeitem', { name: 'sanctions' })).toContainText('1');
  expect(tree(home, project).map((n) => [n.name, n.claims])).toEqual([
    ['economic', 1],
    ['security', 0],
    ['interfaith', 0],
    ['sanctions', 1],
  ]);
});

test('a codebook entry written in the Tags dialog is exported as a downloaded codebook', async ({ page }) => {
  const { home, project } = await codedProject(page, 'Codebook');
  await openCodes(page);
  await sidebarTree(page).getByRole('treeitem', { name: 'sanctions' }).dragTo(sidebarTree(page).getByRole('treeitem', { name: 'economic' }));
  await expect(sidebarTree(page).getByRole('treeitem', { name: 'sanctions' })).toHaveAttribute('aria-level', '2');

  await page.getByRole('button', { name: 'Tags', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags' });
  await dialog.getByRole('button', { name: 'Codebook entry of «sanctions»' }).click();
  const entry = dialog.getByRole('form', { name: 'Codebook entry of «sanctions»' });
  await entry.getByLabel('Definition').fill('Restrictive economic measures against a state');
  await entry.getByLabel('When not to use').fill('Tariffs in a trade dispute');
  await entry.getByRole('button', { name: 'Save entry' }).click();
  await expect(entry.getByRole('button', { name: 'Save entry' })).toBeDisabled();

  await dialog.getByRole('combobox', { name: 'Codebook format' }).selectOption('md');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export codebook' }).click();
  const file = await (await download).path();
  const md = fs.readFileSync(file, 'utf8');
  expect(md).toContain('### economic ▸ sanctions');
  expect(md).toContain('**Definition:** Restrictive economic measures against a state');
  expect(md).toContain('**When not to use:** Tariffs in a trade dispute');
  expect(tree(home, project)[0]!.children[0]).toMatchObject({ name: 'sanctions', claims: 1 });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The dossier groups the findings by the tree and, when asked, prints the definition under the subtag.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export dossier' });
  await exporting.getByRole('checkbox', { name: 'Tag definitions from the codebook' }).check();
  await exporting.getByRole('radio', { name: /^Markdown/ }).check();
  const dossierDownload = page.waitForEvent('download');
  await exporting.getByRole('button', { name: 'Export', exact: true }).click();
  const dossier = fs.readFileSync(await (await dossierDownload).path(), 'utf8');
  expect(dossier).toContain('### economic ▸ sanctions (1)\n\n*Restrictive economic measures against a state*\n');
});
