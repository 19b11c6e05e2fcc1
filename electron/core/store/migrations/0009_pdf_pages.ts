/**
 * Schema 9: PDF documents. The documents table accepts the format 'pdf' (SQLite cannot change a
 * CHECK constraint in place, so the table is rebuilt the way SQLite documents it, with its indexes
 * and triggers recreated as they were), and document_pages keeps each page's first character
 * offset so every offset of a paged source knows its page. Pages are written once with the
 * document's text at import and never change, so, like the text, they are not journaled for undo.
 */
import type { Db } from '../db';

export const sql = `
CREATE TABLE document_pages (
  document_id TEXT NOT NULL REFERENCES documents (id),
  -- 1-based page number.
  page INTEGER NOT NULL CHECK (page >= 1),
  -- Where the page's text starts in documents.text, in UTF-16 code units.
  start INTEGER NOT NULL CHECK (start >= 0),
  PRIMARY KEY (document_id, page)
) STRICT, WITHOUT ROWID;
`;

const COLUMNS = `id, title, outlet, author, date, language, source_name, format, encoding, text, text_length,
  content_hash, created_at, modified_at, deleted_at`;

export function run(db: Db): void {
  const dependents = db
    .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'documents' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .all() as { sql: string }[];
  db.exec(`
CREATE TABLE documents_next (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  outlet TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  date TEXT,
  language TEXT NOT NULL DEFAULT '',
  source_name TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'docx', 'pdf')),
  encoding TEXT NOT NULL DEFAULT 'utf-8',
  text TEXT NOT NULL,
  text_length INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
INSERT INTO documents_next (${COLUMNS}) SELECT ${COLUMNS} FROM documents;
DROP TABLE documents;
ALTER TABLE documents_next RENAME TO documents;
`);
  for (const { sql: statement } of dependents) db.exec(statement);
}
