/**
 * Browser mode as a first-class way to run, with the page naming no path on disk: the access page
 * for an address without its token, the project browser (server-side folders, opaque handles),
 * the in-page menu bar, the take-over prompt, and a page-supplied path refused.
 */
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { browseTo, CORPUS_FILES, createProjectInUi, openProjectByPath, sampleTest, startApp, tempHome, type RunningApp } from './app';
import { cliRun } from './fixtures';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Every API request body the page sends, to show that none names a path. */
function recordApiBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/')) bodies.push(`${new URL(req.url()).pathname} ${req.postData() ?? ''}`);
  });
  return bodies;
}

test('opening the address without a valid token shows one page that says how to get the right address, and nothing else', async ({ page, browser }) => {
  const { home } = tempHome();
  app = await startApp(home);
  const bare = app.url.replace(/#.*$/, '');
  for (const address of [bare, `${bare}#token=${'0'.repeat(64)}`]) {
    const fresh = await browser.newPage();
    await fresh.goto(address);
    await expect(fresh.getByRole('heading', { name: 'Open Crossread with its full address' })).toBeVisible();
    await expect(fresh.getByText('Copy the whole address it printed, including the part after #token=.')).toBeVisible();
    // Nothing else: no welcome screen, no menu, no toast.
    await expect(fresh.getByRole('button')).toHaveCount(0);
    await expect(fresh.locator('.toast')).toHaveCount(0);
    await expect(fresh.getByRole('menubar')).toHaveCount(0);
    // The right address pasted into the same tab (only the fragment changes) opens the app.
    await fresh.goto(app.url);
    await expect(fresh.getByRole('button', { name: 'Open sample project' })).toBeVisible();
    await fresh.close();
  }
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Open sample project' })).toBeVisible();
});

test('the access page speaks Russian in a Russian browser', async ({ browser }) => {
  const { home } = tempHome();
  app = await startApp(home);
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(app.url.replace(/#.*$/, ''));
  await expect(page.getByRole('heading', { name: 'Откройте Crossread по полному адресу' })).toBeVisible();
  await context.close();
});

test('New project… and Open project… browse the server’s folders from the home folder, and the page sends no path', async ({ page }) => {
  const { home, dir } = tempHome();
  fs.mkdirSync(path.join(dir, 'Research', 'Kazakhstan'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'Research', 'notes.txt'), 'not a project');
  fs.mkdirSync(path.join(dir, '.hidden'));
  app = await startApp(home);
  const bodies = recordApiBodies(page);
  await page.goto(app.url);

  await page.getByRole('button', { name: 'New project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  // It starts in the home folder (this test's scratch folder) and lists folders and projects only.
  await expect(dialog.locator('.browser-path')).toHaveText(dir);
  await expect(dialog.getByRole('list').getByRole('button')).toHaveText(['▸ home', '▸ Research']);
  await dialog.getByRole('button', { name: 'Research' }).click();
  await expect(dialog.locator('.browser-path')).toHaveText(path.join(dir, 'Research'));
  await expect(dialog.getByRole('list').getByRole('button')).toHaveText(['▸ Kazakhstan']);
  await dialog.getByRole('button', { name: 'Kazakhstan' }).click();
  await expect(dialog.getByText('No folders or projects here.')).toBeVisible();
  await page.screenshot({ path: path.join(test.info().outputDir, 'project-browser-new.png') });

  // A name that is a path is refused inside the dialog, and nothing is created.
  const name = dialog.getByLabel('Name of the new project');
  await name.fill('../Escape');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toContainText('a name cannot contain /');
  expect(fs.existsSync(path.join(dir, 'Research', 'Escape.crossread'))).toBe(false);

  await name.fill('Field notes');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.locator('.project-name')).toHaveText('Field notes');
  const file = path.join(dir, 'Research', 'Kazakhstan', 'Field notes.crossread');
  expect(fs.existsSync(file)).toBe(true);

  await page.getByRole('button', { name: 'Projects' }).click();
  await openProjectByPath(page, file);
  await expect(page.locator('.project-name')).toHaveText('Field notes');

  // And the recent list reopens it by its handle too.
  await page.getByRole('button', { name: 'Projects' }).click();
  await page.getByRole('region', { name: 'Recent projects' }).getByRole('button', { name: /Field notes/ }).click();
  await expect(page.locator('.project-name')).toHaveText('Field notes');

  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) expect(body).not.toMatch(/"path"/);
});

test('a project another Crossread holds: the page says who, warns, and takes it over only when asked', async ({ page }) => {
  const { home, dir } = tempHome();
  const file = path.join(dir, 'Held.crossread');
  cliRun(home, 'import', '--project', file, CORPUS_FILES[0]!);
  const db = new Database(file);
  db.prepare("INSERT OR REPLACE INTO project_meta (key, value) VALUES ('writer_lock', ?)").run(
    JSON.stringify({ id: 'other', pid: 4242, host: 'analyst-laptop.example', since: '2026-12-01T10:00:00.000Z', app: 'the desktop app' }),
  );
  db.close();
  app = await startApp(home);
  await page.goto(app.url);

  await openProjectByPath(page, file);
  const prompt = page.getByRole('dialog', { name: 'Project in use' });
  await expect(prompt).toContainText('Held.crossread is held by a Crossread on another computer (the desktop app on analyst-laptop.example');
  await expect(prompt).toContainText('Take it over only if that Crossread is no longer running');
  await page.screenshot({ path: path.join(test.info().outputDir, 'take-over.png') });
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.project-name')).toHaveCount(0);

  await openProjectByPath(page, file);
  await page.getByRole('dialog', { name: 'Project in use' }).getByRole('button', { name: 'Take over' }).click();
  await expect(page.locator('.project-name')).toHaveText('Held');
  await expect(page.getByRole('region', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);
});

test('a path supplied by the page is refused, and nothing is written there', async ({ page }) => {
  const { home, dir } = tempHome();
  app = await startApp(home);
  await page.goto(app.url);
  await createProjectInUi(page, path.join(dir, 'Mine.crossread'));
  const target = path.join(dir, 'planted.md');
  // What a compromised page could try: the transport's own token, its own path.
  const answers = await page.evaluate(async (file) => {
    const token = sessionStorage.getItem('crossread.token')!;
    const post = async (name: string, body: unknown) =>
      (await fetch(`api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) })).json();
    return [
      await post('export.write', { format: 'markdown', options: { notes: true, untagged: true, order: 'date', language: 'en', bom: false }, path: file }),
      await post('share.exportTo', { path: file }),
      await post('share.import', { path: '/etc/passwd', dryRun: true }),
      await post('project.create', { path: `${file}.crossread` }),
      await post('project.open', { path: '/etc/passwd' }),
    ] as { ok: boolean; error?: { message: string } }[];
  }, target);
  for (const a of answers) {
    expect(a.ok).toBe(false);
    expect(a.error?.message).toMatch(/^In browser mode the page never names a file on disk/);
    expect(a.error?.message).not.toContain('root:');
  }
  // Only the project (with SQLite's side files) and the app folder: nothing planted beside them.
  expect(fs.readdirSync(dir).filter((f) => f !== 'home' && !f.startsWith('Mine.crossread'))).toEqual([]);
  expect(fs.existsSync(target)).toBe(false);
});

sampleTest('the menu bar reaches Export annotations, Backups, and Orphans and conflicts without Ctrl+K', async ({ page }) => {
  const bar = page.getByRole('menubar', { name: 'Menu' });
  await expect(bar).toBeVisible();
  const choose = async (menu: string, item: string) => {
    await bar.getByRole('menuitem', { name: menu, exact: true }).click();
    await page.getByRole('menu', { name: menu }).getByRole('menuitem', { name: item }).click();
  };

  await bar.getByRole('menuitem', { name: 'File', exact: true }).click();
  const file = page.getByRole('menu', { name: 'File' });
  // The same commands, in the same order, as the desktop's File menu (plus Settings at its end).
  await expect(file.getByRole('menuitem')).toHaveText([
    /^New project…/, /^Open project…/, 'Open sample project', 'Switch project…', 'Import documents…', 'Manage tags…', 'Link types…',
    /^Export dossier…/, 'Export annotations…', 'Import annotations…', 'Orphans and conflicts…', 'Backups…',
    'Export REFI-QDA project…', 'Import REFI-QDA project…', 'Share live…', /^Settings/,
  ]);
  await page.screenshot({ path: path.join(test.info().outputDir, 'menu-bar-file.png') });
  await page.keyboard.press('Escape');
  await expect(file).toHaveCount(0);

  await choose('File', 'Export annotations…');
  await expect(page.getByRole('dialog', { name: 'Export annotations' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Export annotations' }).getByLabel('Close', { exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Export annotations' })).toHaveCount(0);

  await choose('File', 'Backups…');
  await expect(page.getByRole('dialog', { name: 'Backups' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Backups' }).getByLabel('Close', { exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Backups' })).toHaveCount(0);

  await choose('File', 'Orphans and conflicts…');
  await expect(page.getByRole('dialog', { name: 'Orphans and conflicts' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Orphans and conflicts' }).getByLabel('Close', { exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Orphans and conflicts' })).toHaveCount(0);

  // Keyboard: arrows move between menus and items, Enter runs one.
  await bar.getByRole('menuitem', { name: 'View', exact: true }).click();
  await expect(page.getByRole('menu', { name: 'View' }).getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('menu', { name: 'Help' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'About Crossread' })).toBeVisible();
});

test('the project browser can walk up from the home folder to any folder', async ({ page }) => {
  const { home, dir } = tempHome();
  app = await startApp(home);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Open project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open project' });
  await browseTo(dialog, path.dirname(dir));
  // The temporary folder may hold thousands of entries; the scratch folder is found by typing its name.
  await dialog.getByRole('searchbox', { name: 'Find in this folder' }).fill(path.basename(dir));
  await expect(dialog.getByRole('list').getByRole('button', { name: path.basename(dir), exact: true })).toBeVisible();
});

test('a folder with more entries than the browser lists: typing part of a name finds one past the first 2,000', async ({ page }) => {
  const { home, dir } = tempHome();
  const crowded = path.join(dir, 'crowded');
  fs.mkdirSync(crowded);
  for (let i = 0; i < 2010; i++) fs.mkdirSync(path.join(crowded, `folder-${String(i).padStart(4, '0')}`));
  fs.mkdirSync(path.join(crowded, 'zz-Каспий'));
  app = await startApp(home);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Open project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open project' });
  await browseTo(dialog, crowded);
  const list = dialog.getByRole('list');
  await expect(list.getByRole('button', { name: 'folder-0000', exact: true })).toBeVisible();
  await expect(list.getByRole('button', { name: 'zz-Каспий', exact: true })).toHaveCount(0);
  await expect(dialog.getByText('11 more entries are not shown: type part of a name above to find one.')).toBeVisible();

  const find = dialog.getByRole('searchbox', { name: 'Find in this folder' });
  await find.fill('КАСП');
  await expect(list.getByRole('button')).toHaveCount(1);
  await list.getByRole('button', { name: 'zz-Каспий', exact: true }).click();
  await expect(dialog.locator('.browser-path')).toHaveText(path.join(crowded, 'zz-Каспий'));
  // A new folder starts unfiltered.
  await expect(find).toHaveValue('');
  await expect(dialog.getByText('No folders or projects here.')).toBeVisible();

  await dialog.getByRole('button', { name: '↑ Up' }).click();
  await find.fill('nothing-like-this');
  await expect(dialog.getByText('Nothing here has «nothing-like-this» in its name.')).toBeVisible();
});
