/**
 * Source attributes: the project's attribute definitions and their values on documents (and, for
 * the built-in source grading, on single claims that override their document). Both tables carry
 * UUIDs, authors, times and tombstones like every record a colleague may merge, and both are
 * journaled whole-row (0002's triggers), so defining, renaming, deleting and setting are undo steps.
 *
 * A value row is unique per owner and attribute; clearing a value tombstones its row, and setting
 * it again revives the same row, so a merge compares one row per (owner, attribute).
 */
import { tombstonedTableTriggers, NOW } from './0002_links_notes_history';

const ATTRIBUTE_COLUMNS = ['id', 'name', 'type', 'choices', 'builtin', 'position', 'created_at', 'modified_at', 'deleted_at'];
const VALUE_COLUMNS = ['id', 'owner_kind', 'owner_id', 'attribute_id', 'value', 'author', 'created_at', 'modified_at', 'deleted_at'];

export const sql = `
CREATE TABLE attributes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'choice')),
  -- A JSON array of the choices, in order; '[]' unless type is 'choice'. Checked by the app.
  choices TEXT NOT NULL DEFAULT '[]',
  -- 'reliability' | 'credibility' for the built-in source grading; NULL for the project's own.
  builtin TEXT CHECK (builtin IN ('reliability', 'credibility')),
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
-- A backstop only: lower() folds ASCII alone, so the app compares names itself too.
CREATE UNIQUE INDEX attributes_live_name ON attributes (lower(name)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX attributes_builtin ON attributes (builtin) WHERE builtin IS NOT NULL;

-- The Admiralty grading, with the same ids in every project so colleagues' files agree on them.
INSERT INTO attributes (id, name, type, choices, builtin, position, created_at, modified_at) VALUES
  ('7a1e0c33-5b2d-4c1f-8e90-0000000000b1', 'source reliability', 'choice', '["A","B","C","D","E","F"]', 'reliability', 0, ${NOW}, ${NOW}),
  ('7a1e0c33-5b2d-4c1f-8e90-0000000000b2', 'information credibility', 'choice', '["1","2","3","4","5","6"]', 'credibility', 1, ${NOW}, ${NOW});

CREATE TABLE attribute_values (
  id TEXT PRIMARY KEY,
  -- A document, or a claim overriding its document's grading (no foreign key: one of two tables).
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('document', 'annotation')),
  owner_id TEXT NOT NULL,
  attribute_id TEXT NOT NULL REFERENCES attributes (id),
  -- Canonical text of the value (shared/attributes.ts), checked against the attribute's type by the app.
  value TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX attribute_values_owner ON attribute_values (owner_kind, owner_id, attribute_id);
CREATE INDEX attribute_values_by_attribute ON attribute_values (attribute_id) WHERE deleted_at IS NULL;

-- Merge conflicts may now be about an attribute or a value: the kind's CHECK grows, which in
-- SQLite means rebuilding the table (rows and ids kept).
CREATE TABLE merge_conflicts_next (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  item_kind TEXT NOT NULL CHECK (item_kind IN ('annotation', 'link', 'note', 'tag', 'relation', 'document', 'summary', 'attribute', 'attribute_value')),
  item_id TEXT NOT NULL,
  losing_side TEXT NOT NULL CHECK (losing_side IN ('mine', 'theirs')),
  losing TEXT NOT NULL,
  source_file TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolution TEXT CHECK (resolution IN ('kept', 'swapped'))
) STRICT;
INSERT INTO merge_conflicts_next (id, item_kind, item_id, losing_side, losing, source_file, created_at, resolved_at, resolution)
  SELECT id, item_kind, item_id, losing_side, losing, source_file, created_at, resolved_at, resolution FROM merge_conflicts;
DROP TABLE merge_conflicts;
ALTER TABLE merge_conflicts_next RENAME TO merge_conflicts;
CREATE INDEX merge_conflicts_open ON merge_conflicts (created_at) WHERE resolved_at IS NULL;

${tombstonedTableTriggers('attributes', ATTRIBUTE_COLUMNS)}
${tombstonedTableTriggers('attribute_values', VALUE_COLUMNS)}
`;
