/**
 * Analysis of Competing Hypotheses: analyses (a question each), their hypotheses (columns), their
 * evidence rows (a claim, a claim cluster named by one of its claims, an assumption or absent
 * evidence) and the analysts' ratings of each cell. Every table carries UUIDs, authors, times and
 * tombstones like everything a colleague may merge, and is journaled whole-row (0002's triggers),
 * so every edit of the matrix is an undo step.
 *
 * A rating is unique per cell and author: ratings belong to their author, so a colleague's file adds
 * their ratings beside mine instead of replacing them. A row keeps its claim id even when that claim
 * is deleted (no foreign key: the row is then shown as missing, never dropped, and a colleague's row
 * may name a claim this project has not received yet).
 *
 * Merge conflicts may now be about these records: the kind's CHECK grows (the table is rebuilt).
 */
import { tombstonedTableTriggers } from './0002_links_notes_history';

const ANALYSIS_COLUMNS = ['id', 'question', 'author', 'position', 'created_at', 'modified_at', 'deleted_at'];
const HYPOTHESIS_COLUMNS = ['id', 'analysis_id', 'title', 'kind', 'description', 'description_text', 'author', 'position', 'created_at', 'modified_at', 'deleted_at'];
const ROW_COLUMNS = ['id', 'analysis_id', 'kind', 'claim_id', 'text', 'credibility', 'relevance', 'doubtful', 'author', 'position', 'created_at', 'modified_at', 'deleted_at'];
const RATING_COLUMNS = ['id', 'row_id', 'hypothesis_id', 'author', 'rating', 'rationale', 'created_at', 'modified_at', 'deleted_at'];
const LEVEL = `('low', 'medium', 'high')`;

export const sql = `
CREATE TABLE hypothesis_analyses (
  id TEXT PRIMARY KEY,
  question TEXT NOT NULL,
  author TEXT NOT NULL,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE TABLE hypotheses (
  id TEXT PRIMARY KEY,
  analysis_id TEXT NOT NULL REFERENCES hypothesis_analyses (id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'plain' CHECK (kind IN ('plain', 'deception', 'other')),
  -- Lexical JSON of the description, '' when there is none; its plain text for search and exports.
  description TEXT NOT NULL DEFAULT '',
  description_text TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX hypotheses_by_analysis ON hypotheses (analysis_id) WHERE deleted_at IS NULL;

CREATE TABLE hypothesis_rows (
  id TEXT PRIMARY KEY,
  analysis_id TEXT NOT NULL REFERENCES hypothesis_analyses (id),
  kind TEXT NOT NULL CHECK (kind IN ('claim', 'cluster', 'assumption', 'absent')),
  claim_id TEXT,
  text TEXT NOT NULL DEFAULT '',
  -- NULL: the default from the claim's source grading.
  credibility TEXT CHECK (credibility IN ${LEVEL}),
  relevance TEXT NOT NULL DEFAULT 'medium' CHECK (relevance IN ${LEVEL}),
  doubtful INTEGER NOT NULL DEFAULT 0 CHECK (doubtful IN (0, 1)),
  author TEXT NOT NULL,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK ((kind IN ('claim', 'cluster')) = (claim_id IS NOT NULL))
) STRICT;
CREATE INDEX hypothesis_rows_by_analysis ON hypothesis_rows (analysis_id) WHERE deleted_at IS NULL;

CREATE TABLE hypothesis_ratings (
  id TEXT PRIMARY KEY,
  row_id TEXT NOT NULL REFERENCES hypothesis_rows (id),
  hypothesis_id TEXT NOT NULL REFERENCES hypotheses (id),
  author TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('CC', 'C', 'N', 'I', 'II', 'NA')),
  rationale TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX hypothesis_ratings_cell ON hypothesis_ratings (row_id, hypothesis_id, author);

CREATE TABLE merge_conflicts_next (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  item_kind TEXT NOT NULL CHECK (item_kind IN ('annotation', 'link', 'note', 'tag', 'relation', 'document', 'summary', 'attribute', 'attribute_value',
    'hypothesis_analysis', 'hypothesis', 'hypothesis_row', 'hypothesis_rating')),
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

${tombstonedTableTriggers('hypothesis_analyses', ANALYSIS_COLUMNS)}
${tombstonedTableTriggers('hypotheses', HYPOTHESIS_COLUMNS)}
${tombstonedTableTriggers('hypothesis_rows', ROW_COLUMNS)}
${tombstonedTableTriggers('hypothesis_ratings', RATING_COLUMNS)}
`;
