/**
 * The core's utility-process host, bundled the way build/build.mjs bundles it (CommonJS, with
 * better-sqlite3 left to be required at run time), for tests that fork it in a real child. Built
 * under node_modules/.cache so the bundle's require('better-sqlite3') finds the installed module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');

export async function buildCoreHost(): Promise<{ file: string; remove(): void }> {
  const cache = path.join(ROOT, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, 'crossread-core-host-'));
  const file = path.join(dir, 'core-host.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'electron/core-host.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'warning',
    external: ['electron', 'original-fs', 'better-sqlite3'],
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
