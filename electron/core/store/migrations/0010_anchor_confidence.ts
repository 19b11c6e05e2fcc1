/**
 * Schema 14: how sure an import was of where it placed each claim. A claim found again in a text
 * keeps the match's score (anchor_scores); one whose best match scored too low is not placed but
 * kept with the orphans, its best candidate beside it, for the user to accept or reject. Like the
 * rest of the sharing tables (0004), these stay out of the undo journal.
 */
export const sql = `
-- The score (0–1) of the match an import placed a claim with; no row for claims made here.
CREATE TABLE anchor_scores (
  annotation_id TEXT PRIMARY KEY REFERENCES annotations (id),
  confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  source_file TEXT NOT NULL,
  anchored_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- A claim set aside for review: where its best match was (document by content hash, range in
-- UTF-16 code units) and the match's score. All NULL for an orphan found nowhere, or once rejected.
ALTER TABLE orphans ADD COLUMN candidate_hash TEXT;
ALTER TABLE orphans ADD COLUMN candidate_start INTEGER CHECK (candidate_start >= 0);
ALTER TABLE orphans ADD COLUMN candidate_end INTEGER CHECK (candidate_end > candidate_start);
ALTER TABLE orphans ADD COLUMN confidence REAL CHECK (confidence >= 0 AND confidence <= 1);
`;
