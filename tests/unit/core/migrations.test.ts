/**
 * One test per migration file (project rule): each describe is named after its migration and runs
 * on a real SQLite file in a temp folder.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProjectDb, migrate, type Db } from '../../../electron/core/store/db';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { tempDir } from './helpers';

const NOW = '2025-11-07T10:00:00.000Z';

function tableNames(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

function isStrict(db: Db, table: string): boolean {
  const row = db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table) as { strict: number } | undefined;
  return row?.strict === 1;
}

/** A project file with every migration applied, opened the way the app opens it (foreign keys on). */
function projectDb(): Db {
  const { db } = createProjectDb(path.join(tempDir(), 'p.crossread'));
  return db;
}

function insertDocument(db: Db, id: string, hash: string, deletedAt: string | null = null): void {
  db.prepare(
    `INSERT INTO documents (id, title, format, text, text_length, content_hash, created_at, modified_at, deleted_at)
     VALUES (?, 'T', 'txt', 'text', 4, ?, ?, ?, ?)`,
  ).run(id, hash, NOW, NOW, deletedAt);
}

function insertTag(db: Db, id: string, name: string, deletedAt: string | null = null): void {
  db.prepare(
    `INSERT INTO tags (id, name, color, position, created_at, modified_at, deleted_at) VALUES (?, ?, '#000000', 0, ?, ?, ?)`,
  ).run(id, name, NOW, NOW, deletedAt);
}

function insertAnnotation(db: Db, id: string, documentId: string, start: unknown = 0, end: unknown = 2): void {
  db.prepare(
    `INSERT INTO annotations (id, document_id, start, end, exact, prefix, suffix, author, created_at, modified_at)
     VALUES (?, ?, ?, ?, 'te', '', 'xt', 'me', ?, ?)`,
  ).run(id, documentId, start, end, NOW, NOW);
}

describe('migration files', () => {
  it('are numbered 1, 2, 3… without gaps and each has a name', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.name).toMatch(/^[a-z0-9_]+$/);
  });
});

describe('0001_initial', () => {
  it('creates the tables on an empty database, records itself, and is a no-op the second time', () => {
    const file = path.join(tempDir(), 'empty.sqlite');
    const db = new Database(file);
    try {
      expect(tableNames(db)).toEqual([]);
      migrate(db, file, 1);

      const tables = tableNames(db);
      for (const t of ['documents', 'tags', 'annotations', 'annotation_tags', 'project_meta', 'schema_migrations']) {
        expect(tables).toContain(t);
        expect(isStrict(db, t), `${t} is STRICT`).toBe(true);
      }
      const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").all() as { name: string }[]).map(
        (r) => r.name,
      );
      expect(indexes).toEqual(expect.arrayContaining(['documents_live_hash', 'tags_live_name', 'annotations_by_document']));

      const rows = db.prepare('SELECT version, name, applied_at FROM schema_migrations').all() as {
        version: number;
        name: string;
        applied_at: string;
      }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ version: 1, name: 'initial' });
      expect(Number.isNaN(Date.parse(rows[0]!.applied_at))).toBe(false);

      const schemaBefore = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
      expect(() => migrate(db, file, 1)).not.toThrow();
      expect(db.prepare('SELECT version, name, applied_at FROM schema_migrations').all()).toEqual(rows);
      expect(db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schemaBefore);
    } finally {
      db.close();
    }
  });

  it('STRICT tables reject a value of the wrong type', () => {
    const db = projectDb();
    try {
      insertDocument(db, 'd1', 'h1');
      expect(() => insertAnnotation(db, 'a1', 'd1', 'three', 5)).toThrow(/cannot store TEXT value in INTEGER column/i);
      expect(() =>
        db
          .prepare(
            `INSERT INTO documents (id, title, format, text, text_length, content_hash, created_at, modified_at)
             VALUES ('d2', 'T', 'txt', 'x', 'long', 'h2', ?, ?)`,
          )
          .run(NOW, NOW),
      ).toThrow(/cannot store/i);
      expect(db.prepare('SELECT count(*) AS n FROM annotations').get()).toEqual({ n: 0 });
      // A well-typed row goes in, so the failures above are about types alone.
      insertAnnotation(db, 'a1', 'd1', 0, 2);
      expect(db.prepare('SELECT count(*) AS n FROM annotations').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('enforces foreign keys: an annotation or annotation tag must point at existing rows', () => {
    const db = projectDb();
    try {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() => insertAnnotation(db, 'a1', 'no-such-document')).toThrow(/FOREIGN KEY constraint failed/);
      insertDocument(db, 'd1', 'h1');
      insertAnnotation(db, 'a1', 'd1');
      expect(() => db.prepare("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES ('a1', 'no-such-tag')").run()).toThrow(
        /FOREIGN KEY constraint failed/,
      );
    } finally {
      db.close();
    }
  });

  it('checks offsets: start ≥ 0 and end > start', () => {
    const db = projectDb();
    try {
      insertDocument(db, 'd1', 'h1');
      expect(() => insertAnnotation(db, 'a1', 'd1', -1, 2)).toThrow(/CHECK constraint failed/);
      expect(() => insertAnnotation(db, 'a2', 'd1', 3, 3)).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });

  it('allows one live document per content hash; tombstoned copies do not count', () => {
    const db = projectDb();
    try {
      insertDocument(db, 'd1', 'same-hash');
      expect(() => insertDocument(db, 'd2', 'same-hash')).toThrow(/UNIQUE constraint failed/);

      const other = projectDb();
      try {
        insertDocument(other, 'old', 'same-hash', NOW);
        insertDocument(other, 'new', 'same-hash');
        insertDocument(other, 'older', 'same-hash', NOW);
        expect(other.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 3 });
      } finally {
        other.close();
      }
    } finally {
      db.close();
    }
  });

  it('keeps live tag names unique regardless of case; a deleted tag frees its name', () => {
    const db = projectDb();
    try {
      insertTag(db, 't1', 'Economic');
      expect(() => insertTag(db, 't2', 'economic')).toThrow(/UNIQUE constraint failed/);
      expect(() => insertTag(db, 't3', 'ECONOMIC')).toThrow(/UNIQUE constraint failed/);
      db.prepare("UPDATE tags SET deleted_at = ? WHERE id = 't1'").run(NOW);
      insertTag(db, 't4', 'economic');
      expect(db.prepare('SELECT count(*) AS n FROM tags WHERE lower(name) = ?').get('economic')).toEqual({ n: 2 });
    } finally {
      db.close();
    }
  });
});
