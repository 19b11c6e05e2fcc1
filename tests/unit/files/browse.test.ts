/**
 * The project browser's listing of a folder: a folder with more entries than it lists still lets
 * the user reach every entry, by finding part of a name before the listing is cut.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFolder, MAX_LISTED } from '../../../electron/core/files/browse';
import { Handles } from '../../../electron/core/files/handles';
import { tempDir } from '../core/helpers';

function crowdedFolder(extra: number): string {
  const dir = tempDir();
  for (let i = 0; i < MAX_LISTED + extra; i++) fs.mkdirSync(path.join(dir, `f${String(i).padStart(5, '0')}`));
  return dir;
}

describe('the project browser’s folder listing', () => {
  it('a folder with more entries than the browser lists: finding part of a name reaches one past the cut', () => {
    const dir = crowdedFolder(3);
    fs.writeFileSync(path.join(dir, 'zz-Kazakhstan.crossread'), '');
    const handles = new Handles();

    const all = listFolder(handles, dir);
    expect(all.entries).toHaveLength(MAX_LISTED);
    expect(all.truncated).toBe(4);
    expect(all.entries.some((e) => e.name === 'zz-Kazakhstan.crossread')).toBe(false);

    const found = listFolder(handles, dir, 'KAZAKH');
    expect(found.entries.map((e) => [e.name, e.kind])).toEqual([['zz-Kazakhstan.crossread', 'project']]);
    expect(found.truncated).toBe(0);
    expect(handles.resolve(found.entries[0]!.id, 'project')).toBe(path.join(dir, 'zz-Kazakhstan.crossread'));

    const last = listFolder(handles, dir, `f${String(MAX_LISTED + 2).padStart(5, '0')}`);
    expect(last.entries.map((e) => e.name)).toEqual([`f${String(MAX_LISTED + 2).padStart(5, '0')}`]);
  });

  it('finding compares names in any case and in either Unicode form, and blank text finds everything', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'Проекты'));
    fs.mkdirSync(path.join(dir, 'Café'.normalize('NFD')));
    fs.mkdirSync(path.join(dir, 'other'));
    const handles = new Handles();
    expect(listFolder(handles, dir, 'проЕК').entries.map((e) => e.name)).toEqual(['Проекты']);
    expect(listFolder(handles, dir, 'CAFÉ'.normalize('NFC')).entries).toHaveLength(1);
    expect(listFolder(handles, dir, '   ').entries).toHaveLength(3);
    expect(listFolder(handles, dir, 'nothing').entries).toEqual([]);
  });
});
