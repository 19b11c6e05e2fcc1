/**
 * End-to-end test of the desktop shell in real Electron: the window loads from app://crossread,
 * the preload bridge reaches the backend, a claim made with the mouse survives a restart.
 * Runs against the built app (`npm run build`; package.json "main" is out/electron/main.cjs).
 *
 * Where the Electron binary could not be downloaded (this CI, offline machines) the test skips
 * and says why; the shell's logic is covered under Node by tests/unit/shell.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { ELECTRON_BINARY, launchApp, NO_ELECTRON } from './electron-app';

if (ELECTRON_BINARY === null) console.log(NO_ELECTRON);
test.skip(ELECTRON_BINARY === null, NO_ELECTRON);

interface Bridge {
  invoke(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }>;
}

/** Asks the real backend through the page's own bridge. */
async function invoke<T>(page: Page, name: string, input: unknown): Promise<T> {
  const answer = await page.evaluate(
    ([n, i]) => (window as unknown as { crossread: Bridge }).crossread.invoke(n as string, i),
    [name, input] as const,
  );
  if (!answer.ok) throw new Error(`${name} failed: ${JSON.stringify(answer)}`);
  return answer.value as T;
}

test('opens the sample, makes a claim with the mouse, and keeps it after a restart', async () => {
  test.setTimeout(120_000);
  const home = mkdtempSync(path.join(os.tmpdir(), 'crossread-electron-'));
  let app: ElectronApplication | null = null;
  try {
    app = await launchApp(home);
    let page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/crossread\//);
    expect(await page.evaluate(() => (window as unknown as { crossread?: { transport: string } }).crossread?.transport)).toBe(
      'electron',
    );
    // The renderer must not see Node.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

    await page.getByRole('button', { name: 'Open sample project' }).click();
    await expect(page.getByRole('listitem').first()).toBeVisible();

    // Three-part call names pass the preload (the dossier summary and export settings).
    await invoke(page, 'dossier.summary.get', {});
    await invoke(page, 'dossier.settings.get', {});

    const documents = await invoke<Array<{ title: string }>>(page, 'documents.list', {});
    const title = documents[0]?.title;
    if (!title) throw new Error('the sample project has no documents');
    const pane = page.getByRole('region', { name: title, exact: true });
    if ((await pane.count()) === 0) {
      await page.getByRole('button', { name: `Open ${title} in a pane` }).click();
    }
    const paragraph = pane.locator('[contenteditable] p').filter({ hasText: /\S.{20,}/ }).first();
    await expect(paragraph).toBeVisible();

    const claims = page.getByRole('region', { name: 'Claims' }).getByRole('listitem');
    const before = await claims.count();

    // Drag across the start of the paragraph's first line.
    const box = await paragraph.boundingBox();
    if (!box) throw new Error('the paragraph has no box');
    const y = box.y + 8;
    await page.mouse.move(box.x + 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + Math.min(box.width - 4, 180), y, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');

    await expect(claims).toHaveCount(before + 1);
    const saved = await invoke<Array<{ exact: string }>>(page, 'annotations.list', {});
    expect(saved).toHaveLength(before + 1);

    await app.close();
    app = null;

    app = await launchApp(home);
    page = await app.firstWindow();
    const claimsRegion = page.getByRole('region', { name: 'Claims' });
    const openSample = page.getByRole('button', { name: 'Open sample project' });
    await expect(claimsRegion.or(openSample).first()).toBeVisible();
    if (await openSample.isVisible()) await openSample.click();
    await expect(claimsRegion.getByRole('listitem')).toHaveCount(before + 1);
  } finally {
    if (app) await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
