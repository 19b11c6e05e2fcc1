/**
 * Schema 2: relation types, links between claims, notes, and the persistent undo journal.
 *
 * The undo journal uses SQLite's classic automatic undo technique: triggers on the tables that undo
 * steps change write, for every row change, the SQL that reverses it into `undo_log` — but only
 * while `undo_state.step` names the step being recorded, which the app sets inside the step's own
 * transaction. Tables a later migration alters must have these triggers dropped and recreated with
 * the new column list.
 */

/** Evaluated when an undo or redo is replayed, so the reversed rows carry the time of the reversal. */
export const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/** A SQL string literal. */
export const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

export const CURRENT_STEP = '(SELECT step FROM undo_state WHERE id = 1)';

export function logRow(table: string, rowId: string, inverseSql: string): string {
  return `INSERT INTO undo_log (step, tbl, row_id, sql) VALUES (${CURRENT_STEP}, ${lit(table)}, ${rowId}, ${inverseSql});`;
}

/**
 * Triggers for a table with a TEXT `id` key and tombstones. Undoing an insert tombstones the row
 * rather than removing it: a claim or link a colleague may already have received then merges as a
 * deletion instead of coming back. Undoing an update restores every column but stamps
 * `modified_at` with the time of the undo, so a merge sees the reversal as the newest change.
 */
export function tombstonedTableTriggers(table: string, columns: readonly string[]): string {
  const q = (c: string) => `"${c}"`;
  const restore = columns
    .filter((c) => c !== 'id' && c !== 'modified_at')
    .map((c) => `${lit(`${q(c)} = `)} || quote(old.${q(c)})`)
    .join(` || ', ' || `);
  const insertCols = columns.map(q).join(', ');
  const insertVals = columns.map((c) => `quote(old.${q(c)})`).join(` || ', ' || `);
  const when = `WHEN ${CURRENT_STEP} IS NOT NULL`;
  return `
CREATE TRIGGER ${table}_undo_insert AFTER INSERT ON ${table} ${when}
BEGIN
  ${logRow(table, 'new.id', `${lit(`UPDATE ${table} SET deleted_at = ${NOW}, modified_at = ${NOW} WHERE id = `)} || quote(new.id)`)}
END;
CREATE TRIGGER ${table}_undo_update AFTER UPDATE ON ${table} ${when}
BEGIN
  ${logRow(table, 'old.id', `${lit(`UPDATE ${table} SET `)} || ${restore} || ${lit(`, modified_at = ${NOW} WHERE id = `)} || quote(old.id)`)}
END;
CREATE TRIGGER ${table}_undo_delete AFTER DELETE ON ${table} ${when}
BEGIN
  ${logRow(table, 'old.id', `${lit(`INSERT INTO ${table} (${insertCols}) VALUES (`)} || ${insertVals} || ')'`)}
END;`;
}

const ANNOTATION_COLUMNS = ['id', 'document_id', 'start', 'end', 'exact', 'prefix', 'suffix', 'author', 'created_at', 'modified_at', 'deleted_at'];
const LINK_COLUMNS = ['id', 'from_id', 'to_id', 'relation_id', 'author', 'created_at', 'modified_at', 'deleted_at'];

export const sql = `
CREATE TABLE relation_types (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  inverse_name TEXT NOT NULL,
  symmetric INTEGER NOT NULL CHECK (symmetric IN (0, 1)),
  -- The stable key of a built-in type ('supports', …); NULL for the user's own.
  builtin TEXT,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
-- A backstop only: lower() folds ASCII alone, so the app compares names itself too.
CREATE UNIQUE INDEX relation_types_live_name ON relation_types (lower(name)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX relation_types_builtin ON relation_types (builtin) WHERE builtin IS NOT NULL;

-- The built-ins have the same ids in every project, so colleagues' files agree on them.
INSERT INTO relation_types (id, name, inverse_name, symmetric, builtin, position, created_at, modified_at) VALUES
  ('3f0c1a52-8d4e-4b7a-9c61-0000000000a1', 'supports', 'is supported by', 0, 'supports', 0, ${NOW}, ${NOW}),
  ('3f0c1a52-8d4e-4b7a-9c61-0000000000a2', 'contradicts', 'contradicts', 1, 'contradicts', 1, ${NOW}, ${NOW}),
  ('3f0c1a52-8d4e-4b7a-9c61-0000000000a3', 'elaborates', 'is elaborated by', 0, 'elaborates', 2, ${NOW}, ${NOW}),
  ('3f0c1a52-8d4e-4b7a-9c61-0000000000a4', 'same claim', 'same claim', 1, 'same-claim', 3, ${NOW}, ${NOW});

CREATE TABLE links (
  id TEXT PRIMARY KEY,
  from_id TEXT NOT NULL REFERENCES annotations (id),
  to_id TEXT NOT NULL REFERENCES annotations (id),
  relation_id TEXT NOT NULL REFERENCES relation_types (id),
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK (from_id <> to_id)
) STRICT;
CREATE INDEX links_by_from ON links (from_id);
CREATE INDEX links_by_to ON links (to_id);
CREATE INDEX links_by_relation ON links (relation_id) WHERE deleted_at IS NULL;

-- Notes autosave and are not undo steps, so they live apart from the journaled tables: undoing an
-- earlier step never rolls a note back. The owner is a claim or a link (no foreign key: it is one
-- of two tables); a tombstoned owner keeps its note, which comes back with it on undo.
CREATE TABLE notes (
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('annotation', 'link')),
  owner_id TEXT NOT NULL,
  -- A serialized Lexical editor state, validated by the app; never HTML.
  json TEXT NOT NULL,
  -- Plain text derived from json, for lists, search and exports.
  text TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  PRIMARY KEY (owner_kind, owner_id)
) STRICT, WITHOUT ROWID;

-- step: the undo step being recorded, or NULL when nothing is recorded.
CREATE TABLE undo_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  step INTEGER
) STRICT;
INSERT INTO undo_state (id, step) VALUES (1, NULL);

CREATE TABLE undo_steps (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  label TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

-- The SQL that reverses a step, replayed newest first. After an undo it holds the redo SQL.
CREATE TABLE undo_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  step INTEGER NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  sql TEXT NOT NULL
) STRICT;
CREATE INDEX undo_log_by_step ON undo_log (step, seq);

${tombstonedTableTriggers('annotations', ANNOTATION_COLUMNS)}
${tombstonedTableTriggers('links', LINK_COLUMNS)}

CREATE TRIGGER annotation_tags_undo_insert AFTER INSERT ON annotation_tags WHEN ${CURRENT_STEP} IS NOT NULL
BEGIN
  ${logRow('annotation_tags', 'new.annotation_id', `${lit('DELETE FROM annotation_tags WHERE annotation_id = ')} || quote(new.annotation_id) || ${lit(' AND tag_id = ')} || quote(new.tag_id)`)}
END;
CREATE TRIGGER annotation_tags_undo_delete AFTER DELETE ON annotation_tags WHEN ${CURRENT_STEP} IS NOT NULL
BEGIN
  ${logRow('annotation_tags', 'old.annotation_id', `${lit('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (')} || quote(old.annotation_id) || ', ' || quote(old.tag_id) || ')'`)}
END;
`;
