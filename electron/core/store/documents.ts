import { createHash, randomUUID } from 'node:crypto';
import type { DocumentMeta, DocumentPatch } from '../../../shared/contract';
import { AppError } from '../errors';
import type { ExtractedDocument } from '../import/types';
import type { SearchIndexer } from '../search/indexer';
import type { Db } from './db';
import type { DbDocument } from './rows';

/**
 * The content hash that identifies a document across projects and colleagues: SHA-256 over the
 * UTF-8 bytes of the stored text (after import normalisation: no BOM, LF line ends, date header
 * removed), as lowercase hex.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const META_COLUMNS = `id, title, outlet, author, date, language, source_name, format, encoding, content_hash,
  text_length AS length, created_at, modified_at`;

function toMeta(row: DbDocument): DocumentMeta {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    author: row.author,
    date: row.date,
    language: row.language,
    sourceName: row.source_name,
    format: row.format,
    hash: row.content_hash,
    length: row.length,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

/** How much document text (UTF-16 code units) stays cached: search reads the texts of its hits. */
const TEXT_CACHE_UNITS = 32 * 1024 * 1024;

export class Documents {
  private readonly texts = new Map<string, string>();
  private cachedUnits = 0;

  constructor(
    private readonly db: Db,
    private readonly index: SearchIndexer,
  ) {}

  list(): DocumentMeta[] {
    const rows = this.db
      .prepare(`SELECT ${META_COLUMNS} FROM documents WHERE deleted_at IS NULL ORDER BY created_at, rowid`)
      .all() as DbDocument[];
    return rows.map(toMeta);
  }

  get(id: string): DocumentMeta {
    const row = this.db
      .prepare(`SELECT ${META_COLUMNS} FROM documents WHERE id = ? AND deleted_at IS NULL`)
      .get(id) as DbDocument | undefined;
    if (!row) throw new AppError('not-found', 'That document is not in this project (it may have been deleted).');
    return toMeta(row);
  }

  /** The document's text; texts are immutable after import, so they are cached. */
  text(id: string): string {
    const cached = this.texts.get(id);
    if (cached !== undefined) return cached;
    const row = this.db.prepare('SELECT text FROM documents WHERE id = ? AND deleted_at IS NULL').get(id) as
      | { text: string }
      | undefined;
    if (!row) throw new AppError('not-found', 'That document is not in this project (it may have been deleted).');
    this.cache(id, row.text);
    return row.text;
  }

  findByHash(hash: string): DocumentMeta | undefined {
    const row = this.db
      .prepare(`SELECT ${META_COLUMNS} FROM documents WHERE content_hash = ? AND deleted_at IS NULL`)
      .get(hash) as DbDocument | undefined;
    return row ? toMeta(row) : undefined;
  }

  /** `id`: an id the document already has elsewhere (a REFI-QDA source's GUID); a new one by default. */
  insert(doc: ExtractedDocument, sourceName: string, now: string, id: string = randomUUID()): DocumentMeta {
    this.db
      .prepare(
        `INSERT INTO documents (id, title, outlet, author, date, language, source_name, format, encoding, text,
           content_hash, text_length, created_at, modified_at)
         VALUES (@id, @title, @outlet, @author, @date, @language, @sourceName, @format, @encoding, @text,
           @hash, @length, @now, @now)`,
      )
      .run({
        id,
        title: doc.title,
        outlet: doc.outlet,
        author: doc.author,
        date: doc.date,
        language: doc.language,
        sourceName,
        format: doc.format,
        encoding: doc.encoding,
        text: doc.text,
        hash: contentHash(doc.text),
        length: doc.text.length,
        now,
      });
    if (doc.pageStarts?.length) {
      const page = this.db.prepare('INSERT INTO document_pages (document_id, page, start) VALUES (?, ?, ?)');
      doc.pageStarts.forEach((start, i) => page.run(id, i + 1, start));
    }
    this.index.indexDocument(id, doc.text);
    return this.get(id);
  }

  /** A paged source's page map: the offset where each page's text starts, page 1 first; [] when unpaged. */
  pageStarts(id: string): number[] {
    const rows = this.db.prepare('SELECT start FROM document_pages WHERE document_id = ? ORDER BY page').all(id) as { start: number }[];
    return rows.map((r) => r.start);
  }

  update(id: string, patch: DocumentPatch, now: string): DocumentMeta {
    const current = this.get(id);
    const next = { ...current, ...patch };
    const info = this.db
      .prepare(
        `UPDATE documents SET title = @title, outlet = @outlet, author = @author, date = @date,
           language = @language, modified_at = @now WHERE id = @id AND deleted_at IS NULL`,
      )
      .run({ id, title: next.title, outlet: next.outlet, author: next.author, date: next.date, language: next.language, now });
    if (info.changes !== 1) throw new AppError('internal', 'The document could not be updated.');
    return this.get(id);
  }

  /** Tombstones the document and, with it, its claims and the links that touch them; drops it from the search index. */
  delete(id: string, now: string): void {
    this.get(id);
    this.db.prepare('UPDATE documents SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
    const claims = 'SELECT id FROM annotations WHERE document_id = ? AND deleted_at IS NULL';
    this.db
      .prepare(
        `UPDATE links SET deleted_at = ?, modified_at = ? WHERE deleted_at IS NULL AND (from_id IN (${claims}) OR to_id IN (${claims}))`,
      )
      .run(now, now, id, id);
    this.db
      .prepare('UPDATE annotations SET deleted_at = ?, modified_at = ? WHERE document_id = ? AND deleted_at IS NULL')
      .run(now, now, id);
    this.index.removeDocument(id);
    this.uncache(id);
  }

  /** After an undo or redo revived or tombstoned the document: its index entries and cached text follow. */
  resync(id: string): void {
    this.uncache(id);
    this.index.removeDocument(id);
    const row = this.db.prepare('SELECT text FROM documents WHERE id = ? AND deleted_at IS NULL').get(id) as { text: string } | undefined;
    if (row) this.index.indexDocument(id, row.text);
  }

  private cache(id: string, text: string): void {
    this.uncache(id);
    this.texts.set(id, text);
    this.cachedUnits += text.length;
    for (const [oldId, oldText] of this.texts) {
      if (this.cachedUnits <= TEXT_CACHE_UNITS || oldId === id) break;
      this.texts.delete(oldId);
      this.cachedUnits -= oldText.length;
    }
  }

  private uncache(id: string): void {
    const text = this.texts.get(id);
    if (text === undefined) return;
    this.texts.delete(id);
    this.cachedUnits -= text.length;
  }
}
