import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { LATEST_SCHEMA, MIGRATIONS } from './migrations';

/**
 * How long a statement waits for another process's write lock. Given at open too, so the very first
 * statements (application_id, journal_mode) wait their turn instead of failing with "database is
 * locked" when two processes open a project at the same instant.
 */
const BUSY_TIMEOUT_MS = 5000;

export type Db = Database.Database;

/** PRAGMA application_id of every Crossread project ("CRrd"): tells our files from other SQLite files. */
export const APPLICATION_ID = 0x43527264;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Called while a project file is being opened. */
export interface OpenHooks {
  /** The file is about to be migrated from an older schema: last chance to copy it as it was. */
  beforeMigrate?(db: Db, file: string, fromVersion: number): void;
}

export interface OpenedDb {
  db: Db;
  readOnly: boolean;
  schemaVersion: number;
}

/** Creates a new, empty project file. Refuses to overwrite anything. */
export function createProjectDb(file: string): OpenedDb {
  if (fs.existsSync(file)) {
    throw new AppError('conflict', `A file already exists at ${file}; choose another name, or open it instead.`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    configure(db);
    migrate(db, file);
    return { db, readOnly: false, schemaVersion: LATEST_SCHEMA };
  } catch (err) {
    db.close();
    fs.rmSync(file, { force: true });
    throw err;
  }
}

/**
 * Opens an existing project file. Every check that can refuse the file runs before anything is
 * written to it, so a wrong file (not SQLite, another app's database, a newer schema) is left
 * exactly as it was.
 */
export function openProjectDb(file: string, hooks: OpenHooks = {}): OpenedDb {
  checkLooksLikeSqlite(file);
  const readOnly = !isWritable(file);
  let db: Db;
  try {
    db = new Database(file, { readonly: readOnly, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw new AppError('project-invalid', `Could not open ${file}: ${(err as Error).message}.`);
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      throw new AppError('project-invalid', `${file} is an SQLite database but not a Crossread project.`);
    }
    const applied = appliedMigrations(db);
    const newest = applied.at(-1)?.version ?? 0;
    if (newest > LATEST_SCHEMA) {
      throw new AppError(
        'schema-newer',
        `${path.basename(file)} was saved by a newer version of Crossread (schema ${newest}; this app knows up to ${LATEST_SCHEMA}). Update Crossread to open it.`,
      );
    }
    for (const row of applied) {
      const known = MIGRATIONS.find((m) => m.version === row.version);
      if (!known || known.name !== row.name) {
        throw new AppError('project-invalid', `${file} has an unknown schema step ${row.version} (${row.name}); it was not made by this Crossread.`);
      }
    }
    if (newest < LATEST_SCHEMA && readOnly) {
      throw new AppError('read-only', `${path.basename(file)} needs upgrading to this version of Crossread, but the file is read-only.`);
    }
    if (!readOnly) {
      if (newest > 0 && newest < LATEST_SCHEMA) hooks.beforeMigrate?.(db, file, newest);
      configure(db);
      migrate(db, file);
    } else {
      cacheStatements(db);
      db.pragma('foreign_keys = ON');
    }
    return { db, readOnly, schemaVersion: LATEST_SCHEMA };
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError('project-invalid', `${file} is damaged or not a Crossread project (${(err as Error).message}).`);
    }
    throw err;
  }
}

function checkLooksLikeSqlite(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('not-found', `The project file ${file} does not exist. Was it moved or deleted?`);
  }
  if (!stat.isFile()) throw new AppError('project-invalid', `${file} is not a file.`);
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  let read = 0;
  try {
    read = fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 16 || head.toString('latin1') !== SQLITE_MAGIC) {
    throw new AppError('project-invalid', `${path.basename(file)} is not a Crossread project (it is not an SQLite database).`);
  }
}

/** Root may write anywhere, so the file's own permission bits decide too: a file marked read-only stays untouched. */
function isWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    return false;
  }
  return (fs.statSync(file).mode & 0o222) !== 0;
}

/** Distinct SQL texts kept prepared per connection; the journal's replayed statements are one-offs, so the cache is bounded. */
const STATEMENT_CACHE = 256;

/**
 * Makes `db.prepare` reuse the statement already compiled for the same SQL. The repositories
 * prepare at the point of use, which reads well but compiled the same SQL again on every call:
 * profiling the Store benchmark (10,000 claims) put a third of the time in prepare. A statement
 * in use (being iterated) is never handed out twice, and its pluck/raw modes are reset. The oldest
 * entry goes first when the cache is full (hot statements are re-prepared at most once then).
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      // pluck() and raw() are the modes the app switches on (expand() is never used).
      if (hit.reader) hit.raw(false).pluck(false);
      return hit;
    }
    const fresh = prepare(source);
    if (!hit) {
      cache.set(source, fresh);
      if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    }
    return fresh;
  }) as Db['prepare'];
}

function configure(db: Db): void {
  cacheStatements(db);
  db.pragma('journal_mode = WAL');
  // FULL: a write acknowledged to the user survives a crash of the app or of the machine.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

interface AppliedRow {
  version: number;
  name: string;
}

function appliedMigrations(db: Db): AppliedRow[] {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!hasTable) return [];
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[];
}

/** Applies pending migrations, each in its own transaction together with its bookkeeping row. */
export function migrate(db: Db, file = 'project', upTo = LATEST_SCHEMA): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const done = new Set(appliedMigrations(db).map((m) => m.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  // A table rebuilt by a migration is dropped and renamed into place (SQLite's documented way to
  // change a constraint), which enforced foreign keys would refuse; they are checked before commit.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (const m of MIGRATIONS) {
      if (done.has(m.version) || m.version > upTo) continue;
      try {
        db.transaction(() => {
          db.exec(m.sql);
          m.run?.(db);
          const broken = db.prepare('PRAGMA foreign_key_check').all() as { table: string }[];
          if (broken.length > 0) throw new Error(`it would leave ${broken.length} rows of ${broken[0]!.table} without their parent`);
          record.run(m.version, m.name, new Date().toISOString());
        })();
      } catch (err) {
        throw new AppError('internal', `Upgrading ${file} to schema ${m.version} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}
