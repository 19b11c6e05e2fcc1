/** The Linux installation check: the checksum list written at packaging and verified at start. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INTEGRITY_FILE, integrityProblem, writeIntegrityList } from '../../../electron/integrity';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A packaged app's resources folder, as electron-builder lays it out on Linux. */
function resources(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-resources-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'app.asar'), Buffer.from('asar archive bytes'));
  const native = path.join(dir, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds');
  fs.mkdirSync(native, { recursive: true });
  fs.writeFileSync(path.join(native, 'linux-x64.node'), Buffer.from('native module'));
  return dir;
}
const open = (file: string) => fs.createReadStream(file);

describe('the Linux installation check', () => {
  it('accepts the files it was written for', async () => {
    const dir = resources();
    await writeIntegrityList(dir);
    const list = JSON.parse(fs.readFileSync(path.join(dir, INTEGRITY_FILE), 'utf8'));
    expect(Object.keys(list.files)).toEqual(['app.asar', 'app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node']);
    expect(await integrityProblem(dir, open)).toBeNull();
  });

  it('a replaced native module outside the asar archive is caught, though no fuse covers it', async () => {
    const dir = resources();
    await writeIntegrityList(dir);
    fs.writeFileSync(path.join(dir, 'app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node'), Buffer.from('other code'));
    expect(await integrityProblem(dir, open)).toBe('app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node has changed');
  });

  it('a changed app.asar, an added file, a removed file and a missing list are each refused by name', async () => {
    const dir = resources();
    await writeIntegrityList(dir);
    fs.appendFileSync(path.join(dir, 'app.asar'), 'x');
    expect(await integrityProblem(dir, open)).toBe('app.asar has changed');

    const added = resources();
    await writeIntegrityList(added);
    fs.writeFileSync(path.join(added, 'app.asar.unpacked', 'extra.node'), 'x');
    expect(await integrityProblem(added, open)).toBe('app.asar.unpacked/extra.node is not part of this installation');

    const removed = resources();
    await writeIntegrityList(removed);
    fs.rmSync(path.join(removed, 'app.asar.unpacked'), { recursive: true });
    expect(await integrityProblem(removed, open)).toBe('app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node is missing');

    expect(await integrityProblem(resources(), open)).toBe('integrity.json is missing or unreadable');
  });
});
