// Bundles the export probe (bench/export/probe.ts) with esbuild and runs it; arguments pass through.
// NODE_OPTIONS=--cpu-prof (with --cpu-prof-dir) profiles it like any Node program.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'out', 'bench', 'export-probe.mjs');

await build({
  entryPoints: [path.join(root, 'bench', 'export', 'probe.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  logLevel: 'warning',
  external: ['better-sqlite3'],
  banner: { js: "import { createRequire as __probeRequire } from 'node:module';\nconst require = __probeRequire(import.meta.url);" },
});
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
