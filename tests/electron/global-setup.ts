/**
 * Before the end-to-end tests: fetch the Electron binary if this machine does not have it yet.
 * Electron 45 downloads it on the first `require('electron')` (or `install-electron`), not at
 * `npm install`, so without this step the Electron specs would skip on every fresh clone. Where
 * the download is impossible (offline, or a registry-only network as in CI) it fails fast, and
 * the Electron specs skip saying why.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { downloadElectron, installedElectron } from '../../build/electron-check.mjs';

/** Long enough for a real download (~100 MB); a network that drops packets never hangs the suite longer. */
const DOWNLOAD_TIMEOUT_MS = 180_000;

export default function globalSetup(): void {
  // A binary of one's own, or a machine told not to download (CI sets this), needs no attempt.
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  if (installedElectron(packageDir) !== null) return;
  const failure = downloadElectron(packageDir, { timeoutMs: DOWNLOAD_TIMEOUT_MS });
  if (failure !== null) console.log(`Electron could not be downloaded (${failure}); the Electron specs will skip.`);
}
