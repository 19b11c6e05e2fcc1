/** `npm start`'s checks (build/electron-check.mjs): Electron first, its sandbox next, the build last. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadElectron, sandboxMessage, sandboxProblem, startDesktop } from '../../../build/electron-check.mjs';
import type { Probe } from '../../../build/electron-check.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** node_modules/electron as `npm install` leaves it (no binary), or after a download. */
function electronPackage(downloaded: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-electron-pkg-'));
  dirs.push(dir);
  if (downloaded) fakeDownload(dir);
  return dir;
}
function fakeDownload(dir: string): null {
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
  fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
  return null;
}

const UBUNTU_24: Probe = {
  readText: (file) => (file.endsWith('apparmor_restrict_unprivileged_userns') ? '1\n' : null),
  stat: () => ({ uid: 1000, mode: 0o100755 }),
  profiles: () => [],
};
const UNRESTRICTED: Probe = { readText: () => null, stat: () => null, profiles: () => [] };

function run(packageDir: string, probe: Probe, download: (dir: string) => string | null) {
  const steps: string[] = [];
  const printed: string[] = [];
  const code = startDesktop({
    packageDir,
    platform: 'linux',
    probe,
    download: (dir) => {
      steps.push('download');
      return download(dir);
    },
    build: () => (steps.push('build'), 0),
    launch: (binary) => (steps.push(`launch ${path.basename(binary)}`), null),
    print: { info: (text) => printed.push(text), error: (text) => printed.push(text) },
  });
  return { code, steps, printed: printed.join('\n') };
}

describe('npm start', () => {
  it('where Electron cannot be downloaded, says so in one clear paragraph before building anything', () => {
    const { code, steps, printed } = run(electronPackage(false), UNRESTRICTED, () => 'fetch failed');
    expect(code).toBe(1);
    expect(steps).toEqual(['download']);
    expect(printed).toContain('The download failed: fetch failed.');
    expect(printed).toContain('on the first `npm start`, not at `npm install`');
    expect(printed).toContain('npm run browser');
    expect(printed).not.toMatch(/TypeError|\n {4}at /);
  });

  it('downloads Electron on the first start, then builds and launches', () => {
    expect(run(electronPackage(false), UNRESTRICTED, fakeDownload).steps).toEqual(['download', 'build', 'launch electron']);
    expect(run(electronPackage(true), UNRESTRICTED, fakeDownload).steps).toEqual(['build', 'launch electron']);
  });

  it('on Ubuntu 23.10+ without a sandbox profile or a setuid helper, says exactly what to do instead of letting Electron abort', () => {
    const dir = electronPackage(true);
    const { code, steps, printed } = run(dir, UBUNTU_24, fakeDownload);
    expect(code).toBe(1);
    expect(steps).toEqual([]);
    const binary = path.join(dir, 'dist', 'electron');
    const helper = path.join(dir, 'dist', 'chrome-sandbox');
    expect(printed).toContain(`profile crossread-dev-electron "${binary}" flags=(unconfined) {`);
    expect(printed).toContain('sudo apparmor_parser -r /etc/apparmor.d/crossread-dev-electron');
    expect(printed).toContain(`sudo chown root:root '${helper}' && sudo chmod 4755 '${helper}'`);
  });

  it('the sandbox starts with a setuid-root helper, with a profile for this Electron, or where namespaces are not restricted', () => {
    const binary = '/repo/node_modules/electron/dist/electron';
    expect(sandboxProblem({ platform: 'linux', electronBinary: binary, probe: { ...UBUNTU_24, stat: () => ({ uid: 0, mode: 0o104755 }) } })).toBeNull();
    const profile = `profile crossread-dev-electron "${binary}" flags=(unconfined) {\n  userns,\n}`;
    expect(sandboxProblem({ platform: 'linux', electronBinary: binary, probe: { ...UBUNTU_24, profiles: () => [profile] } })).toBeNull();
    expect(sandboxProblem({ platform: 'linux', electronBinary: binary, probe: UNRESTRICTED })).toBeNull();
    expect(sandboxProblem({ platform: 'darwin', electronBinary: binary, probe: UBUNTU_24 })).toBeNull();
    // Debian's older switch has no AppArmor answer: only the setuid helper is offered.
    const debian: Probe = { ...UNRESTRICTED, readText: (file) => (file.endsWith('unprivileged_userns_clone') ? '0' : null) };
    const problem = sandboxProblem({ platform: 'linux', electronBinary: binary, probe: debian });
    expect(problem).toEqual({ helper: '/repo/node_modules/electron/dist/chrome-sandbox', apparmor: false });
    expect(sandboxMessage(problem!, binary)).not.toContain('apparmor_parser');
  });

  it('a download that never answers gives up with a reason instead of hanging', () => {
    const reason = downloadElectron('/nowhere', {
      timeoutMs: 5,
      run: () => ({ status: null, error: Object.assign(new Error('spawnSync node ETIMEDOUT'), { code: 'ETIMEDOUT' }) }),
    });
    expect(reason).toBe('no answer from the download server');
    expect(downloadElectron('/nowhere', { run: () => ({ status: 1, stderr: 'TypeError: fetch failed\n    at node:internal/deps/undici' }) })).toBe('fetch failed');
  });
});
