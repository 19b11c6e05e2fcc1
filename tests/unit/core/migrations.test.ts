/**
 * One test per migration file (project rule): each describe is named after its migration and runs
 * on a real SQLite file in a temp folder.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createProjectDb, migrate, type Db } from '../../../electron/core/store/db';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { isJournalSql } from '../../../electron/core/store/history';
import { installSyncTriggers } from '../../../electron/core/store/migrations/0015_team_sync';
import { corpusText, KAZPRAVDA, makeBackend, tempDir } from './helpers';

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

/** A database migrated up to `version` only, foreign keys on, as an older Crossread left it. */
function dbAt(version: number): { db: Db; file: string } {
  const file = path.join(tempDir(), 'old.crossread');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, file, version);
  return { db, file };
}

const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

describe('0002_links_notes_history', () => {
  it('upgrades a schema-1 file with claims: the claims stay, the four built-in relations arrive', () => {
    const { db, file } = dbAt(1);
    try {
      insertDocument(db, 'd1', 'h1');
      insertTag(db, 't1', 'economic');
      insertAnnotation(db, 'a1', 'd1');
      insertAnnotation(db, 'a2', 'd1', 1, 3);
      db.prepare("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES ('a1', 't1')").run();
      const before = db.prepare('SELECT * FROM annotations ORDER BY id').all();

      migrate(db, file, 2);

      expect(db.prepare('SELECT * FROM annotations ORDER BY id').all()).toEqual(before);
      expect(db.prepare('SELECT * FROM annotation_tags').all()).toEqual([{ annotation_id: 'a1', tag_id: 't1' }]);
      for (const t of ['relation_types', 'links', 'notes', 'undo_state', 'undo_steps', 'undo_log']) {
        expect(isStrict(db, t), `${t} is STRICT`).toBe(true);
      }
      const relations = db.prepare('SELECT id, name, inverse_name, symmetric, builtin, position FROM relation_types ORDER BY position').all();
      expect(relations).toEqual([
        { id: '3f0c1a52-8d4e-4b7a-9c61-0000000000a1', name: 'supports', inverse_name: 'is supported by', symmetric: 0, builtin: 'supports', position: 0 },
        { id: '3f0c1a52-8d4e-4b7a-9c61-0000000000a2', name: 'contradicts', inverse_name: 'contradicts', symmetric: 1, builtin: 'contradicts', position: 1 },
        { id: '3f0c1a52-8d4e-4b7a-9c61-0000000000a3', name: 'elaborates', inverse_name: 'is elaborated by', symmetric: 0, builtin: 'elaborates', position: 2 },
        { id: '3f0c1a52-8d4e-4b7a-9c61-0000000000a4', name: 'same claim', inverse_name: 'same claim', symmetric: 1, builtin: 'same-claim', position: 3 },
      ]);
      const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
      expect(indexes).toEqual(expect.arrayContaining(['links_by_from', 'links_by_to']));
      expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
        { version: 1, name: 'initial' },
        { version: 2, name: 'links_notes_history' },
      ]);
    } finally {
      db.close();
    }
  });

  it('links point at existing claims and relation types, never at themselves', () => {
    const { db } = dbAt(2);
    try {
      insertDocument(db, 'd1', 'h1');
      insertAnnotation(db, 'a1', 'd1');
      insertAnnotation(db, 'a2', 'd1');
      const link = db.prepare(
        `INSERT INTO links (id, from_id, to_id, relation_id, author, created_at, modified_at) VALUES (?, ?, ?, ?, 'me', ?, ?)`,
      );
      const supports = '3f0c1a52-8d4e-4b7a-9c61-0000000000a1';
      expect(() => link.run('l1', 'a1', 'nope', supports, NOW, NOW)).toThrow(/FOREIGN KEY/);
      expect(() => link.run('l1', 'a1', 'a2', 'no-relation', NOW, NOW)).toThrow(/FOREIGN KEY/);
      expect(() => link.run('l1', 'a1', 'a1', supports, NOW, NOW)).toThrow(/CHECK constraint failed/);
      link.run('l1', 'a1', 'a2', supports, NOW, NOW);
      expect(count(db, 'SELECT count(*) AS n FROM links')).toBe(1);
      const note = db.prepare(
        `INSERT INTO notes (owner_kind, owner_id, json, text, author, created_at, modified_at) VALUES (?, ?, '{}', '', 'me', ?, ?)`,
      );
      note.run('link', 'l1', NOW, NOW);
      expect(() => note.run('link', 'l1', NOW, NOW)).toThrow(/UNIQUE|PRIMARY KEY/);
      expect(() => note.run('document', 'd1', NOW, NOW)).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });

  it('records the inverse of claim, tag and link changes only while a step is being recorded', () => {
    const { db } = dbAt(2);
    try {
      insertDocument(db, 'd1', 'h1');
      insertTag(db, 't1', 'economic');
      insertAnnotation(db, 'a0', 'd1');
      expect(count(db, 'SELECT count(*) AS n FROM undo_log')).toBe(0);

      db.prepare('UPDATE undo_state SET step = 7').run();
      insertAnnotation(db, 'a1', 'd1');
      db.prepare("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES ('a1', 't1')").run();
      db.prepare("UPDATE annotations SET deleted_at = ? WHERE id = 'a0'").run(NOW);
      db.prepare('UPDATE undo_state SET step = NULL').run();
      const log = db.prepare('SELECT step, tbl, row_id, sql FROM undo_log ORDER BY seq').all() as { step: number; tbl: string; row_id: string; sql: string }[];
      expect(log.map((r) => [r.step, r.tbl, r.row_id])).toEqual([
        [7, 'annotations', 'a1'],
        [7, 'annotation_tags', 'a1'],
        [7, 'annotations', 'a0'],
      ]);

      // Replaying the log newest first reverses the three changes.
      for (const r of [...log].reverse()) db.exec(r.sql);
      expect(db.prepare("SELECT deleted_at FROM annotations WHERE id = 'a0'").get()).toEqual({ deleted_at: null });
      expect(db.prepare("SELECT deleted_at FROM annotations WHERE id = 'a1'").get()).toEqual({ deleted_at: expect.stringMatching(/Z$/) });
      expect(count(db, "SELECT count(*) AS n FROM annotation_tags WHERE annotation_id = 'a1'")).toBe(0);
      // Nothing was recorded by the replay itself: recording was off.
      expect(count(db, 'SELECT count(*) AS n FROM undo_log')).toBe(3);
    } finally {
      db.close();
    }
  });
});

describe('0003_search', () => {
  it('indexes the live documents of a schema-2 file by paragraph; deleted ones are left out', () => {
    const { db, file } = dbAt(2);
    try {
      const text = 'Первый абзац об инвестициях.\n\nВторой абзац: Казахстан и Соглашения Авраама.\nТретий.';
      db.prepare(
        `INSERT INTO documents (id, title, format, text, text_length, content_hash, created_at, modified_at)
         VALUES ('d1', 'T', 'txt', ?, ?, 'h1', ?, ?)`,
      ).run(text, text.length, NOW, NOW);
      db.prepare(
        `INSERT INTO documents (id, title, format, text, text_length, content_hash, created_at, modified_at, deleted_at)
         VALUES ('d2', 'Gone', 'txt', 'Инвестиции ушли.', 16, 'h2', ?, ?, ?)`,
      ).run(NOW, NOW, NOW);

      migrate(db, file, 3);

      expect(isStrict(db, 'search_segments')).toBe(true);
      const segments = db.prepare("SELECT kind, document_id, paragraph, start, end FROM search_segments ORDER BY id").all() as {
        paragraph: number;
        start: number;
        end: number;
      }[];
      const paragraphs = ['Первый абзац об инвестициях.', 'Второй абзац: Казахстан и Соглашения Авраама.', 'Третий.'];
      expect(segments).toEqual(
        paragraphs.map((p, i) => ({ kind: 'document', document_id: 'd1', paragraph: i + 1, start: text.indexOf(p), end: text.indexOf(p) + p.length })),
      );
      // Keys are stemmed: another form of the word finds the paragraph; the deleted document is not there.
      const find = (key: string) =>
        db.prepare('SELECT s.paragraph FROM search_fts JOIN search_segments s ON s.id = search_fts.rowid WHERE search_fts MATCH ?').pluck().all(`"${key}"`);
      expect(find('инвестиц')).toEqual([1]);
      expect(find('соглашен')).toEqual([2]);
      expect(db.prepare("SELECT value FROM project_meta WHERE key = 'search_index_version'").pluck().get()).toMatch(/\S/);
    } finally {
      db.close();
    }
  });
});

describe('0004_sharing', () => {
  it('upgrades a schema-3 file with claims: they keep their rows, the sharing tables arrive empty and STRICT', () => {
    const { db, file } = dbAt(3);
    try {
      insertDocument(db, 'd1', 'h1');
      insertAnnotation(db, 'a1', 'd1');
      migrate(db, file, 4);
      for (const t of ['annotation_anchors', 'orphans', 'pending_links', 'merge_conflicts', 'share_bases']) {
        expect(isStrict(db, t), `${t} is STRICT`).toBe(true);
        expect(count(db, `SELECT count(*) AS n FROM ${t}`)).toBe(0);
      }
      expect(count(db, "SELECT count(*) AS n FROM annotations WHERE id = 'a1' AND deleted_at IS NULL")).toBe(1);
      // Anchor states are checked, and must name a real claim.
      const anchor = db.prepare(
        `INSERT INTO annotation_anchors (annotation_id, state, errors, original_exact, source_file, anchored_at) VALUES (?, ?, 0, 'te', 'f', ?)`,
      );
      expect(() => anchor.run('a1', 'orphan', NOW)).toThrow(/CHECK/);
      expect(() => anchor.run('nope', 'fuzzy', NOW)).toThrow(/FOREIGN KEY/);
      anchor.run('a1', 'fuzzy', NOW);
      const conflict = db.prepare(
        `INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES (?, 'a1', ?, '{}', 'f', ?)`,
      );
      expect(() => conflict.run('annotation', 'both', NOW)).toThrow(/CHECK/);
      expect(() => conflict.run('spaceship', 'mine', NOW)).toThrow(/CHECK/);
      conflict.run('annotation', 'theirs', NOW);
      // The undo journal still records only its own tables: a sharing table never reaches undo_log.
      db.prepare('UPDATE undo_state SET step = 1 WHERE id = 1').run();
      db.prepare("INSERT INTO share_bases (item_kind, item_id, modified_at) VALUES ('annotation', 'a1', ?)").run(NOW);
      db.prepare("UPDATE annotation_anchors SET errors = 2 WHERE annotation_id = 'a1'").run();
      expect(count(db, 'SELECT count(*) AS n FROM undo_log')).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('0005_undo_everything', () => {
  it('upgrades a schema-4 file with history: old steps keep their English label; tags, link types, document details and notes join the journal', () => {
    const { db, file } = dbAt(4);
    try {
      insertDocument(db, 'd1', 'h1');
      insertTag(db, 't1', 'economic');
      insertAnnotation(db, 'a1', 'd1');
      db.prepare(`INSERT INTO undo_steps (label, created_at) VALUES ('Create claim', ?)`).run(NOW);
      db.prepare(
        `INSERT INTO notes (owner_kind, owner_id, json, text, author, created_at, modified_at) VALUES ('annotation', 'a1', '{}', 'мысль', 'me', ?, ?)`,
      ).run(NOW, NOW);

      migrate(db, file, 5);

      expect(db.prepare('SELECT label, kind, params FROM undo_steps').all()).toEqual([{ label: 'Create claim', kind: null, params: null }]);
      expect(isStrict(db, 'undo_steps')).toBe(true);
      // Nothing is recorded while no step is.
      db.prepare("UPDATE tags SET name = 'econ' WHERE id = 't1'").run();
      expect(count(db, 'SELECT count(*) AS n FROM undo_log')).toBe(0);

      db.prepare('UPDATE undo_state SET step = 9').run();
      db.prepare("UPDATE tags SET deleted_at = ? WHERE id = 't1'").run(NOW);
      db.prepare("UPDATE documents SET title = 'Новое', deleted_at = ? WHERE id = 'd1'").run(NOW);
      db.prepare(
        `INSERT INTO relation_types (id, name, inverse_name, symmetric, position, created_at, modified_at) VALUES ('r1', 'echoes', 'echoes', 1, 9, ?, ?)`,
      ).run(NOW, NOW);
      db.prepare("UPDATE notes SET json = '{}', text = '', modified_at = '2030-01-01T00:00:00.000Z' WHERE owner_id = 'a1'").run();
      db.prepare('UPDATE undo_state SET step = NULL').run();

      const log = db.prepare('SELECT step, tbl, row_id, sql FROM undo_log ORDER BY seq').all() as { step: number; tbl: string; row_id: string; sql: string }[];
      expect(log.map((r) => [r.step, r.tbl, r.row_id])).toEqual([
        [9, 'tags', 't1'],
        [9, 'documents', 'd1'],
        [9, 'relation_types', 'r1'],
        [9, 'notes', 'annotation:a1'],
      ]);
      // A document's inverse restores its details, never its text.
      expect(log[1]!.sql).not.toMatch(/"text"|content_hash/);
      // The note's inverse only applies to the note as it was cleared.
      expect(log[3]!.sql).toMatch(/AND modified_at = '2030-01-01T00:00:00.000Z'$/);
      for (const r of [...log].reverse()) db.exec(r.sql);
      expect(db.prepare("SELECT deleted_at FROM tags WHERE id = 't1'").pluck().get()).toBeNull();
      expect(db.prepare("SELECT title, deleted_at FROM documents WHERE id = 'd1'").get()).toEqual({ title: 'T', deleted_at: null });
      expect(db.prepare("SELECT deleted_at FROM relation_types WHERE id = 'r1'").pluck().get()).toMatch(/Z$/);
      expect(db.prepare("SELECT text FROM notes WHERE owner_id = 'a1'").pluck().get()).toBe('мысль');
    } finally {
      db.close();
    }
  });
});

describe('0007_memos', () => {
  it('upgrades a schema-6 file: claim notes keep their rows and their undo trigger, memos of the project, a document and a tag fit, other owners do not', () => {
    const { db, file } = dbAt(6);
    try {
      insertDocument(db, 'd1', 'h1');
      insertTag(db, 't1', 'economic');
      insertAnnotation(db, 'a1', 'd1');
      db.prepare(
        `INSERT INTO notes (owner_kind, owner_id, json, text, author, created_at, modified_at) VALUES ('annotation', 'a1', '{}', 'инвестиции в редкие металлы', 'me', ?, ?)`,
      ).run(NOW, NOW);
      const memo = db.prepare(
        `INSERT INTO notes (owner_kind, owner_id, json, text, author, created_at, modified_at) VALUES (?, ?, '{}', 'мемо', 'me', ?, ?)`,
      );
      expect(() => memo.run('document', 'd1', NOW, NOW)).toThrow(/CHECK/);

      migrate(db, file, 7);

      expect(db.prepare("SELECT owner_kind, owner_id, text FROM notes").all()).toEqual([{ owner_kind: 'annotation', owner_id: 'a1', text: 'инвестиции в редкие металлы' }]);
      expect(isStrict(db, 'notes')).toBe(true);
      expect(isStrict(db, 'search_segments')).toBe(true);
      // The old note is searchable again after the index was rebuilt.
      expect(count(db, `SELECT count(*) AS n FROM search_segments WHERE kind = 'note' AND owner_kind = 'annotation' AND owner_id = 'a1'`)).toBe(1);
      for (const [kind, id] of [['project', 'p1'], ['document', 'd1'], ['tag', 't1']]) memo.run(kind, id, NOW, NOW);
      expect(() => memo.run('hypothesis', 'h1', NOW, NOW)).toThrow(/CHECK/);
      db.prepare(`INSERT INTO search_segments (kind, owner_kind, owner_id, paragraph, start, end) VALUES ('note', 'tag', 't1', 0, 0, 4)`).run();

      // Clearing a memo is journaled like clearing a note.
      db.prepare('UPDATE undo_state SET step = 3').run();
      db.prepare("UPDATE notes SET json = '{}', text = '', modified_at = '2030-01-01T00:00:00.000Z' WHERE owner_kind = 'project'").run();
      db.prepare('UPDATE undo_state SET step = NULL').run();
      const log = db.prepare('SELECT tbl, row_id, sql FROM undo_log').all() as { tbl: string; row_id: string; sql: string }[];
      expect(log.map((r) => [r.tbl, r.row_id])).toEqual([['notes', 'project:p1']]);
      db.exec(log[0]!.sql);
      expect(db.prepare("SELECT text FROM notes WHERE owner_kind = 'project'").pluck().get()).toBe('мемо');
    } finally {
      db.close();
    }
  });
});

describe('0009_pdf_pages', () => {
  it('upgrades a schema-8 file: documents accept the pdf format and keep their rows, claims, search and undo journal; pages are stored per document', () => {
    const { db, file } = dbAt(8);
    try {
      insertDocument(db, 'd1', 'h1');
      insertAnnotation(db, 'a1', 'd1');
      expect(() => db.prepare("UPDATE documents SET format = 'pdf' WHERE id = 'd1'").run()).toThrow(/CHECK constraint/);
      const before = db.prepare('SELECT * FROM documents').all();

      migrate(db, file, 9);

      expect(db.prepare('SELECT * FROM documents').all()).toEqual(before);
      expect(isStrict(db, 'documents')).toBe(true);
      expect(isStrict(db, 'document_pages')).toBe(true);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      // The claim still points at its document, and a claim on a missing document is still refused.
      expect(() => insertAnnotation(db, 'a2', 'nope')).toThrow(/FOREIGN KEY/);
      // The unique live hash and the undo trigger came back with the rebuilt table.
      expect(() => insertDocument(db, 'd2', 'h1')).toThrow(/UNIQUE/);
      db.prepare('UPDATE undo_state SET step = 3').run();
      db.prepare("UPDATE documents SET title = 'Новое' WHERE id = 'd1'").run();
      db.prepare('UPDATE undo_state SET step = NULL').run();
      expect(count(db, "SELECT count(*) AS n FROM undo_log WHERE tbl = 'documents'")).toBe(1);

      db.prepare("UPDATE documents SET format = 'pdf' WHERE id = 'd1'").run();
      db.prepare('INSERT INTO document_pages (document_id, page, start) VALUES (?, ?, ?)').run('d1', 1, 0);
      expect(() => db.prepare('INSERT INTO document_pages (document_id, page, start) VALUES (?, ?, ?)').run('d1', 0, 0)).toThrow(/CHECK/);
      expect(() => db.prepare('INSERT INTO document_pages (document_id, page, start) VALUES (?, ?, ?)').run('nope', 1, 0)).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare("UPDATE documents SET format = 'epub' WHERE id = 'd1'").run()).toThrow(/CHECK constraint/);
    } finally {
      db.close();
    }
  });
});

describe('upgrading a schema-1 project', () => {
  it('opens in the app at the latest schema, with the built-in relations and its documents searchable', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.crossread');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, file, 1);
    const text = corpusText(KAZPRAVDA);
    db.prepare(
      `INSERT INTO documents (id, title, format, text, text_length, content_hash, created_at, modified_at)
       VALUES ('00000000-0000-4000-8000-00000000000d', 'Kazpravda', 'txt', ?, ?, 'h', ?, ?)`,
    ).run(text, text.length, NOW, NOW);
    db.close();

    const backend = makeBackend(dir, { projectPath: file });
    expect((await backend.call('project.current', {}))?.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect((await backend.call('relations.list', {})).map((r) => r.builtin)).toEqual(['supports', 'contradicts', 'elaborates', 'same-claim']);
    const { hits, total } = await backend.call('search.query', { q: 'инвестиция', limit: 50 });
    expect(total).toBeGreaterThan(0);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.match);
    expect(await backend.call('history.state', {})).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, undo: null, redo: null });
  });
});

describe('0006_attributes', () => {
  it('upgrades a schema-5 file: documents stay, the two grading attributes arrive, and attribute changes join the journal', () => {
    const { db, file } = dbAt(5);
    try {
      insertDocument(db, 'd1', 'h1');
      db.prepare(
        `INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES ('tag', 't1', 'mine', '{}', 'a.json', ?)`,
      ).run(NOW);
      migrate(db, file, 6);

      // The conflict table was rebuilt for the new kinds: its rows stay, and a value's conflict goes in.
      expect(db.prepare('SELECT id, item_kind, item_id FROM merge_conflicts').all()).toEqual([{ id: 1, item_kind: 'tag', item_id: 't1' }]);
      expect(isStrict(db, 'merge_conflicts')).toBe(true);
      db.prepare(
        `INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES ('attribute_value', 'document:d1:x', 'theirs', '{}', 'a.json', ?)`,
      ).run(NOW);

      for (const table of ['attributes', 'attribute_values']) expect(isStrict(db, table), `${table} is STRICT`).toBe(true);
      expect(db.prepare('SELECT builtin, type, choices FROM attributes ORDER BY position').all()).toEqual([
        { builtin: 'reliability', type: 'choice', choices: '["A","B","C","D","E","F"]' },
        { builtin: 'credibility', type: 'choice', choices: '["1","2","3","4","5","6"]' },
      ]);
      expect(count(db, 'SELECT count(*) AS n FROM documents')).toBe(1);
      // A type the schema does not know, and a second value row for one owner and attribute, are refused.
      expect(() =>
        db.prepare(`INSERT INTO attributes (id, name, type, position, created_at, modified_at) VALUES ('x', 'n', 'colour', 5, ?, ?)`).run(NOW, NOW),
      ).toThrow(/CHECK constraint failed/);
      const addValue = (id: string, value: string) =>
        db
          .prepare(
            `INSERT INTO attribute_values (id, owner_kind, owner_id, attribute_id, value, author, created_at, modified_at)
             VALUES (?, 'document', 'd1', '7a1e0c33-5b2d-4c1f-8e90-0000000000b1', ?, 'me', ?, ?)`,
          )
          .run(id, value, NOW, NOW);
      addValue('v1', 'B');
      expect(() => addValue('v2', 'C')).toThrow(/UNIQUE constraint failed/);
      expect(() =>
        db
          .prepare(`INSERT INTO attribute_values (id, owner_kind, owner_id, attribute_id, value, author, created_at, modified_at) VALUES ('v3', 'document', 'd1', 'no-such', 'x', 'me', ?, ?)`)
          .run(NOW, NOW),
      ).toThrow(/FOREIGN KEY constraint failed/);

      // Recorded while a step is: the inverse SQL passes the journal's whitelist and restores the row.
      db.prepare('UPDATE undo_state SET step = 3').run();
      db.prepare("UPDATE attribute_values SET value = 'C' WHERE id = 'v1'").run();
      db.prepare('UPDATE undo_state SET step = NULL').run();
      const log = db.prepare('SELECT tbl, row_id, sql FROM undo_log').all() as { tbl: string; row_id: string; sql: string }[];
      expect(log.map((r) => [r.tbl, r.row_id])).toEqual([['attribute_values', 'v1']]);
      expect(isJournalSql(log[0]!.sql)).toBe(true);
      db.exec(log[0]!.sql);
      expect(db.prepare("SELECT value FROM attribute_values WHERE id = 'v1'").get()).toEqual({ value: 'B' });
    } finally {
      db.close();
    }
  });
});

describe('0008_code_system', () => {
  it('upgrades a schema-7 file: tags become top-level codes with empty codebook entries, and nesting, describing and merging join the journal', () => {
    const { db, file } = dbAt(7);
    try {
      insertTag(db, 't1', 'economic');
      insertTag(db, 't2', 'sanctions');
      migrate(db, file, 8);

      expect(isStrict(db, 'tags')).toBe(true);
      expect(db.prepare('SELECT id, parent_id, definition, use_when, avoid_when, example, merged_into FROM tags ORDER BY id').all()).toEqual([
        { id: 't1', parent_id: null, definition: '', use_when: '', avoid_when: '', example: '', merged_into: null },
        { id: 't2', parent_id: null, definition: '', use_when: '', avoid_when: '', example: '', merged_into: null },
      ]);
      // A parent must be a tag that exists.
      expect(() => db.prepare("UPDATE tags SET parent_id = 'nope' WHERE id = 't2'").run()).toThrow(/FOREIGN KEY/);

      db.prepare('UPDATE undo_state SET step = 3').run();
      db.prepare("UPDATE tags SET parent_id = 't1', definition = 'Restrictions' WHERE id = 't2'").run();
      db.prepare("UPDATE tags SET merged_into = 't2', deleted_at = ? WHERE id = 't1'").run(NOW);
      db.prepare('UPDATE undo_state SET step = NULL').run();

      const log = db.prepare('SELECT tbl, row_id, sql FROM undo_log ORDER BY seq').all() as { tbl: string; row_id: string; sql: string }[];
      expect(log.map((r) => [r.tbl, r.row_id])).toEqual([
        ['tags', 't2'],
        ['tags', 't1'],
      ]);
      for (const r of [...log].reverse()) db.exec(r.sql);
      expect(db.prepare('SELECT id, parent_id, definition, merged_into, deleted_at FROM tags ORDER BY id').all()).toEqual([
        { id: 't1', parent_id: null, definition: '', merged_into: null, deleted_at: null },
        { id: 't2', parent_id: null, definition: '', merged_into: null, deleted_at: null },
      ]);
    } finally {
      db.close();
    }
  });
});

describe('0010_anchor_confidence', () => {
  it('upgrades a schema-9 file: claims placed by an import keep a score, and orphans gain an empty candidate', () => {
    const { db, file } = dbAt(9);
    try {
      insertDocument(db, 'd1', 'h1');
      insertAnnotation(db, 'a1', 'd1');
      db.prepare(
        `INSERT INTO orphans (id, source, exact, prefix, suffix, tags, author, created_at, modified_at, source_file) VALUES ('o1', 's', 'q', '', '', '[]', 'me', ?, ?, 'f.json')`,
      ).run(NOW, NOW);
      migrate(db, file, 10);

      expect(isStrict(db, 'anchor_scores')).toBe(true);
      expect(db.prepare('SELECT candidate_hash, candidate_start, candidate_end, confidence FROM orphans').all()).toEqual([
        { candidate_hash: null, candidate_start: null, candidate_end: null, confidence: null },
      ]);
      db.prepare("INSERT INTO anchor_scores (annotation_id, confidence, source_file, anchored_at) VALUES ('a1', 0.9, 'f.json', ?)").run(NOW);
      expect(() => db.prepare("INSERT INTO anchor_scores (annotation_id, confidence, source_file, anchored_at) VALUES ('nope', 0.9, 'f.json', ?)").run(NOW)).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare("UPDATE anchor_scores SET confidence = 1.5 WHERE annotation_id = 'a1'").run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE orphans SET candidate_hash = 'h1', candidate_start = 5, candidate_end = 2, confidence = 0.5 WHERE id = 'o1'").run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});

describe('0011_favourite_tags', () => {
  it('upgrades a schema-10 file: no tag is a favourite, only 0 or 1 is stored, and starring joins the journal', () => {
    const { db, file } = dbAt(10);
    try {
      insertTag(db, 't1', 'economic');
      db.prepare("UPDATE tags SET definition = 'Money' WHERE id = 't1'").run();
      migrate(db, file, 11);

      expect(isStrict(db, 'tags')).toBe(true);
      expect(db.prepare('SELECT id, definition, favourite FROM tags').all()).toEqual([{ id: 't1', definition: 'Money', favourite: 0 }]);
      expect(() => db.prepare("UPDATE tags SET favourite = 2 WHERE id = 't1'").run()).toThrow(/CHECK constraint failed/);

      db.prepare('UPDATE undo_state SET step = 3').run();
      db.prepare("UPDATE tags SET favourite = 1 WHERE id = 't1'").run();
      db.prepare('UPDATE undo_state SET step = NULL').run();
      const log = db.prepare('SELECT tbl, row_id, sql FROM undo_log').all() as { tbl: string; row_id: string; sql: string }[];
      expect(log.map((r) => [r.tbl, r.row_id])).toEqual([['tags', 't1']]);
      expect(isJournalSql(log[0]!.sql)).toBe(true);
      db.exec(log[0]!.sql);
      expect(db.prepare("SELECT favourite, definition FROM tags WHERE id = 't1'").get()).toEqual({ favourite: 0, definition: 'Money' });
    } finally {
      db.close();
    }
  });
});

describe('0012_graph_positions', () => {
  it('upgrades a schema-9 file: claims stay, dragged graph positions are kept per arrangement and point at existing claims, and are not journaled', () => {
    const { db, file } = dbAt(9);
    try {
      insertDocument(db, 'd1', 'h1');
      insertAnnotation(db, 'a1', 'd1');
      migrate(db, file, 12);

      expect(isStrict(db, 'graph_positions')).toBe(true);
      expect(db.prepare('SELECT id FROM annotations').all()).toEqual([{ id: 'a1' }]);
      const place = db.prepare('INSERT INTO graph_positions (arrangement, node_id, x, y, modified_at) VALUES (?, ?, ?, ?, ?)');
      db.prepare('UPDATE undo_state SET step = 3').run();
      place.run('document', 'a1', 10.5, -4, NOW);
      place.run('cluster', 'a1', 1, 2, NOW);
      db.prepare('UPDATE undo_state SET step = NULL').run();
      expect(() => place.run('document', 'a1', 0, 0, NOW)).toThrow(/UNIQUE|PRIMARY KEY/);
      expect(() => place.run('document', 'no-such-claim', 0, 0, NOW)).toThrow(/FOREIGN KEY/);
      expect(() => place.run('document', 'a1', 'far', 0, NOW)).toThrow(/cannot store TEXT value in REAL column/);
      expect(db.prepare('SELECT arrangement, x, y FROM graph_positions ORDER BY arrangement').all()).toEqual([
        { arrangement: 'cluster', x: 1, y: 2 },
        { arrangement: 'document', x: 10.5, y: -4 },
      ]);
      // Layout, not content: a drag made while a step records leaves nothing to undo.
      expect(db.prepare('SELECT count(*) AS n FROM undo_log').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});

describe('0013_hypotheses', () => {
  it('upgrades a schema-9 file: the analysis tables arrive STRICT and journaled, ratings are one per cell and author, old merge conflicts stay', () => {
    const { db, file } = dbAt(9);
    try {
      db.prepare(
        `INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES ('tag', 't1', 'theirs', '{}', 'a.json', ?)`,
      ).run(NOW);
      migrate(db, file, 13);

      for (const t of ['hypothesis_analyses', 'hypotheses', 'hypothesis_rows', 'hypothesis_ratings']) expect(isStrict(db, t)).toBe(true);
      expect(db.prepare('SELECT item_kind, item_id FROM merge_conflicts').all()).toEqual([{ item_kind: 'tag', item_id: 't1' }]);
      db.prepare(`INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES ('hypothesis_rating', 'g', 'mine', '{}', 'b.json', ?)`).run(NOW);

      db.prepare(`INSERT INTO hypothesis_analyses (id, question, author, position, created_at, modified_at) VALUES ('a1', 'Why?', 'me', 0, ?, ?)`).run(NOW, NOW);
      db.prepare(`INSERT INTO hypotheses (id, analysis_id, title, author, position, created_at, modified_at) VALUES ('h1', 'a1', 'Gain', 'me', 0, ?, ?)`).run(NOW, NOW);
      db.prepare(`INSERT INTO hypothesis_rows (id, analysis_id, kind, claim_id, author, position, created_at, modified_at) VALUES ('r1', 'a1', 'claim', 'c1', 'me', 0, ?, ?)`).run(NOW, NOW);
      // A claim row needs its claim; a typed row has none.
      expect(() =>
        db.prepare(`INSERT INTO hypothesis_rows (id, analysis_id, kind, author, position, created_at, modified_at) VALUES ('r2', 'a1', 'claim', 'me', 1, ?, ?)`).run(NOW, NOW),
      ).toThrow(/CHECK constraint failed/);
      const rate = (id: string, author: string, rating: string) =>
        db
          .prepare(`INSERT INTO hypothesis_ratings (id, row_id, hypothesis_id, author, rating, created_at, modified_at) VALUES (?, 'r1', 'h1', ?, ?, ?, ?)`)
          .run(id, author, rating, NOW, NOW);
      rate('g1', 'me', 'CC');
      rate('g2', 'colleague', 'II');
      expect(() => rate('g3', 'me', 'C')).toThrow(/UNIQUE constraint failed/);
      expect(() => rate('g4', 'third', 'VERY')).toThrow(/CHECK constraint failed/);

      db.prepare('UPDATE undo_state SET step = 3').run();
      db.prepare("UPDATE hypothesis_ratings SET rating = 'I', rationale = 'why' WHERE id = 'g1'").run();
      db.prepare("UPDATE hypotheses SET title = 'Economic gain' WHERE id = 'h1'").run();
      db.prepare('UPDATE undo_state SET step = NULL').run();
      const log = db.prepare('SELECT tbl, row_id, sql FROM undo_log ORDER BY seq').all() as { tbl: string; row_id: string; sql: string }[];
      expect(log.map((r) => [r.tbl, r.row_id])).toEqual([
        ['hypothesis_ratings', 'g1'],
        ['hypotheses', 'h1'],
      ]);
      for (const r of [...log].reverse()) {
        expect(isJournalSql(r.sql)).toBe(true);
        db.exec(r.sql);
      }
      expect(db.prepare("SELECT rating, rationale FROM hypothesis_ratings WHERE id = 'g1'").get()).toEqual({ rating: 'CC', rationale: '' });
      expect(db.prepare("SELECT title FROM hypotheses WHERE id = 'h1'").get()).toEqual({ title: 'Gain' });
    } finally {
      db.close();
    }
  });
});

describe('0014_cluster_titles', () => {
  it('upgrades a schema-13 file: open merge conflicts keep their rows, cluster titles hang from a claim, and renaming joins the journal', () => {
    const { db, file } = dbAt(13);
    try {
      insertDocument(db, 'd1', 'h1');
      insertAnnotation(db, 'a1', 'd1');
      db.prepare(
        "INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES ('tag', 't1', 'theirs', '{}', 'colleague.jsonld', ?)",
      ).run(NOW);
      // A conflict about a hypothesis (schema 13) must survive the table's rebuild too.
      db.prepare(
        "INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES ('hypothesis', 'h1', 'mine', '{}', 'colleague.jsonld', ?)",
      ).run(NOW);
      const conflicts = db.prepare('SELECT * FROM merge_conflicts').all();
      expect(() =>
        db.prepare("INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES ('cluster_title', 'a1', 'mine', '{}', 'f', ?)").run(NOW),
      ).toThrow(/CHECK constraint/);

      migrate(db, file, 14);

      expect(db.prepare("SELECT * FROM merge_conflicts WHERE item_kind IN ('tag', 'hypothesis') ORDER BY id").all()).toEqual(conflicts);
      db.prepare("INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES ('cluster_title', 'a1', 'mine', '{}', 'f', ?)").run(NOW);
      expect(isStrict(db, 'cluster_titles')).toBe(true);
      expect(isStrict(db, 'merge_conflicts')).toBe(true);
      const addTitle = (id: string) =>
        db.prepare("INSERT INTO cluster_titles (id, title, author, created_at, modified_at) VALUES (?, 'Сделки на 17 млрд', 'me', ?, ?)").run(id, NOW, NOW);
      addTitle('a1');
      // A title is stored under the key claim, which must exist.
      expect(() => addTitle('nope')).toThrow(/FOREIGN KEY/);

      db.prepare('UPDATE undo_state SET step = 3').run();
      db.prepare("UPDATE cluster_titles SET title = 'Обещания визита' WHERE id = 'a1'").run();
      db.prepare('UPDATE undo_state SET step = NULL').run();
      const log = db.prepare('SELECT tbl, row_id, sql FROM undo_log').all() as { tbl: string; row_id: string; sql: string }[];
      expect(log.map((r) => [r.tbl, r.row_id])).toEqual([['cluster_titles', 'a1']]);
      expect(isJournalSql(log[0]!.sql)).toBe(true);
      db.exec(log[0]!.sql);
      expect(db.prepare("SELECT title FROM cluster_titles WHERE id = 'a1'").get()).toEqual({ title: 'Сделки на 17 млрд' });
    } finally {
      db.close();
    }
  });
});

describe('0015_team_sync', () => {
  it('upgrades a schema-14 file: no change log until the project is bound to a team, then every synced table is logged', () => {
    const { db, file } = dbAt(14);
    try {
      insertDocument(db, 'd1', 'h1');
      insertAnnotation(db, 'a1', 'd1');

      migrate(db, file, 15);

      expect(isStrict(db, 'sync_changes')).toBe(true);
      expect(isStrict(db, 'sync_bases')).toBe(true);
      const changes = () => db.prepare('SELECT kind, id FROM sync_changes ORDER BY seq').all();
      const syncTriggers = () => db.prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync%'").pluck().all() as string[];
      // A project never shared live has no triggers and keeps no log.
      expect(syncTriggers()).toEqual([]);
      insertTag(db, 't1', 'economic');
      expect(changes()).toEqual([]);

      installSyncTriggers(db);
      installSyncTriggers(db);
      db.prepare("UPDATE annotations SET modified_at = ? WHERE id = 'a1'").run(NOW);
      db.prepare("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES ('a1', 't1')").run();
      db.prepare("INSERT INTO notes (owner_kind, owner_id, json, text, author, created_at, modified_at) VALUES ('annotation', 'a1', '{}', 'n', 'me', ?, ?)").run(NOW, NOW);
      db.prepare("INSERT INTO project_meta (key, value) VALUES ('dossier.summary', '{}')").run();
      // Other project settings are not team records.
      db.prepare("INSERT INTO project_meta (key, value) VALUES ('layout', '{}')").run();
      db.prepare("DELETE FROM annotation_tags WHERE annotation_id = 'a1'").run();
      expect(changes()).toEqual([
        { kind: 'annotation', id: 'a1' },
        { kind: 'annotation', id: 'a1' },
        { kind: 'note', id: 'annotation:a1' },
        { kind: 'summary', id: 'dossier.summary' },
        { kind: 'annotation', id: 'a1' },
      ]);
      const watched = new Set(syncTriggers());
      for (const t of ['annotations', 'annotation_tags', 'links', 'tags', 'relation_types', 'documents', 'notes', 'attributes', 'attribute_values', 'hypothesis_ratings', 'cluster_titles']) {
        expect(watched.has(t), t).toBe(true);
      }
    } finally {
      db.close();
    }
  });
});
