// What `npm start` checks before it builds anything: that the Electron binary is here (fetching
// it if not: Electron 45 downloads it on the first `require('electron')` or `npm start`, not at
// `npm install`), and on Linux that Chromium's sandbox can start. Pure functions over what they
// are given, so tests/unit/shell/electron-check.test.ts can drive them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The binary that node_modules/electron's path.txt names, when it exists; no download is tried. */
export function installedElectron(packageDir) {
  try {
    const relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(packageDir, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * Runs Electron's own installer (the documented `install-electron`). Returns null when it
 * worked, else the short reason it gave (its first line, without the error's class name).
 */
export function downloadElectron(packageDir, { timeoutMs = 600_000, run = spawnSync } = {}) {
  const result = run(process.execPath, [path.join(packageDir, 'install.js')], { encoding: 'utf8', timeout: timeoutMs });
  if (result.status === 0) return null;
  if (result.error) return result.error.code === 'ETIMEDOUT' ? 'no answer from the download server' : result.error.message;
  const first = `${result.stderr ?? ''}`.trim().split('\n')[0] ?? '';
  return first.replace(/^[A-Za-z]*Error:\s*/, '') || `the installer stopped with exit code ${result.status}`;
}

export function downloadFailedMessage(reason) {
  return (
    `Crossread could not download Electron, the desktop runtime it runs in (about 100 MB; npm fetches it ` +
    `on the first \`npm start\`, not at \`npm install\`). The download failed: ${reason}. It needs access ` +
    `to github.com, or to a mirror named in the ELECTRON_MIRROR environment variable. Run \`npm start\` ` +
    `again once that works, or run \`npm run browser\` to use Crossread in your web browser, which needs no download.`
  );
}

/**
 * Why Chromium's sandbox cannot start on this Linux machine, or null. It needs either unprivileged
 * user namespaces or a setuid-root chrome-sandbox helper; Ubuntu 23.10 and later (and other
 * AppArmor systems) restrict those namespaces to programs an AppArmor profile allows, and Electron
 * then aborts at start (electron/electron#42510).
 * `probe` supplies: readText(file) → string | null, stat(file) → { uid, mode } | null,
 * profiles() → texts of the files in /etc/apparmor.d.
 */
export function sandboxProblem({ platform, electronBinary, probe }) {
  if (platform !== 'linux') return null;
  const helper = path.join(path.dirname(electronBinary), 'chrome-sandbox');
  const info = probe.stat(helper);
  // A setuid-root helper works whatever the namespace policy.
  if (info && info.uid === 0 && (info.mode & 0o4755) === 0o4755) return null;
  const apparmorRestricts = probe.readText('/proc/sys/kernel/apparmor_restrict_unprivileged_userns')?.trim() === '1';
  const debianRestricts = probe.readText('/proc/sys/kernel/unprivileged_userns_clone')?.trim() === '0';
  if (!apparmorRestricts && !debianRestricts) return null;
  if (apparmorRestricts && !debianRestricts && probe.profiles().some((text) => text.includes(`"${electronBinary}"`) && /\buserns\b/.test(text))) return null;
  return { helper, apparmor: apparmorRestricts };
}

/** The one message `npm start` prints for a sandbox problem: what is wrong and exactly what to do. */
export function sandboxMessage({ helper, apparmor }, electronBinary) {
  const lines = [
    `Electron cannot start here: this system blocks the unprivileged user namespaces Chromium's sandbox needs` +
      `${apparmor ? ' (AppArmor, as on Ubuntu 23.10 and later)' : ''}, and ${helper} is not owned by root with mode 4755.`,
    'Do one of these once, then run `npm start` again:',
  ];
  if (apparmor) {
    lines.push(
      '',
      '  1. Allow this Electron through AppArmor (what the Crossread .deb does for the installed app):',
      '',
      `     sudo tee /etc/apparmor.d/crossread-dev-electron >/dev/null <<'EOF'`,
      ...appArmorProfile('crossread-dev-electron', electronBinary).split('\n').map((line) => `     ${line}`),
      '     EOF',
      '     sudo apparmor_parser -r /etc/apparmor.d/crossread-dev-electron',
    );
  }
  lines.push(
    '',
    `  ${apparmor ? '2' : '1'}. Or make the sandbox helper setuid root:`,
    '',
    `     sudo chown root:root '${helper}' && sudo chmod 4755 '${helper}'`,
    '',
    'Or run `npm run browser` to use Crossread in your web browser. Do not turn the sandbox off (--no-sandbox): the page would then run unconfined.',
  );
  return lines.join('\n');
}

/** An AppArmor profile that lets `binary` create user namespaces and confines nothing else (the one Ubuntu ships for browsers). */
export function appArmorProfile(name, binary) {
  return ['abi <abi/4.0>,', 'include <tunables/global>', '', `profile ${name} "${binary}" flags=(unconfined) {`, '  userns,', '', `  include if exists <local/${name}>`, '}'].join('\n');
}

/**
 * The order `npm start` follows: Electron present (downloaded if need be), its sandbox able to
 * start, and only then the build and the launch. Returns the exit code when it stops early, else
 * what `launch` returns. Every effect is passed in, so the order can be tested.
 */
export function startDesktop({ packageDir, platform, probe, download = downloadElectron, build, launch, print }) {
  let electron = installedElectron(packageDir);
  if (electron === null) {
    print.info('Downloading Electron (once, about 100 MB)…');
    const failure = download(packageDir);
    electron = failure === null ? installedElectron(packageDir) : null;
    if (electron === null) {
      print.error(`\n${downloadFailedMessage(failure ?? 'the installer reported success but left no binary')}\n`);
      return 1;
    }
  }
  const problem = sandboxProblem({ platform, electronBinary: electron, probe });
  if (problem !== null) {
    print.error(`\n${sandboxMessage(problem, electron)}\n`);
    return 1;
  }
  const built = build();
  if (built !== 0) return built;
  return launch(electron);
}

/** The real machine, for `npm start`. */
export const systemProbe = {
  readText: (file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  },
  stat: (file) => {
    try {
      const { uid, mode } = fs.statSync(file);
      return { uid, mode };
    } catch {
      return null;
    }
  },
  profiles: () => {
    try {
      const dir = '/etc/apparmor.d';
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => systemProbe.readText(path.join(dir, entry.name)) ?? '');
    } catch {
      return [];
    }
  },
};
