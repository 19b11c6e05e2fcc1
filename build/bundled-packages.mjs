// What the bundles are made of, by npm package: the list `npm test` checks against package.json
// (tests/unit/packaging/bundled-dependencies.test.ts), so that everything that runs inside the
// product is a production dependency that `npm audit --omit=dev` looks at.
import path from 'node:path';

/** The package a module file belongs to ("…/node_modules/@scope/name/lib/x.js" → "@scope/name"), or null for our own code. */
export function packageOf(file) {
  const normalised = file.replace(/\\/g, '/').replace(/^\0/, '').split('?')[0];
  const at = normalised.lastIndexOf('node_modules/');
  if (at < 0) return null;
  const [first, second] = normalised.slice(at + 'node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

function listing(modules) {
  const packages = new Set();
  const direct = new Set();
  for (const [file, imports] of modules) {
    const own = packageOf(file);
    if (own) packages.add(own);
    else for (const imported of imports) {
      const name = packageOf(imported);
      if (name) direct.add(name);
    }
  }
  return { packages: [...packages].sort(), direct: [...direct].sort() };
}

/** The listing of one esbuild bundle, from its metafile. */
export function fromMetafile(metafile) {
  return listing(Object.entries(metafile.inputs).map(([file, input]) => [file, input.imports.filter((i) => !i.external).map((i) => i.path)]));
}

/** A Vite plugin that hands the listing of the renderer bundle to `collect` when the bundle is written. */
export function bundledPackagesPlugin(collect) {
  return {
    name: 'crossread-bundled-packages',
    generateBundle() {
      const modules = [...this.getModuleIds()].map((id) => [id, this.getModuleInfo(id)?.importedIds ?? []]);
      collect(listing(modules.filter(([id]) => path.isAbsolute(id.replace(/^\0/, '')))));
    },
  };
}
