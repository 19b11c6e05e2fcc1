/**
 * Schema 3: the full-text search index (SQLite FTS5). Words are stored as keys the app computes
 * (case-folded, ё = е, Snowball-stemmed: see electron/core/search/tokenize.ts), so the FTS
 * tokenizer only has to split on spaces; combining marks count as word characters so that one key
 * is always one FTS token. Documents already in the project are indexed by this step.
 */
import type { Db } from '../db';
import { SearchIndexer } from '../../search/indexer';

export const sql = `
-- One row per indexed text: a paragraph of a live document, or a note.
CREATE TABLE search_segments (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('document', 'note')),
  document_id TEXT REFERENCES documents (id),
  owner_kind TEXT CHECK (owner_kind IN ('annotation', 'link')),
  owner_id TEXT,
  -- 1-based paragraph number for document segments; 0 for notes.
  paragraph INTEGER NOT NULL,
  -- The paragraph's range in the document text (UTF-16 code units); for notes, 0 and the note's length.
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  CHECK ((kind = 'document') = (document_id IS NOT NULL)),
  CHECK ((kind = 'note') = (owner_id IS NOT NULL AND owner_kind IS NOT NULL))
) STRICT;
CREATE INDEX search_segments_by_document ON search_segments (document_id) WHERE kind = 'document';
CREATE UNIQUE INDEX search_segments_by_owner ON search_segments (owner_kind, owner_id) WHERE kind = 'note';

CREATE VIRTUAL TABLE search_fts USING fts5 (
  terms,
  content = '',
  contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
-- Every occurrence of a key: (term, doc = segment id, offset = word position in the segment).
-- Search reads positions from here, so it never re-tokenizes the paragraphs it only counts.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search_fts, 'instance');
`;

export function run(db: Db): void {
  new SearchIndexer(db).rebuild();
}
