/**
 * Cluster titles. A claim cluster (shared/clusters.ts) has no row of its own: it is the set of
 * claims joined by "same claim" links and is named by its key claim, the earliest member. The title
 * the analyst gives it is stored under that key claim, so `id` is the key claim's id. Clearing a
 * title (back to the default, the earliest quote) tombstones the row; writing it again revives it.
 *
 * Journaled whole-row like the other tombstoned tables, so renaming a cluster is an undo step, and
 * merge conflicts may now be about a cluster title (the kind's CHECK grows: a table rebuild).
 */
import { tombstonedTableTriggers } from './0002_links_notes_history';

export const CLUSTER_TITLE_COLUMNS = ['id', 'title', 'author', 'created_at', 'modified_at', 'deleted_at'];

export const sql = `
CREATE TABLE cluster_titles (
  id TEXT PRIMARY KEY REFERENCES annotations (id),
  title TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE TABLE merge_conflicts_next (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  item_kind TEXT NOT NULL CHECK (item_kind IN ('annotation', 'link', 'note', 'tag', 'relation', 'document', 'summary', 'attribute', 'attribute_value',
    'hypothesis_analysis', 'hypothesis', 'hypothesis_row', 'hypothesis_rating', 'cluster_title')),
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

${tombstonedTableTriggers('cluster_titles', CLUSTER_TITLE_COLUMNS)}
`;
