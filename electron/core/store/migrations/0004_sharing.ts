/**
 * Schema 4: sharing annotation files between colleagues (electron/core/share).
 *
 * Everything here lives in tables of its own rather than new columns on `annotations`/`links`:
 * those tables carry the undo journal's triggers (0002), which list their columns, and the
 * journal's replay only accepts statements on them. Keeping anchor health, orphans, conflicts and
 * the merge bases apart leaves the journal exactly as it was.
 */
export const sql = `
-- How a claim was anchored by an import. No row: anchored exactly (or made here).
-- 'fuzzy': its quote was found again by approximate search in a different copy of the text.
CREATE TABLE annotation_anchors (
  annotation_id TEXT PRIMARY KEY REFERENCES annotations (id),
  state TEXT NOT NULL CHECK (state IN ('fuzzy')),
  -- The errors of the approximate match, and the quote the file gave (the stored one is the new text's).
  errors INTEGER NOT NULL CHECK (errors >= 0),
  original_exact TEXT NOT NULL,
  source_file TEXT NOT NULL,
  anchored_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Claims from a colleague's file whose quote could not be found in any document. They keep the
-- claim's stable id, selectors, tags (by name), note and author until the user re-attaches them by
-- selecting the right text (the claim is then created with this same id) or deletes them.
CREATE TABLE orphans (
  id TEXT PRIMARY KEY,
  -- The file's target source (urn:crossread:doc:sha256:… or another tool's URL); hash when known.
  source TEXT NOT NULL,
  document_hash TEXT,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  start INTEGER,
  end INTEGER,
  -- JSON array of tag names.
  tags TEXT NOT NULL,
  -- A Lexical editor state and its plain text, or NULL without a note.
  note_json TEXT,
  note_text TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  source_file TEXT NOT NULL,
  -- Set when re-attached (reattached_to = the claim) or deleted by the user: a tombstone.
  deleted_at TEXT,
  reattached_at TEXT
) STRICT;

-- Links from a colleague's file whose claims are not both here because one is an orphan: they are
-- created when the orphan is re-attached, and travel on in exports meanwhile.
CREATE TABLE pending_links (
  id TEXT PRIMARY KEY,
  from_id TEXT NOT NULL,
  to_id TEXT NOT NULL,
  relation_id TEXT NOT NULL REFERENCES relation_types (id),
  note_json TEXT,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  source_file TEXT NOT NULL,
  CHECK (from_id <> to_id)
) STRICT;

-- Where both sides changed an item, the newer version wins and the other is kept here to review.
CREATE TABLE merge_conflicts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  item_kind TEXT NOT NULL CHECK (item_kind IN ('annotation', 'link', 'note', 'tag', 'relation', 'document', 'summary')),
  item_id TEXT NOT NULL,
  -- Which side lost: 'mine' (this project's version was replaced) or 'theirs' (the file's was not taken).
  losing_side TEXT NOT NULL CHECK (losing_side IN ('mine', 'theirs')),
  -- The losing version, as JSON in the shape of electron/core/share/model.ts.
  losing TEXT NOT NULL,
  source_file TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolution TEXT CHECK (resolution IN ('kept', 'swapped'))
) STRICT;
CREATE INDEX merge_conflicts_open ON merge_conflicts (created_at) WHERE resolved_at IS NULL;

-- The modified time of the version of each item last exchanged with a colleague (exported or
-- imported): the common base that tells "changed on one side" from "changed on both".
CREATE TABLE share_bases (
  item_kind TEXT NOT NULL,
  item_id TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  PRIMARY KEY (item_kind, item_id)
) STRICT, WITHOUT ROWID;
`;
