/**
 * Wherever the core reads a path a person named, hostile paths end at once in a clear refusal
 * that quotes nothing from inside the file: a FIFO (would block forever), a device (/dev/zero
 * never ends), a symbolic link out of its folder, a relative path, a file over the size limit.
 * Each hostile file is built here, in a temp folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import { readRegularFile } from '../../../electron/core/files/read';
import { expectAppError, tempDir, withProject } from '../core/helpers';

const LIMITS = { maxBytes: 1024 * 1024, what: 'annotation files' };
const SECRET = 'root:x:0:0:SECRET-FIRST-BYTES';

function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr?.toString()}`);
}

async function refusedCall(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** Counts the rows of every table, to show a refused import changed nothing. */
function rowCounts(project: { database: { prepare(sql: string): { all(): unknown[]; get(): unknown } } }): Record<string, number> {
  const tables = project.database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (project.database.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

describe('reading a named file', () => {
  it('a FIFO is refused at once instead of blocking forever', () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'colleague.crossread.json');
    mkfifo(fifo);
    // Were the reader to open it for reading without O_NONBLOCK, this call would never return.
    expect(refusal(() => readRegularFile(fifo, LIMITS)).message).toBe('colleague.crossread.json is a pipe, not a regular file; Crossread reads annotation files only from regular files.');
  });

  it('/dev/zero is refused as a device, not read until memory runs out', () => {
    expect(refusal(() => readRegularFile('/dev/zero', LIMITS)).message).toMatch(/^zero is a device, not a regular file/);
  });

  it('a link named .json that leads to /dev/zero is refused as a link out of its folder', () => {
    const dir = tempDir();
    const link = path.join(dir, 'notes.crossread.json');
    fs.symlinkSync('/dev/zero', link);
    expect(refusal(() => readRegularFile(link, LIMITS)).message).toMatch(/^notes\.crossread\.json is a link to a file outside its folder/);
  });

  it('a link named .txt that leads to a file outside its folder is not followed', () => {
    const dir = tempDir();
    const outside = tempDir();
    const secret = path.join(outside, 'passwd');
    fs.writeFileSync(secret, SECRET);
    const link = path.join(dir, 'interview.txt');
    fs.symlinkSync(secret, link);
    const err = refusal(() => readRegularFile(link, LIMITS));
    expect(err.message).toMatch(/outside its folder/);
    expect(err.message).not.toContain('SECRET');
    // A link that stays inside its folder is an ordinary file.
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.writeFileSync(path.join(dir, 'drafts', 'real.txt'), 'inside');
    fs.symlinkSync(path.join(dir, 'drafts', 'real.txt'), path.join(dir, 'alias.txt'));
    expect(readRegularFile(path.join(dir, 'alias.txt'), LIMITS).toString()).toBe('inside');
    // A name that merely starts with two dots is still a file in its folder.
    fs.writeFileSync(path.join(dir, '..notes.txt'), 'dots');
    expect(readRegularFile(path.join(dir, '..notes.txt'), LIMITS).toString()).toBe('dots');
  });

  it('a relative path is refused, not resolved against the working folder', () => {
    expect(refusal(() => readRegularFile('etc/passwd', LIMITS)).message).toMatch(/full path/);
  });

  it('a file over the limit is refused before it is read, and one that grows past it while being read is cut off', () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.json');
    // Sparse: 2 MB on paper, nothing on disk.
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 2 * 1024 * 1024);
    expect(refusal(() => readRegularFile(big, LIMITS)).message).toBe('big.json is larger than the 1 MB limit for annotation files.');
    // /proc files report a size of 0 and then deliver more: only the check while reading catches them.
    expect(fs.statSync('/proc/self/status').size).toBe(0);
    expect(refusal(() => readRegularFile('/proc/self/status', { maxBytes: 16, what: 'document' })).message).toMatch(/^status is larger than/);
  });

  it('a missing file and a folder are refused with their name only', () => {
    const dir = tempDir();
    expect(refusal(() => readRegularFile(path.join(dir, 'gone.json'), LIMITS)).code).toBe('not-found');
    expect(refusal(() => readRegularFile(dir, LIMITS)).message).toMatch(/is a folder/);
  });
});

describe('share.import {path} on hostile files', () => {
  it('a FIFO, /dev/zero, a link out of the folder and a password file are refused, quoting nothing, with the project unchanged', async () => {
    const { backend } = await withProject('Hostile');
    const project = backend.project()!;
    const before = rowCounts(project);
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe.json');
    mkfifo(fifo);
    const passwd = path.join(dir, 'passwd.json');
    fs.writeFileSync(passwd, `${SECRET}\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n`);
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'shadow'), SECRET);
    fs.symlinkSync(path.join(outside, 'shadow'), path.join(dir, 'link.json'));

    for (const file of [fifo, '/dev/zero', path.join(dir, 'link.json'), passwd]) {
      for (const dryRun of [true, false]) {
        const err = await refusedCall(backend.call('share.import', { path: file, dryRun }));
        expect(err.message, file).not.toMatch(/root|SECRET|daemon/);
      }
    }
    expect(rowCounts(project)).toEqual(before);
  });

  it('a relative path is refused by the contract before anything is read', async () => {
    const { backend } = await withProject('Relative');
    const err = await expectAppError(backend.call('share.import', { path: 'passwd.json', dryRun: true }), 'bad-input');
    expect(err.message).toMatch(/full path/);
    await expectAppError(backend.call('share.exportTo', { path: 'out.json' }), 'bad-input');
    expect(fs.existsSync(path.join(process.cwd(), 'out.json'))).toBe(false);
  });

  it('a project path that is a FIFO or a device is refused at once', async () => {
    const { backend } = await withProject('Current');
    const dir = tempDir();
    const fifo = path.join(dir, 'trap.crossread');
    mkfifo(fifo);
    expect((await expectAppError(backend.call('project.open', { path: fifo }), 'project-invalid')).message).toMatch(/is a pipe/);
    expect((await expectAppError(backend.call('project.open', { path: '/dev/zero' }), 'project-invalid')).message).toMatch(/is a device/);
    expect((await backend.call('project.current', {}))?.name).toBe('Current');
  });
});
