/**
 * Linux packaging: the sandbox's AppArmor profile shipped with the .deb, the desktop file name,
 * and the installation checksum list written at packaging (Linux has no asar integrity fuse).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { integrityProblem } from '../../../electron/integrity';

const ROOT = path.resolve(__dirname, '../../..');
const require = createRequire(path.join(ROOT, 'package.json'));

interface LinuxConfig {
  afterPack?: string;
  linux?: { executableName?: string; syncDesktopName?: boolean };
  deb?: { appArmorProfile?: string };
}
async function config(): Promise<LinuxConfig> {
  const { getConfig } = require('app-builder-lib/out/util/config/config') as { getConfig(dir: string, file: null, options: null): Promise<LinuxConfig> };
  return getConfig(ROOT, null, null);
}

describe('Linux packages', () => {
  it('the .deb ships an AppArmor profile that lets the installed app create the user namespaces its sandbox needs', async () => {
    const { deb, linux } = await config();
    const profile = fs.readFileSync(path.join(ROOT, deb!.appArmorProfile!), 'utf8');
    // electron-builder fills in the template like this (its macros: executable, sanitizedProductName).
    const rendered = profile.replace(/\$\{(\w+)\}/g, (_m, name: string) => ({ executable: linux!.executableName!, sanitizedProductName: 'Crossread' })[name] ?? `<undefined ${name}>`);
    expect(rendered).not.toContain('<undefined');
    expect(rendered).toMatch(/^profile "crossread" "\/opt\/Crossread\/crossread" flags=\(unconfined\) \{$/m);
    expect(rendered).toMatch(/^\s+userns,$/m);
    expect(rendered).toMatch(/^abi <abi\/4\.0>,$/m);
    // electron-builder's post-install script is what installs and loads it.
    const afterInstall = fs.readFileSync(require.resolve('app-builder-lib/templates/linux/after-install.tpl'), 'utf8');
    expect(afterInstall).toContain("APPARMOR_PROFILE_SOURCE='/opt/${sanitizedProductName}/resources/apparmor-profile'");
    expect(afterInstall).toContain('apparmor_parser --replace');
  });

  it('names the desktop file after package.json’s desktopName, which Electron uses as the window’s app id', async () => {
    const { linux } = await config();
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { desktopName?: string };
    expect(pkg.desktopName).toBe(`${linux!.executableName}.desktop`);
    expect(linux!.syncDesktopName).toBe(true);
  });

  it('writes the installation checksum list after packing a Linux app, and only there', async () => {
    const { afterPack } = await config();
    expect(afterPack).toBe('./build/after-pack.mjs');
    const hook = (await import(pathToFileURL(path.join(ROOT, afterPack!)).href)) as { default(context: { electronPlatformName: string; appOutDir: string }): Promise<void> };
    const appOutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-linux-unpacked-'));
    const resources = path.join(appOutDir, 'resources');
    fs.mkdirSync(path.join(resources, 'app.asar.unpacked'), { recursive: true });
    fs.writeFileSync(path.join(resources, 'app.asar'), 'archive');
    fs.writeFileSync(path.join(resources, 'app.asar.unpacked', 'better_sqlite3.node'), 'native');

    await hook.default({ electronPlatformName: 'darwin', appOutDir });
    expect(fs.existsSync(path.join(resources, 'integrity.json'))).toBe(false);
    await hook.default({ electronPlatformName: 'linux', appOutDir });
    expect(await integrityProblem(resources, (file) => fs.createReadStream(file))).toBeNull();
    fs.writeFileSync(path.join(resources, 'app.asar.unpacked', 'better_sqlite3.node'), 'swapped');
    expect(await integrityProblem(resources, (file) => fs.createReadStream(file))).toBe('app.asar.unpacked/better_sqlite3.node has changed');
    fs.rmSync(appOutDir, { recursive: true, force: true });
  });
});
