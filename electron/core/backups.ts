/**
 * Automatic backups of a project file, kept in the app's own folder (never beside the user's
 * file, where a sync tool or a colleague would pick them up):
 *
 *   <home>/backups/<project name>-<hash of its path>/<time>--<reason>.crossread
 *
 * Copies are made with SQLite itself, never by copying the file (which could catch a
 * half-written page or miss the WAL): the online backup API (`db.backup`) while the app runs, and
 * `VACUUM INTO` right before a migration, where opening the project is synchronous and the copy
 * must be complete before the first schema change.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../shared/contract';
import { AppError } from './errors';
import type { Db } from './store/db';

/** How many copies of each kind a project keeps; the oldest go first. */
export const KEEP = { regular: 10, migration: 3 } as const;

/** A copy being written: `<backup name>.<pid>.partial`, plus SQLite's side files. */
const PARTIAL_RE = /\.crossread\.(\d+)\.partial(-journal|-wal|-shm)?$/;
const NAME_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)--(migration|scheduled|manual|before-restore)\.crossread$/;
const EXTENSION = '.crossread';

/** The backups of one project file. */
export class Backups {
  readonly dir: string;

  constructor(
    homeDir: string,
    projectFile: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    const resolved = path.resolve(projectFile);
    const name = path.basename(resolved, EXTENSION).replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 60) || 'project';
    const key = createHash('sha256').update(resolved).digest('hex').slice(0, 12);
    this.dir = path.join(homeDir, 'backups', `${name}-${key}`);
  }

  /** Newest first. Files that are not ours (wrong name) are ignored. */
  list(): BackupInfo[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    const out: BackupInfo[] = [];
    for (const file of names) {
      const match = NAME_RE.exec(file);
      if (!match) continue;
      const stat = fs.statSync(path.join(this.dir, file), { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      out.push({ id: file.slice(0, -EXTENSION.length), createdAt: fromStamp(match[1]!), reason: match[2] as BackupReason, size: stat.size });
    }
    return out.sort((a, b) => b.id.localeCompare(a.id));
  }

  latest(): BackupInfo | undefined {
    return this.list()[0];
  }

  /** The file of backup `id`; refuses anything that is not one of this project's backups. */
  fileOf(id: string): string {
    if (!this.list().some((b) => b.id === id)) {
      throw new AppError('not-found', `There is no backup “${id.slice(0, 80)}” of this project.`);
    }
    return path.join(this.dir, id + EXTENSION);
  }

  /** A consistent copy while the project stays open and writable (SQLite online backup). */
  async create(db: Db, reason: BackupReason): Promise<BackupInfo> {
    const { file, tmp } = this.reserve(reason);
    try {
      await db.backup(tmp);
      fs.renameSync(tmp, file);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw new AppError('internal', `Could not back up the project: ${(err as Error).message}`);
    }
    return this.finish(file);
  }

  /** A consistent copy made synchronously (before a migration, while the file is being opened). */
  createSync(db: Db, reason: BackupReason): BackupInfo {
    const { file, tmp } = this.reserve(reason);
    try {
      db.prepare('VACUUM INTO ?').run(tmp);
      fs.renameSync(tmp, file);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw new AppError('internal', `Could not back up the project before upgrading it: ${(err as Error).message}`);
    }
    return this.finish(file);
  }

  /**
   * Removes half-written copies left by a process that was killed while making them (a kill during
   * the first-open backup, say). A copy whose process still runs, this one included, is in
   * progress and stays.
   */
  sweepPartials(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const pid = Number(PARTIAL_RE.exec(name)?.[1] ?? NaN);
      if (!Number.isInteger(pid) || processRuns(pid)) continue;
      fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }

  private reserve(reason: BackupReason): { file: string; tmp: string } {
    fs.mkdirSync(this.dir, { recursive: true });
    this.sweepPartials();
    let time = this.now().getTime();
    // Two backups in the same millisecond get distinct times, so names sort in the order they were made.
    const taken = new Set(this.list().map((b) => b.createdAt));
    while (taken.has(new Date(time).toISOString())) time++;
    const file = path.join(this.dir, `${toStamp(new Date(time))}--${reason}${EXTENSION}`);
    return { file, tmp: `${file}.${process.pid}.partial` };
  }

  private finish(file: string): BackupInfo {
    this.rotate();
    const id = path.basename(file, EXTENSION);
    const made = this.list().find((b) => b.id === id);
    if (!made) throw new AppError('internal', 'The backup disappeared right after it was made.');
    return made;
  }

  /** Keeps the newest KEEP.migration pre-migration copies and KEEP.regular of the others. */
  private rotate(): void {
    const all = this.list();
    const drop = [
      ...all.filter((b) => b.reason === 'migration').slice(KEEP.migration),
      ...all.filter((b) => b.reason !== 'migration').slice(KEEP.regular),
    ];
    for (const b of drop) fs.rmSync(path.join(this.dir, b.id + EXTENSION), { force: true });
  }
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** 2026-11-21T18:31:00.123Z ⇄ 2026-11-21T18-31-00-123Z (no ':' so the name is valid on Windows). */
function toStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

function fromStamp(stamp: string): string {
  const [day, time] = stamp.split('T') as [string, string];
  const [h, m, s, ms] = time.slice(0, -1).split('-');
  return `${day}T${h}:${m}:${s}.${ms}Z`;
}
