// `npm start`: check that Electron can run here, then build everything and run the desktop app
// from the repo root. The checks come first (build/electron-check.mjs), so a machine that cannot
// run Electron learns it in a second instead of after a full build.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDesktop, systemProbe } from './electron-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function build() {
  const result = spawnSync(process.execPath, [path.join(root, 'build', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`Build could not start: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function launch(electron) {
  // ELECTRON_RUN_AS_NODE, if inherited, would make Electron behave as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
  return null;
}

const code = startDesktop({
  packageDir: path.dirname(createRequire(import.meta.url).resolve('electron/package.json')),
  platform: process.platform,
  probe: systemProbe,
  build,
  launch,
  print: { info: (text) => console.log(text), error: (text) => console.error(text) },
});
if (code !== null) process.exit(code);
