/**
 * The server-side file browser: one folder at a time, showing only what a project dialog needs —
 * sub-folders and `.crossread` files. Hidden entries (a leading dot) are left out, as file dialogs
 * do by default. Every entry travels as a handle (handles.ts), never as a path the page sends back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FolderEntry, FolderListing } from '../../../shared/contract';
import { AppError } from '../errors';
import { displayName } from './read';
import type { Handles } from './handles';

export const PROJECT_EXTENSION = '.crossread';
/**
 * A folder with more entries than this shows the first ones and says how many were left out; the
 * user reaches the others by typing part of the name (`find`), which is applied before the cut.
 */
export const MAX_LISTED = 2000;

function kindOf(dir: string, entry: fs.Dirent): FolderEntry['kind'] | null {
  let isDir = entry.isDirectory();
  let isFile = entry.isFile();
  if (entry.isSymbolicLink()) {
    // A link is listed as what it leads to; a broken one is not listed at all.
    const target = fs.statSync(path.join(dir, entry.name), { throwIfNoEntry: false });
    isDir = target?.isDirectory() ?? false;
    isFile = target?.isFile() ?? false;
  }
  if (isDir) return 'folder';
  if (isFile && entry.name.toLowerCase().endsWith(PROJECT_EXTENSION)) return 'project';
  return null;
}

/** How names are compared when finding: any case, and composed and decomposed letters alike. */
const foldName = (name: string) => name.normalize('NFC').toLocaleLowerCase();

/** Lists `folder` (the home folder when not given), only the entries whose name contains `find` when given. */
export function listFolder(handles: Handles, folder: string | undefined, find?: string): FolderListing {
  const dir = path.resolve(folder ?? os.homedir());
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? 'not-found' : 'bad-input', `The folder ${displayName(dir)} cannot be listed (${code ?? 'error'}).`);
  }
  const wanted = find?.trim() ? foldName(find.trim()) : null;
  const listed: FolderEntry[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (wanted !== null && !foldName(entry.name).includes(wanted)) continue;
    const kind = kindOf(dir, entry);
    if (kind) listed.push({ id: '', name: entry.name, kind });
  }
  listed.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
  const shown = listed.slice(0, MAX_LISTED).map((e) => ({ ...e, id: handles.issue(e.kind, path.join(dir, e.name)) }));
  const parent = path.dirname(dir);
  return {
    folder: handles.issue('folder', dir),
    path: dir,
    parent: parent === dir ? null : handles.issue('folder', parent),
    entries: shown,
    truncated: listed.length - shown.length,
  };
}
