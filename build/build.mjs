// Builds everything the app runs: the renderer with Vite, and the Node/Electron entry points
// with esbuild (main, preload and the core's utility process host as CommonJS, the CLI/browser-mode
// server as ESM).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { bundledPackagesPlugin, fromMetafile } from './bundled-packages.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
const quiet = process.argv.includes('--quiet');

fs.rmSync(out, { recursive: true, force: true });

/** Each bundle's npm packages, written to out/bundled-packages.json for the dependency check. */
const bundled = {};

await viteBuild({
  configFile: path.join(root, 'vite.config.ts'),
  logLevel: quiet ? 'warn' : 'info',
  plugins: [bundledPackagesPlugin((listing) => (bundled['out/renderer'] = listing))],
});

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  metafile: true,
  // The native SQLite binding is loaded from node_modules at run time (asar-unpacked when packaged).
  external: ['electron', 'original-fs', 'better-sqlite3'],
};

// Bundled CommonJS dependencies (mammoth, jszip) call require(); give ES module bundles one.
const requireBanner = "import { createRequire as __crossreadRequire } from 'node:module';\nconst require = __crossreadRequire(import.meta.url);";
// The core finds its isolate worker (electron/core/isolate) beside the bundle it runs in, by this name.
const isolateWorker = (file) => ({ define: { CROSSREAD_ISOLATE_WORKER: JSON.stringify(file) } });
// PDF.js runs only inside the import isolate (electron/core/import/pdf.ts, loaded by the isolate's
// worker): the main process and the CLI never read a PDF themselves, so their bundles leave it out
// (it would double their size, and its private class fields defeat the security scanner's parser).
const isolatedOnly = { external: [...common.external, 'pdfjs-dist', 'pdfjs-dist/*'] };
// locate.ts reads import.meta only where __dirname is missing, which a CommonJS bundle always has.
const cjs = { format: 'cjs', logOverride: { 'empty-import-meta': 'silent' } };
// The team sync's Hocuspocus provider (electron/core/team) uses class static blocks, which the
// security scanner cannot parse: esbuild writes them as plain assignments in the main bundle.
const scannable = { supported: { 'class-static-blocks': false } };

const node = await Promise.all([
  esbuild({ ...common, ...cjs, ...scannable, ...isolatedOnly, ...isolateWorker('isolate-worker.cjs'), entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(out, 'electron/main.cjs') }),
  esbuild({ ...common, ...cjs, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(out, 'electron/preload.cjs') }),
  // The core in Electron's utility process (electron/core-client.ts forks it from main.cjs's folder).
  esbuild({ ...common, ...cjs, ...isolatedOnly, ...isolateWorker('isolate-worker.cjs'), entryPoints: [path.join(root, 'electron/core-host.ts')], outfile: path.join(out, 'electron/core-host.cjs') }),
  esbuild({
    ...common,
    ...cjs,
    // PDF.js (ESM) finds Node's require through import.meta.url; give the CommonJS worker the real one.
    banner: { js: "const __crossreadMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__crossreadMetaUrl' },
    entryPoints: [path.join(root, 'electron/core/isolate/worker.ts')],
    outfile: path.join(out, 'electron/isolate-worker.cjs'),
  }),
  esbuild({
    ...common,
    ...isolateWorker('isolate-worker.mjs'),
    // The team server's Redis client logs through `debug`, which tries require('supports-color') and
    // does without it: left to run time, so a dev-only copy in node_modules is not bundled.
    external: [...isolatedOnly.external, 'supports-color'],
    entryPoints: [path.join(root, 'electron/cli/index.ts')],
    outfile: path.join(out, 'node/cli.mjs'),
    format: 'esm',
    banner: { js: `#!/usr/bin/env node\n${requireBanner}` },
  }),
  esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/core/isolate/worker.ts')],
    outfile: path.join(out, 'node/isolate-worker.mjs'),
    format: 'esm',
    banner: { js: requireBanner },
  }),
]);
for (const result of node) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint) bundled[path.relative(root, path.resolve(root, file)).split(path.sep).join('/')] = fromMetafile(result.metafile);
  }
}
// For electron-builder's afterPack hook (build/after-pack.mjs): run at packaging, never shipped, so
// not among the bundles whose packages must be production dependencies.
await esbuild({ ...common, entryPoints: [path.join(root, 'electron/integrity.ts')], outfile: path.join(out, 'build/integrity.mjs'), format: 'esm' });
fs.writeFileSync(path.join(out, 'bundled-packages.json'), `${JSON.stringify(bundled, null, 2)}\n`);
fs.chmodSync(path.join(out, 'node/cli.mjs'), 0o755);
if (!quiet) console.log('built out/renderer, out/electron/{main,preload,core-host,isolate-worker}.cjs, out/node/{cli,isolate-worker}.mjs');
