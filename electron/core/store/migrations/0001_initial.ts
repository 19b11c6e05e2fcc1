/** The first schema: documents, tags, annotations and their tags, and project metadata. */
export const sql = `
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  outlet TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  date TEXT,
  language TEXT NOT NULL DEFAULT '',
  source_name TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'docx')),
  encoding TEXT NOT NULL DEFAULT 'utf-8',
  text TEXT NOT NULL,
  -- UTF-16 code units, the app's offset unit; SQLite's length() counts code points.
  text_length INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX documents_live_hash ON documents (content_hash) WHERE deleted_at IS NULL;

CREATE TABLE tags (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX tags_live_name ON tags (lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE annotations (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id),
  start INTEGER NOT NULL CHECK (start >= 0),
  end INTEGER NOT NULL CHECK (end > start),
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX annotations_by_document ON annotations (document_id, start) WHERE deleted_at IS NULL;

CREATE TABLE annotation_tags (
  annotation_id TEXT NOT NULL REFERENCES annotations (id),
  tag_id TEXT NOT NULL REFERENCES tags (id),
  PRIMARY KEY (annotation_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag_id);

CREATE TABLE project_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
