/**
 * The desktop app as an analyst meets it, in real Electron: an empty profile, the sample project,
 * a document imported through the native Open dialog, a claim made with the mouse, a dossier
 * exported through the native Save dialog, and after quitting and starting again everything is
 * still there, in the same window size. The native dialogs are stubbed in the main process.
 *
 * Runs against the built app (`npm run build`). Where the Electron binary could not be downloaded
 * (this CI, offline machines) every test skips and says why.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { claimQuotes, pane, tagSentence } from '../e2e/app';
import { K1, KAZPRAVDA } from '../e2e/sentences';
import { loadWindowState, placeWindow } from '../../electron/window-state';
import { ELECTRON_BINARY, launchApp, NO_ELECTRON, stubOpenDialog, stubSaveDialog } from './electron-app';

if (ELECTRON_BINARY === null) console.log(NO_ELECTRON);
test.skip(ELECTRON_BINARY === null, NO_ELECTRON);
test.describe.configure({ mode: 'serial' });

const MEMO = 'Памятка аналитика: переговоры в Вашингтоне продолжатся весной.';
const documents = (page: Page) => page.getByRole('region', { name: 'Documents' }).getByRole('listitem');

let home: string;
let work: string;
let app: ElectronApplication | null = null;

test.beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'crossread-electron-home-'));
  work = mkdtempSync(path.join(os.tmpdir(), 'crossread-electron-files-'));
});

test.afterEach(async () => {
  await app?.close();
  app = null;
});

test.afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

test('first run: sample project, import through the native dialog, a claim, window size set', async () => {
  test.setTimeout(120_000);
  app = await launchApp(home);
  const page = await app.firstWindow();
  await expect(page).toHaveURL(/^app:\/\/crossread\//);
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
  await expect(documents(page)).toHaveCount(3);

  const memo = path.join(work, 'memo.txt');
  writeFileSync(memo, MEMO);
  await stubOpenDialog(app, [memo]);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(documents(page)).toHaveCount(4);
  await expect(page.locator('.toast').filter({ hasText: 'Imported 1 document.' })).toBeVisible();

  await tagSentence(page, pane(page, KAZPRAVDA), K1, ['1']);
  await expect.poll(() => claimQuotes(page)).toEqual([K1]);

  await app.evaluate(({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows()[0]!;
    win.unmaximize();
    win.setBounds({ x: 40, y: 40, width: 1100, height: 720 });
  });
});

test('exports a dossier through the native Save dialog', async () => {
  app = await launchApp(home);
  const page = await app.firstWindow();
  await expect.poll(() => claimQuotes(page)).toEqual([K1]);
  const target = path.join(work, 'briefing.html');
  await stubSaveDialog(app, target);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dossier' });
  await dialog.getByRole('radio', { name: /^HTML/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.locator('.toast').filter({ hasText: 'Saved' })).toBeVisible();
  expect(existsSync(target)).toBe(true);
  expect(readFileSync(target, 'utf8')).toContain(K1.slice(0, 40));
});

test('after quitting and starting again, the project, the import, the claim and the window size are all back', async () => {
  app = await launchApp(home);
  const page = await app.firstWindow();
  await expect(documents(page)).toHaveCount(4);
  await expect(documents(page).filter({ hasText: 'memo' })).toHaveCount(1);
  await expect.poll(() => claimQuotes(page)).toEqual([K1]);
  // Back at the size it was closed with, as far as this machine's screens allow (window-state.ts).
  const saved = loadWindowState(home);
  expect(saved?.bounds).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
  const { bounds, workAreas } = await app.evaluate(({ BrowserWindow, screen }) => ({
    bounds: BrowserWindow.getAllWindows()[0]!.getBounds(),
    workAreas: screen.getAllDisplays().map((d) => d.workArea),
  }));
  const expected = placeWindow(saved, workAreas).bounds;
  expect({ width: bounds.width, height: bounds.height }).toEqual({ width: expected.width, height: expected.height });
  // The log file the About dialog names exists, in the profile.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('about');
  await page.keyboard.press('Enter');
  const about = page.getByRole('dialog', { name: 'About Crossread' });
  const electronVersion = await app.evaluate(() => process.versions.electron);
  await expect(about.getByRole('row', { name: new RegExp(`Electron\\s+${electronVersion.replace(/\./g, '\\.')}`) })).toBeVisible();
  expect(existsSync(path.join(home, 'logs', 'crossread.log'))).toBe(true);
});

test('the page is locked down: no Node, no new windows, no navigation away, no permissions, no eval', async () => {
  app = await launchApp(home);
  const page = await app.firstWindow();
  await expect(page).toHaveURL(/^app:\/\/crossread\//);
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect(page).toHaveURL(/^app:\/\/crossread\//);
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
  expect(await page.evaluate(() => {
    try {
      return String(eval('1 + 1'));
    } catch (error) {
      return (error as Error).name;
    }
  })).toBe('EvalError');
  // The custom protocol refuses to leave the renderer folder. The URL parser would fold a plain
  // /%2e%2e/ away before the handler, so these keep the traversal inside one segment, where it
  // reaches the handler (out/renderer/../../package.json is the repository's package.json).
  for (const url of ['app://crossread/..%2f..%2fpackage.json', 'app://crossread/%2e%2e%2f%2e%2e%2fpackage.json', 'app://crossread/assets%2f..%2f..%2f..%2fpackage.json']) {
    const status = await page.evaluate(async (u) => (await fetch(u)).status, url);
    expect(status, url).toBe(404);
  }
});
