/**
 * Schema 9: memos. A memo is a note whose owner is the project, a document or a tag rather than a
 * claim or a link, so it lives in `notes` and inherits everything notes have: Lexical JSON with its
 * derived text, author and times, autosave, the clearing save as an undo step (0005's trigger), the
 * full-text index and the merge of colleagues' files. Only the CHECKs that list the owner kinds
 * widen; SQLite cannot alter a CHECK, so `notes` and `search_segments` are rebuilt. The project
 * memo's owner id is the project's own id (project_meta 'project_id').
 *
 * Rebuilding `notes` drops its undo trigger; it is recreated here exactly as 0005 wrote it (a
 * migration's SQL is frozen, so it is spelled out rather than imported from 0005's builder).
 * The search index is derived data: its segments table is recreated and everything re-indexed.
 */
import type { Db } from '../db';
import { SearchIndexer } from '../../search/indexer';
import { CURRENT_STEP, lit, logRow, NOW } from './0002_links_notes_history';

const NOTE_UNDO_COLUMNS = ['json', 'text', 'author'];
const assignments = NOTE_UNDO_COLUMNS.map((c) => `${lit(`"${c}" = `)} || quote(old."${c}")`).join(` || ', ' || `);
const OWNER_KINDS = `('annotation', 'link', 'project', 'document', 'tag')`;

export const sql = `
DROP TRIGGER notes_undo_update;
CREATE TABLE notes_next (
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ${OWNER_KINDS}),
  owner_id TEXT NOT NULL,
  json TEXT NOT NULL,
  text TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  PRIMARY KEY (owner_kind, owner_id)
) STRICT, WITHOUT ROWID;
INSERT INTO notes_next (owner_kind, owner_id, json, text, author, created_at, modified_at)
  SELECT owner_kind, owner_id, json, text, author, created_at, modified_at FROM notes;
DROP TABLE notes;
ALTER TABLE notes_next RENAME TO notes;

CREATE TRIGGER notes_undo_update AFTER UPDATE ON notes WHEN ${CURRENT_STEP} IS NOT NULL
BEGIN
  ${logRow(
    'notes',
    `old.owner_kind || ':' || old.owner_id`,
    `${lit('UPDATE notes SET ')} || ${assignments} || ${lit(`, modified_at = ${NOW} WHERE owner_kind = `)} || quote(old.owner_kind) || ${lit(' AND owner_id = ')} || quote(old.owner_id) || ${lit(' AND modified_at = ')} || quote(new.modified_at)`,
  )}
END;

DROP TABLE search_segments;
CREATE TABLE search_segments (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('document', 'note')),
  document_id TEXT REFERENCES documents (id),
  owner_kind TEXT CHECK (owner_kind IN ${OWNER_KINDS}),
  owner_id TEXT,
  paragraph INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  CHECK ((kind = 'document') = (document_id IS NOT NULL)),
  CHECK ((kind = 'note') = (owner_id IS NOT NULL AND owner_kind IS NOT NULL))
) STRICT;
CREATE INDEX search_segments_by_document ON search_segments (document_id) WHERE kind = 'document';
CREATE UNIQUE INDEX search_segments_by_owner ON search_segments (owner_kind, owner_id) WHERE kind = 'note';
`;

export function run(db: Db): void {
  new SearchIndexer(db).rebuild();
}
