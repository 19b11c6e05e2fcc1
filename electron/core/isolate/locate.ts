/**
 * Where the worker bundle is at run time. build/build.mjs defines CROSSREAD_ISOLATE_WORKER as the
 * worker's file name in each bundle that contains the core, and puts that worker beside it: the CLI
 * and the browser-mode server (out/node/cli.mjs → out/node/isolate-worker.mjs) and the desktop main
 * process (out/electron/main.cjs → out/electron/isolate-worker.cjs; Electron reads workers from
 * inside app.asar). Run from source (the unit tests), the core uses the Node build in out/node, which
 * `npm run build` makes before the tests run.
 */
import fs from 'node:fs';
import path from 'node:path';

declare const CROSSREAD_ISOLATE_WORKER: string | undefined;

export function defaultWorkerFile(): string {
  const file =
    typeof CROSSREAD_ISOLATE_WORKER === 'string'
      ? path.join(bundleDir(), CROSSREAD_ISOLATE_WORKER)
      : path.resolve(bundleDir(), '../../../out/node/isolate-worker.mjs');
  if (!fs.existsSync(file)) {
    throw new Error(`the isolate worker ${file} is missing: run \`npm run build\``);
  }
  return file;
}

/** The folder of the running bundle (or of this source file). */
function bundleDir(): string {
  // CommonJS (the desktop main bundle) and Vitest both provide __dirname; an ES module bundle does not.
  return typeof __dirname === 'string' ? __dirname : import.meta.dirname;
}
