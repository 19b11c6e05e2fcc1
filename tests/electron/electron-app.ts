/**
 * Helpers for the Electron end-to-end tests: find the Electron binary (or say why there is none),
 * launch the built app on a profile of its own, and stand in for the native dialogs by replacing
 * `dialog.showOpenDialog` / `showSaveDialog` inside the main process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication } from '@playwright/test';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Electron executable if this machine has one, else null. The download itself is tried once,
 * before all tests, by global-setup.ts.
 */
export function findElectronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
      // Requiring 'electron' without its binary starts another (slow, failing) download attempt;
      // look first for the path.txt marker its installer writes after a successful download.
      const packageDir = path.dirname(require.resolve('electron/package.json'));
      const marker = path.join(packageDir, 'path.txt');
      if (!existsSync(marker) || !existsSync(path.join(packageDir, 'dist', readFileSync(marker, 'utf8').trim()))) return null;
    }
    const binary: unknown = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export const ELECTRON_BINARY = findElectronBinary();
export const NO_ELECTRON =
  'Electron binary not present (it could not be downloaded on this machine); the shell is covered by tests/unit/shell';

/**
 * Starts the built app (out/) on `home` as its profile (CROSSREAD_HOME). Playwright finds the
 * Electron of the app's own node_modules itself; an explicit executablePath would make it skip
 * the loader it injects into development apps (microsoft/playwright#21577).
 */
export function launchApp(home: string, args: string[] = []): Promise<ElectronApplication> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  env.CROSSREAD_HOME = home;
  delete env.ELECTRON_RUN_AS_NODE;
  return electron.launch({ args: ['.', ...args], cwd: REPO_ROOT, env, locale: 'en-US' });
}

/** The next native Open dialog answers with `filePaths`, as if the user chose them. */
export async function stubOpenDialog(app: ElectronApplication, filePaths: string[]): Promise<void> {
  await app.evaluate(({ dialog }, paths) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: paths })) as typeof dialog.showOpenDialog;
  }, filePaths);
}

/** The next native Save dialog answers with `filePath`. */
export async function stubSaveDialog(app: ElectronApplication, filePath: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
  }, filePath);
}
