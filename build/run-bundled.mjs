// Bundles one TypeScript entry point with esbuild into out/bench/ and runs it with this Node,
// passing the command line's arguments through; exits with its exit code.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `entry` is relative to the repository root; `external` packages load from node_modules at run time. */
export async function runBundled(entry, outName, external) {
  const outfile = path.join(root, 'out', 'bench', outName);
  await build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    logLevel: 'warning',
    external,
    // The core finds its isolate worker (electron/core/isolate/locate.ts) by this name beside the
    // bundle: the app's own Node build, made by `npm run build` before the bench runs.
    define: { CROSSREAD_ISOLATE_WORKER: JSON.stringify('../node/isolate-worker.mjs') },
    // Bundled CommonJS dependencies call require(), and shared test support finds the repository
    // from __dirname: give them both in ESM (the bundle sits two folders below the root, as the
    // support files do, so paths relative to __dirname still land in the repository).
    banner: {
      js:
        "import { createRequire as __bundledRequire } from 'node:module';\nimport { fileURLToPath as __bundledPath } from 'node:url';\n" +
        "const require = __bundledRequire(import.meta.url);\nconst __dirname = __bundledPath(new URL('.', import.meta.url));",
    },
  });
  const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
