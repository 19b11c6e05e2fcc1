// `npm start`: build everything, then run the desktop app from the repo root.
// Electron's npm package downloads its binary at install time; where that was impossible
// (offline machines, some CI), say so and point at browser mode instead of failing obscurely.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const build = spawnSync(process.execPath, [path.join(root, 'build', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.error) {
  console.error(`Build could not start: ${build.error.message}`);
  process.exit(1);
}
if (build.status !== 0) process.exit(build.status ?? 1);

/** The Electron executable, or null when its binary is not on this machine. */
function findElectron() {
  try {
    // The 'electron' package exports the binary's path; it throws (after trying to download
    // the binary once more) when there is none.
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electron = findElectron();
if (electron === null) {
  console.error(
    '\nElectron is not installed on this machine (its binary could not be downloaded). ' +
      'Run `npm run browser` to use Crossread in your browser instead.',
  );
  process.exit(1);
}

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
