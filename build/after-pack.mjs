// electron-builder's afterPack hook: on Linux, where Electron's asar integrity fuse checks nothing,
// write the checksum list the app verifies at start (electron/integrity.ts, bundled by build.mjs).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default async function afterPack(context) {
  if (context.electronPlatformName !== 'linux') return;
  const { writeIntegrityList } = await import(pathToFileURL(path.join(root, 'out', 'build', 'integrity.mjs')).href);
  await writeIntegrityList(path.join(context.appOutDir, 'resources'));
}
