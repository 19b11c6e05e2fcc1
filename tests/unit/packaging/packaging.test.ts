/**
 * The electron-builder configuration, checked without building an installer (that needs the
 * Electron download): electron-builder's own schema validation, the `files` globs resolved with
 * electron-builder's own matchers against the built out/ to exactly what the app needs, the
 * native module unpacked from asar, the fuses of release builds, and the file associations.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const require = createRequire(path.join(ROOT, 'package.json'));

interface Configuration {
  appId?: string;
  files?: string[];
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  extraResources?: { from: string; to: string }[];
  electronFuses?: Record<string, boolean>;
  fileAssociations?: { ext: string; name: string; mimeType?: string }[];
  directories?: { output?: string; buildResources?: string };
  linux?: { target?: string[] };
  win?: { target?: string };
  mac?: { target?: string };
}
interface Stat {
  isDirectory(): boolean;
  moduleFullFilePath?: string;
}
interface FileMatcherLike {
  patterns: string[];
  createFilter(): (file: string, stat: Stat) => boolean;
  isEmpty(): boolean;
}
interface BuilderInternals {
  getConfig(projectDir: string, configPath: string | null, options: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
  DebugLogger: new (enabled: boolean) => { isEnabled: boolean };
  getMainFileMatchers(...args: unknown[]): FileMatcherLike[];
  getNodeModuleFileMatcher(...args: unknown[]): FileMatcherLike;
}

// electron-builder's own code, not a re-implementation: its config loader and schema, and the
// matchers its packager builds from `files` (app files, and the excludes applied to node_modules).
function builder(): BuilderInternals {
  const config = require('app-builder-lib/out/util/config/config') as Pick<BuilderInternals, 'getConfig' | 'validateConfiguration'>;
  const matchers = require('app-builder-lib/out/fileMatcher') as Pick<BuilderInternals, 'getMainFileMatchers' | 'getNodeModuleFileMatcher'>;
  const util = require('builder-util') as Pick<BuilderInternals, 'DebugLogger'>;
  return { ...config, ...matchers, ...util };
}

const PLATFORM = process.platform;
const ARCH = process.arch;
const expandMacros = (pattern: string) => pattern.replace(/\$\{platform\}/g, PLATFORM).replace(/\$\{arch\}/g, ARCH).replace(/\$\{os\}/g, PLATFORM);

function walk(dir: string, skip: (rel: string) => boolean, base = dir, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(base, full).split(path.sep).join('/');
    if (skip(rel)) continue;
    if (entry.isDirectory()) walk(full, skip, base, out);
    else out.push(rel);
  }
  return out;
}

/** The production dependency tree as npm installed it: package.json dependencies, transitively. */
function productionModules(): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
    if (!fs.existsSync(manifest)) return; // an optional dependency not installed here
    seen.add(name);
    const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep);
  };
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies)) visit(dep);
  return [...seen].sort();
}

let config: Configuration;
let packaged: string[];

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'out', 'electron', 'main.cjs'))) throw new Error('out/ is missing: run `npm run build` before the unit tests.');
  const b = builder();
  config = await b.getConfig(ROOT, null, null);
  const logger = new b.DebugLogger(false);
  const info = { projectDir: ROOT, buildResourcesDir: config.directories?.buildResources ?? 'build', config, isPrepackedAppAsar: false, debugLogger: logger };
  const outDir = path.join(ROOT, config.directories?.output ?? 'dist');

  // App files: what the packager's main matcher lets through, walking the project like it does.
  const [main] = b.getMainFileMatchers(ROOT, '/app', expandMacros, {}, { info }, outDir, false);
  const appFilter = main!.createFilter();
  const appFiles = walk(ROOT, (rel) => rel === '.git' || rel === 'node_modules' || !appFilter(path.join(ROOT, rel), fs.statSync(path.join(ROOT, rel))));

  // Production modules: each module's files through the node_modules matcher, as NodeModuleCopyHelper applies it.
  const moduleMatcher = b.getNodeModuleFileMatcher(ROOT, '/app', expandMacros, {}, info);
  const moduleFilter = moduleMatcher.isEmpty() ? () => true : moduleMatcher.createFilter();
  const moduleFiles: string[] = [];
  for (const name of productionModules()) {
    const dir = path.join(ROOT, 'node_modules', name);
    for (const rel of walk(dir, (r) => {
      const stat: Stat = fs.statSync(path.join(dir, r));
      stat.moduleFullFilePath = `node_modules/${name}/${r}`;
      return !moduleFilter(path.join(dir, r), stat);
    })) {
      moduleFiles.push(`node_modules/${name}/${rel}`);
    }
  }
  packaged = [...appFiles, ...moduleFiles].sort();
}, 60_000);

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation, which does refuse a broken one', async () => {
    const b = builder();
    await expect(b.validateConfiguration(config, new b.DebugLogger(false))).resolves.toBeUndefined();
    await expect(b.validateConfiguration({ ...config, fileAssociations: [{ ext: 'x', name: 'x', bogus: 1 } as never] }, new b.DebugLogger(false))).rejects.toThrow(/bogus/);
  });

  it('builds installers for Linux (AppImage, deb), Windows (NSIS) and macOS (dmg) under one app id, with an icon', () => {
    expect(config.appId).toBe('org.crossread.desktop');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toBe('dmg');
    const icon = fs.readFileSync(path.join(ROOT, config.directories!.buildResources!, 'icon.png'));
    // PNG signature, then IHDR width and height: electron-builder derives .ico/.icns from a 512 px PNG.
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder/);
  });

  it('packs exactly the built app and better-sqlite3’s runtime files', () => {
    const renderer = fs.readdirSync(path.join(ROOT, 'out', 'renderer', 'assets')).map((f) => `out/renderer/assets/${f}`);
    const sqliteLib = fs.readdirSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'lib'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    expect(packaged).toEqual(
      [
        'package.json',
        'out/electron/main.cjs',
        'out/electron/preload.cjs',
        'out/electron/core-host.cjs',
        'out/electron/isolate-worker.cjs',
        'out/renderer/index.html',
        ...renderer.filter((f) => !f.endsWith('.map')),
        'node_modules/better-sqlite3/package.json',
        'node_modules/better-sqlite3/LICENSE',
        'node_modules/better-sqlite3/README.md',
        ...sqliteLib,
        `node_modules/better-sqlite3/prebuilds/${PLATFORM}-${ARCH}.node`,
      ]
        .filter((f) => fs.existsSync(path.join(ROOT, f)))
        .sort(),
    );
  });

  it('packs nothing from tests or sources, no TypeScript, no source maps, no dev dependency', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(packaged.length).toBeGreaterThan(5);
    expect(packaged.filter((f) => /^(tests|electron|renderer|shared|build|resources|docs)\//.test(f))).toEqual([]);
    expect(packaged.filter((f) => /\.(ts|tsx|map)$/.test(f))).toEqual([]);
    expect(packaged.filter((f) => Object.keys(pkg.devDependencies).some((d) => f.startsWith(`node_modules/${d}/`)))).toEqual([]);
    expect(packaged.filter((f) => /^node_modules\/better-sqlite3\/(deps|src)\//.test(f))).toEqual([]);
  });

  it('keeps every module the bundles load at run time external and shipped, and ships no other module', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // What the desktop bundles require by bare name (node: builtins, electron and original-fs aside,
    // which Electron itself provides) must be a production dependency and packed; everything else is
    // bundled, so its node_modules copy stays out. Main loads better-sqlite3 too, for when the core
    // falls back to running there.
    const builtins = new Set(require('node:module').builtinModules as string[]);
    const required = new Set<string>();
    for (const bundle of ['main.cjs', 'core-host.cjs', 'isolate-worker.cjs']) {
      const code = fs.readFileSync(path.join(ROOT, 'out', 'electron', bundle), 'utf8');
      for (const m of code.matchAll(/\brequire\("([^"./][^"]*)"\)/g)) {
        const name = m[1]!;
        if (!name.startsWith('node:') && name !== 'electron' && name !== 'original-fs' && !builtins.has(name)) required.add(name);
      }
    }
    expect([...required].sort()).toEqual(['better-sqlite3']);
    for (const name of required) expect(Object.keys(pkg.dependencies)).toContain(name);
    const shipped = new Set(packaged.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/')[1]!));
    expect([...shipped].sort()).toEqual([...required].sort());
  });

  it('unpacks the native SQLite binding from asar, and ships the sample corpus beside it', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    const native = packaged.filter((f) => f.endsWith('.node'));
    expect(native).toEqual([`node_modules/better-sqlite3/prebuilds/${PLATFORM}-${ARCH}.node`]);
    // The packed prebuild is the one this machine's better-sqlite3 loads.
    const { getPrebuildPath } = require(path.join(ROOT, 'node_modules', 'better-sqlite3', 'lib', 'binding.js')) as { getPrebuildPath(): string | null };
    const loaded = getPrebuildPath();
    if (loaded !== null) expect(path.relative(ROOT, loaded).split(path.sep).join('/')).toBe(native[0]);
    const { Minimatch } = require('minimatch') as { Minimatch: new (p: string) => { match(s: string): boolean } };
    for (const file of native) expect(config.asarUnpack!.some((p) => new Minimatch(p).match(file)), file).toBe(true);
    expect(config.extraResources).toEqual([{ from: 'resources/sample', to: 'sample' }]);
    expect(fs.existsSync(path.join(ROOT, 'resources', 'sample', 'manifest.json'))).toBe(true);
  });

  it('sets the release fuses: no run-as-node, no inspector or NODE_OPTIONS, encrypted cookies, asar integrity, app only from asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Fuses are flipped in the packaged binary only: the development build the tests drive runs
    // the stock Electron from node_modules, with the app from the repo rather than an asar.
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('out/electron/main.cjs');
    expect(fs.readFileSync(path.join(ROOT, 'build', 'start.mjs'), 'utf8')).not.toMatch(/electron-builder|fuses/i);
  });

  it('associates project files with the app', () => {
    expect(config.fileAssociations?.map((a) => a.ext)).toEqual(['crossread']);
    for (const a of config.fileAssociations ?? []) expect(a.mimeType, a.ext).toMatch(/^application\/x-crossread/);
  });
});
