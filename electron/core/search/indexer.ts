/**
 * Keeps the full-text index in step with documents and notes. The index is derived data: a segment
 * per document paragraph and per note, each with its words' keys (see tokenize.ts) in the FTS5
 * table `search_fts` (rowid = segment id). Callers run these inside their own write transaction,
 * so the index never disagrees with what it indexes.
 */
import { splitParagraphs } from '../../../shared/text';
import type { Db } from '../store/db';
import { termsOf } from '../../../shared/words';

/** Bump when keys change (tokenizer, stemmer, folding): projects are re-indexed when they open. */
export const SEARCH_INDEX_VERSION = '1';

/** Claims and links have notes; the project, documents and tags have memos (migration 0007). */
export type NoteOwnerKind = 'annotation' | 'link' | 'project' | 'document' | 'tag';

export class SearchIndexer {
  /** Goes up whenever document segments change, so caches of them know to reload. */
  generation = 0;

  constructor(private readonly db: Db) {}

  indexDocument(documentId: string, text: string): void {
    this.generation++;
    const segment = this.db.prepare(
      `INSERT INTO search_segments (kind, document_id, paragraph, start, end) VALUES ('document', ?, ?, ?, ?)`,
    );
    const fts = this.db.prepare('INSERT INTO search_fts (rowid, terms) VALUES (?, ?)');
    splitParagraphs(text).forEach((p, i) => {
      const id = segment.run(documentId, i + 1, p.start, p.end).lastInsertRowid;
      fts.run(id, termsOf(text.slice(p.start, p.end)));
    });
  }

  removeDocument(documentId: string): void {
    this.generation++;
    const ids = this.db
      .prepare(`SELECT id FROM search_segments WHERE kind = 'document' AND document_id = ?`)
      .pluck()
      .all(documentId) as number[];
    this.removeSegments(ids);
  }

  /** Indexes a note's text in place of what was indexed for it before; an empty note is not indexed. */
  indexNote(kind: NoteOwnerKind, ownerId: string, text: string): void {
    this.removeNote(kind, ownerId);
    const terms = termsOf(text);
    if (!terms) return;
    const id = this.db
      .prepare(`INSERT INTO search_segments (kind, owner_kind, owner_id, paragraph, start, end) VALUES ('note', ?, ?, 0, 0, ?)`)
      .run(kind, ownerId, text.length).lastInsertRowid;
    this.db.prepare('INSERT INTO search_fts (rowid, terms) VALUES (?, ?)').run(id, terms);
  }

  removeNote(kind: NoteOwnerKind, ownerId: string): void {
    const ids = this.db
      .prepare(`SELECT id FROM search_segments WHERE kind = 'note' AND owner_kind = ? AND owner_id = ?`)
      .pluck()
      .all(kind, ownerId) as number[];
    this.removeSegments(ids);
  }

  /** Re-indexes every live document and every note from scratch. */
  rebuild(): void {
    this.generation++;
    this.db.exec(`DELETE FROM search_fts; DELETE FROM search_segments;`);
    const docs = this.db.prepare('SELECT id, text FROM documents WHERE deleted_at IS NULL ORDER BY created_at, rowid').all() as {
      id: string;
      text: string;
    }[];
    for (const d of docs) this.indexDocument(d.id, d.text);
    const notes = this.db.prepare('SELECT owner_kind, owner_id, text FROM notes').all() as {
      owner_kind: NoteOwnerKind;
      owner_id: string;
      text: string;
    }[];
    for (const n of notes) this.indexNote(n.owner_kind, n.owner_id, n.text);
    this.db
      .prepare(`INSERT INTO project_meta (key, value) VALUES ('search_index_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
      .run(SEARCH_INDEX_VERSION);
  }

  /** Whether the index was built with the keys this version of the app makes. */
  isCurrent(): boolean {
    const row = this.db.prepare(`SELECT value FROM project_meta WHERE key = 'search_index_version'`).get() as { value: string } | undefined;
    return row?.value === SEARCH_INDEX_VERSION;
  }

  private removeSegments(ids: readonly number[]): void {
    const fts = this.db.prepare('DELETE FROM search_fts WHERE rowid = ?');
    const seg = this.db.prepare('DELETE FROM search_segments WHERE id = ?');
    for (const id of ids) {
      fts.run(id);
      seg.run(id);
    }
  }
}
