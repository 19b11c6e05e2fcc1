import { randomUUID } from 'node:crypto';
import type { Annotation } from '../../../shared/contract';
import { quoteOf, trimRange } from '../../../shared/text';
import { AppError } from '../errors';
import type { Db } from './db';
import type { Documents } from './documents';
import type { Links } from './links';
import type { DbAnnotation } from './rows';
import type { Tags } from './tags';

const SELECT = `SELECT a.id, a.document_id, a.start, a.end, a.exact, a.prefix, a.suffix, a.author,
    a.created_at, a.modified_at,
    (SELECT json_group_array(tag_id) FROM (
       SELECT at.tag_id FROM annotation_tags at JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL
       WHERE at.annotation_id = a.id ORDER BY t.position)) AS tag_ids,
    coalesce((SELECT n.text FROM notes n WHERE n.owner_kind = 'annotation' AND n.owner_id = a.id), '') AS note_text
  FROM annotations a`;

function toAnnotation(row: DbAnnotation): Annotation {
  return {
    id: row.id,
    documentId: row.document_id,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    tagIds: JSON.parse(row.tag_ids) as string[],
    noteText: row.note_text,
    author: row.author,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

export class Annotations {
  constructor(
    private readonly db: Db,
    private readonly documents: Documents,
    private readonly tags: Tags,
    private readonly links: Links,
  ) {}

  list(documentId?: string): Annotation[] {
    if (!documentId) return this.listAll();
    const rows = this.db
      .prepare(`${SELECT} WHERE a.document_id = ? AND a.deleted_at IS NULL ORDER BY a.start, a.end`)
      .all(documentId) as DbAnnotation[];
    return rows.map(toAnnotation);
  }

  /**
   * Every live claim of the project. Its tags and note texts are read in one pass each and joined
   * here: per-row subqueries (a note lookup for each of 10,000 claims) were most of a dossier
   * export's read of the project.
   */
  private listAll(): Annotation[] {
    const rows = this.db
      .prepare(
        `SELECT id, document_id, start, end, exact, prefix, suffix, author, created_at, modified_at
         FROM annotations WHERE deleted_at IS NULL ORDER BY document_id, start, end`,
      )
      .all() as Omit<DbAnnotation, 'tag_ids' | 'note_text'>[];
    const tags = new Map<string, string[]>();
    const tagRows = this.db
      .prepare(
        `SELECT at.annotation_id AS id, at.tag_id AS tag FROM annotation_tags at
         JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL ORDER BY t.position`,
      )
      .all() as { id: string; tag: string }[];
    for (const r of tagRows) {
      const list = tags.get(r.id);
      if (list) list.push(r.tag);
      else tags.set(r.id, [r.tag]);
    }
    const notes = this.db.prepare(`SELECT owner_id AS id, text FROM notes WHERE owner_kind = 'annotation'`).all() as { id: string; text: string }[];
    const noteText = new Map(notes.map((n) => [n.id, n.text]));
    return rows.map((row) => ({
      id: row.id,
      documentId: row.document_id,
      start: row.start,
      end: row.end,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      tagIds: tags.get(row.id) ?? [],
      noteText: noteText.get(row.id) ?? '',
      author: row.author,
      createdAt: row.created_at,
      modifiedAt: row.modified_at,
    }));
  }

  get(id: string): Annotation {
    const row = this.db.prepare(`${SELECT} WHERE a.id = ? AND a.deleted_at IS NULL`).get(id) as DbAnnotation | undefined;
    if (!row) throw new AppError('not-found', 'That claim does not exist (it may have been deleted).');
    return toAnnotation(row);
  }

  create(
    input: { documentId: string; start: number; end: number; tagIds: readonly string[] },
    author: string,
    now: string,
    id: string = randomUUID(),
  ): Annotation {
    const text = this.documents.text(input.documentId);
    if (input.end > text.length) {
      throw new AppError('bad-input', `The selection ends at ${input.end}, past the end of the document (${text.length}).`);
    }
    const { start, end } = trimRange(text, input.start, input.end);
    if (end <= start) throw new AppError('bad-input', 'Select some text first: a claim needs at least one character.');
    const tags = this.tags.requireAll(input.tagIds);
    const q = quoteOf(text, start, end);
    this.db
      .prepare(
        `INSERT INTO annotations (id, document_id, start, end, exact, prefix, suffix, author, created_at, modified_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.documentId, start, end, q.exact, q.prefix, q.suffix, author, now, now);
    this.writeTags(id, input.tagIds);
    // Built from what was just written instead of read back (a new claim has no note yet): saving
    // claims is the hot path of the Store benchmark, and the read-back was a fifth of it.
    return {
      id,
      documentId: input.documentId,
      start,
      end,
      exact: q.exact,
      prefix: q.prefix,
      suffix: q.suffix,
      tagIds: tags.sort((a, b) => a.position - b.position).map((t) => t.id),
      noteText: '',
      author,
      createdAt: now,
      modifiedAt: now,
    };
  }

  /** Replaces the claim's tags; unchanged tags stay untouched, so an unchanged set changes nothing. */
  setTags(id: string, tagIds: readonly string[], now: string): Annotation {
    this.get(id);
    this.tags.requireAll(tagIds);
    const wanted = new Set(tagIds);
    const present = new Set(
      this.db.prepare('SELECT tag_id FROM annotation_tags WHERE annotation_id = ?').pluck().all(id) as string[],
    );
    const removed = [...present].filter((t) => !wanted.has(t));
    const added = [...wanted].filter((t) => !present.has(t));
    if (removed.length === 0 && added.length === 0) return this.get(id);
    const remove = this.db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id = ?');
    for (const t of removed) remove.run(id, t);
    this.writeTags(id, added);
    this.db.prepare('UPDATE annotations SET modified_at = ? WHERE id = ?').run(now, id);
    return this.get(id);
  }

  /** Adds one tag to a claim; false when it already had it. */
  addTag(id: string, tagId: string, now: string): boolean {
    const info = this.db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)').run(id, tagId);
    if (info.changes === 0) return false;
    this.db.prepare('UPDATE annotations SET modified_at = ? WHERE id = ?').run(now, id);
    return true;
  }

  /** The live claim with exactly this range, if any. */
  findExact(documentId: string, start: number, end: number): Annotation | undefined {
    const row = this.db
      .prepare(`${SELECT} WHERE a.document_id = ? AND a.start = ? AND a.end = ? AND a.deleted_at IS NULL ORDER BY a.created_at LIMIT 1`)
      .get(documentId, start, end) as DbAnnotation | undefined;
    return row ? toAnnotation(row) : undefined;
  }

  /** Tombstones the claim and, in the same step, the links that touch it. Its note stays, for undo. */
  delete(id: string, now: string): void {
    this.get(id);
    this.db.prepare('UPDATE annotations SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
    this.links.deleteTouching([id], now);
  }

  private writeTags(id: string, tagIds: readonly string[]): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    for (const tagId of tagIds) insert.run(id, tagId);
  }
}
