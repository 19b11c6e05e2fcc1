import { expect, test, type Locator, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowserMode } from '../support/browser-mode';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CORPUS = path.join(ROOT, 'resources', 'sample');
export const CLI = path.join(ROOT, 'out', 'node', 'cli.mjs');
export const CORPUS_FILES = [
  'kazpravda-2025-11-07-velizade.txt',
  'caravan-2025-11-kazantsev.txt',
  'zakon-2026-03-02-badamov.txt',
].map((f) => path.join(CORPUS, f));

// Scratch folders go when the worker ends: left behind, thousands of them would crowd the temporary
// folder past what the project browser lists, and the browser tests would lose their own.
const scratch: string[] = [];
process.on('exit', () => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder, removed when the test worker exits. */
export function scratchDir(prefix = 'crossread-e2e-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** A fresh app home (settings, recent projects) and a scratch folder for one test. */
export function tempHome(): { home: string; dir: string } {
  const dir = scratchDir();
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  return { home, dir };
}

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts browser mode the way a user does (`crossread browser`), and returns its tokened address.
 * Its home folder (where the project browser starts) is the test's scratch folder, the parent of `home`.
 */
export async function startApp(home: string, project?: string): Promise<RunningApp> {
  const { url, stop } = await launchBrowserMode(CLI, project ? ['--project', project] : [], home, 15_000, { HOME: path.dirname(home) });
  return { url, stop };
}

/** Runs the CLI and parses its --json output. */
export function cliJson<T>(home: string, ...args: string[]): T {
  const r = spawnSync(process.execPath, [CLI, ...args, '--json'], { env: { ...process.env, CROSSREAD_HOME: home }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`crossread ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export const pane = (page: Page, title: RegExp | string): Locator => page.getByRole('region', { name: title });

/**
 * Selects `text` inside a pane by dragging the mouse from its first to its last character, as a
 * person would.
 */
export async function selectWithMouse(page: Page, region: Locator, text: string): Promise<void> {
  await expect(region.locator('.source-text')).toContainText(text);
  const handle = await region.elementHandle();
  const rects = await page.evaluate(
    ([el, needle]) => {
      const root = (el as HTMLElement).querySelector('.source-text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(needle as string);
        if (at < 0) continue;
        const first = document.createRange();
        first.setStart(n, at);
        first.setEnd(n, at + 1);
        const last = document.createRange();
        last.setStart(n, at + (needle as string).length - 1);
        last.setEnd(n, at + (needle as string).length);
        first.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const a = first.getBoundingClientRect();
        const b = last.getBoundingClientRect();
        return { a: { x: a.left + 1, y: a.top + a.height / 2 }, b: { x: b.right - 1, y: b.top + b.height / 2 } };
      }
      return null;
    },
    [handle, text] as const,
  );
  if (!rects) throw new Error(`text not found in pane: ${text}`);
  await page.mouse.move(rects.a.x, rects.a.y);
  await page.mouse.down();
  await page.mouse.move((rects.a.x + rects.b.x) / 2, (rects.a.y + rects.b.y) / 2, { steps: 4 });
  await page.mouse.move(rects.b.x, rects.b.y, { steps: 4 });
  await page.mouse.up();
}

/** The claims listed in the sidebar, as their visible quotes. */
export async function claimQuotes(page: Page): Promise<string[]> {
  const items = page.getByRole('region', { name: 'Claims' }).locator('.claim-quote');
  return (await items.allTextContents()).map((s) => s.replace(/^«|»$/g, ''));
}

/** Names of the highlights painted for a claim's tag ids (CSS Custom Highlight API registry). */
export async function paintedRangeCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('cr-t') || name.startsWith('cr-none')) n += h.size;
    return n;
  });
}

export async function expectToast(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.locator('.toast').filter({ hasText: text }).first()).toBeVisible();
}

/**
 * Walks browser mode's project browser to `folder`: up until the folder shown contains it, then
 * down through its sub-folders, clicking entries as a person would.
 */
export async function browseTo(dialog: Locator, folder: string): Promise<void> {
  const where = dialog.locator('.browser-path');
  await expect(where).not.toBeEmpty();
  let shown = (await where.textContent())!;
  while (shown !== folder && !folder.startsWith(shown.endsWith(path.sep) ? shown : shown + path.sep)) {
    await dialog.getByRole('button', { name: /Up|Выше/ }).click();
    await expect(where).not.toHaveText(shown);
    shown = (await where.textContent())!;
  }
  for (const part of path.relative(shown, folder).split(path.sep).filter(Boolean)) {
    const next = path.join(shown, part);
    // Typed, as a user would in a crowded folder: the listing shows only the first entries of a big one.
    await dialog.getByRole('searchbox', { name: /Find in this folder|Найти в этой папке/ }).fill(part);
    await dialog.getByRole('list').getByRole('button', { name: part, exact: true }).click();
    await expect(where).toHaveText(next);
    shown = next;
  }
}

/** Creates a project through "New project…" (welcome screen) and the project browser. */
export async function createProjectInUi(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'New project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await browseTo(dialog, path.dirname(file));
  await dialog.getByLabel('Name of the new project').fill(path.basename(file, '.crossread'));
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.locator('.project-name')).toHaveText(path.basename(file, '.crossread'));
}

/** Opens a project file through "Open project…" (welcome screen) and the project browser. */
export async function openProjectByPath(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Open project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open project' });
  await browseTo(dialog, path.dirname(file));
  await dialog.getByRole('list').getByRole('button', { name: path.basename(file), exact: true }).click();
}

/** The document titles listed in the sidebar. */
export const documentTitles = (page: Page): Locator => page.getByRole('region', { name: 'Documents' }).locator('.doc-title');

/** Selects `text` in a pane, toggles tags by their number keys in the popover, and saves the claim with Enter. */
export async function tagSentence(page: Page, region: Locator, text: string, keys: string[]): Promise<void> {
  await selectWithMouse(page, region, text);
  const popover = page.getByRole('dialog', { name: 'Tag this claim' });
  await expect(popover).toBeVisible();
  for (const key of keys) await page.keyboard.press(key);
  await expect(popover.getByRole('button', { pressed: true })).toHaveCount(keys.length);
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  // Saved once the claim list shows it; a click on the new highlight before then would find nothing.
  await expect.poll(async () => (await claimQuotes(page)).some((q) => text.startsWith(q.replace(/…$/, '')))).toBe(true);
}

/** The sample project open in a fresh browser-mode app, as a first-time user gets it. */
export interface SampleApp {
  home: string;
  projectPath: string;
  /** Stops the server and starts it again on the same home; the page must navigate to the new address. */
  restart(): Promise<string>;
}

/**
 * `test` with a `sample` fixture: a fresh home, browser mode started, the welcome screen's
 * "Open sample project" clicked, and the three interviews open side by side.
 */
export const sampleTest = test.extend<{ sample: SampleApp }>({
  sample: [
    async ({ page }, use) => {
    const { home } = tempHome();
    let app = await startApp(home);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await expect(page.locator('.pane')).toHaveCount(3);
    // Each pane fetches its text; tests start once all three are on screen.
    await expect(page.locator('.pane .source-text')).toHaveCount(3);
    await use({
      home,
      projectPath: path.join(home, 'Sample project.crossread'),
      async restart() {
        await app.stop();
        app = await startApp(home);
        return app.url;
      },
    });
    await app.stop();
    },
    // Set up for every test of a spec that uses sampleTest, whether or not it names the fixture.
    { auto: true },
  ],
});

/**
 * Clicks the left edge of character `at` of `text` inside a pane, after scrolling it into view:
 * a caret placed before that character, or a click on a highlight covering it.
 */
export async function clickInText(page: Page, region: Locator, text: string, at = 0): Promise<void> {
  await expect(region.locator('.source-text')).toContainText(text);
  const point = await region.evaluate(
    (el, [needle, index]) => {
      const walker = document.createTreeWalker(el.querySelector('.source-text')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const found = n.textContent!.indexOf(needle as string);
        if (found < 0) continue;
        const r = document.createRange();
        r.setStart(n, found + (index as number));
        r.setEnd(n, found + (index as number) + 1);
        n.parentElement!.scrollIntoView({ block: 'center' });
        const rect = r.getBoundingClientRect();
        return { x: rect.left + 1, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    [text, at] as const,
  );
  if (!point) throw new Error(`text not found in pane: ${text}`);
  await page.mouse.click(point.x, point.y);
}

/** Calls the backend from the page, with the page's own access token, as the UI's client does. */
export async function api<T>(page: Page, name: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([n, body]) => {
      const res = await fetch(`api/${n}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('crossread.token')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const out = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!out.ok) throw new Error(`${n as string}: ${out.error?.message}`);
      return out.value as T;
    },
    [name, input] as const,
  );
}
