// Builds everything the app runs: the renderer with Vite, and the Node/Electron entry points
// with esbuild (main, preload and the core's utility process host as CommonJS, the CLI/browser-mode
// server as ESM).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
const quiet = process.argv.includes('--quiet');

fs.rmSync(out, { recursive: true, force: true });

await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  // The native SQLite binding is loaded from node_modules at run time (asar-unpacked when packaged).
  external: ['electron', 'original-fs', 'better-sqlite3'],
};

await Promise.all([
  esbuild({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(out, 'electron/main.cjs'), format: 'cjs' }),
  esbuild({ ...common, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(out, 'electron/preload.cjs'), format: 'cjs' }),
  // The core in Electron's utility process (electron/core-client.ts forks it from main.cjs's folder).
  esbuild({ ...common, entryPoints: [path.join(root, 'electron/core-host.ts')], outfile: path.join(out, 'electron/core-host.cjs'), format: 'cjs' }),
  // For electron-builder's afterPack hook (build/after-pack.mjs); not part of the app.
  esbuild({ ...common, entryPoints: [path.join(root, 'electron/integrity.ts')], outfile: path.join(out, 'build/integrity.mjs'), format: 'esm' }),
  esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/cli/index.ts')],
    outfile: path.join(out, 'node/cli.mjs'),
    format: 'esm',
    // Bundled CommonJS dependencies (mammoth, jszip) call require(); give them one in ESM.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __crossreadRequire } from 'node:module';\nconst require = __crossreadRequire(import.meta.url);" },
  }),
]);
fs.chmodSync(path.join(out, 'node/cli.mjs'), 0o755);
if (!quiet) console.log('built out/renderer, out/electron/main.cjs, out/electron/preload.cjs, out/electron/core-host.cjs, out/node/cli.mjs');
