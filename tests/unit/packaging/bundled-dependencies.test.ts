/**
 * What ships inside the bundles is what `npm audit --omit=dev` audits: every npm package the build
 * put into a bundle (out/bundled-packages.json, written by build/build.mjs from esbuild's metafile
 * and Vite's module graph) must be a production dependency, and every package our own code imports
 * must be listed in package.json `dependencies` by name. The packaging test keeps their node_modules
 * copies out of the installer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

interface Listing {
  /** Every package with a module in the bundle. */
  packages: string[];
  /** The packages our own code imports. */
  direct: string[];
}
type Bundles = Record<string, Listing>;
interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** The installed package `name` as Node resolves it from `fromDir`: the nearest node_modules up the tree. */
function resolvePackage(fromDir: string, name: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === ROOT || path.dirname(dir) === dir) return null;
  }
}

/** Names of the packages npm counts as production: `dependencies`, transitively (peers and optionals included). */
function productionClosure(manifest: Manifest): Set<string> {
  const names = new Set<string>();
  const seenDirs = new Set<string>();
  const visit = (fromDir: string, deps: Manifest) => {
    for (const name of Object.keys({ ...deps.dependencies, ...deps.optionalDependencies, ...deps.peerDependencies })) {
      const dir = resolvePackage(fromDir, name);
      if (!dir || seenDirs.has(dir)) continue;
      seenDirs.add(dir);
      names.add(name);
      visit(dir, readJson<Manifest>(path.join(dir, 'package.json')));
    }
  };
  visit(ROOT, { dependencies: manifest.dependencies });
  return names;
}

/** What is wrong with the package.json for these bundles; empty when nothing is. */
function dependencyProblems(bundles: Bundles, manifest: Manifest, closure: Set<string>, external: string[]): string[] {
  const listed = new Set(Object.keys(manifest.dependencies ?? {}));
  const problems: string[] = [];
  const used = new Set(external);
  for (const [bundle, listing] of Object.entries(bundles)) {
    for (const name of listing.packages) {
      used.add(name);
      if (!closure.has(name)) problems.push(`${bundle} contains ${name}, which is not a production dependency`);
    }
    for (const name of listing.direct) {
      if (!listed.has(name)) problems.push(`${bundle}: our code imports ${name}, which package.json does not list in dependencies`);
    }
  }
  for (const name of listed) if (!used.has(name)) problems.push(`${name} is a dependency but no bundle contains or loads it`);
  return problems;
}

function builtBundles(): Bundles {
  const file = path.join(ROOT, 'out', 'bundled-packages.json');
  if (!fs.existsSync(file)) throw new Error('out/bundled-packages.json is missing: run `npm run build` before the unit tests.');
  return readJson<Bundles>(file);
}

describe('bundled packages are production dependencies', () => {
  const manifest = readJson<Manifest>(path.join(ROOT, 'package.json'));

  it('lists every package inside the shipped bundles as a production dependency, and no dependency that ships nowhere', () => {
    const bundles = builtBundles();
    expect(Object.keys(bundles).sort()).toEqual([
      'out/electron/core-host.cjs',
      'out/electron/isolate-worker.cjs',
      'out/electron/main.cjs',
      'out/electron/preload.cjs',
      'out/node/cli.mjs',
      'out/node/isolate-worker.mjs',
      'out/renderer',
    ]);
    // The libraries that read untrusted files and draw the UI are really in there.
    expect(bundles['out/node/isolate-worker.mjs']!.direct).toEqual(expect.arrayContaining(['mammoth', 'jszip', 'htmlparser2', 'markdown-it']));
    expect(bundles['out/renderer']!.direct).toEqual(expect.arrayContaining(['react', 'lexical', 'zod']));
    expect(dependencyProblems(bundles, manifest, productionClosure(manifest), ['better-sqlite3'])).toEqual([]);
  });

  it('the check catches a bundled package that is only a devDependency, and an unlisted direct import', () => {
    const bundles: Bundles = { 'out/node/cli.mjs': { packages: ['zod', 'vitest', 'pako'], direct: ['zod', 'pako'] } };
    const closure = productionClosure(manifest);
    expect(closure.has('pako')).toBe(true); // through mammoth and jszip
    const problems = dependencyProblems(bundles, manifest, closure, Object.keys(manifest.dependencies ?? {}));
    expect(problems).toEqual([
      'out/node/cli.mjs contains vitest, which is not a production dependency',
      'out/node/cli.mjs: our code imports pako, which package.json does not list in dependencies',
    ]);
  });

  it('package-lock.json records the same production dependencies as package.json', () => {
    const lock = readJson<{ packages: Record<string, Manifest & { dev?: boolean }> }>(path.join(ROOT, 'package-lock.json'));
    expect(lock.packages['']!.dependencies).toEqual(manifest.dependencies);
    for (const name of Object.keys(manifest.dependencies ?? {})) expect(lock.packages[`node_modules/${name}`]?.dev, name).toBeUndefined();
  });
});
