/**
 * Search in the short texts that are not documents or notes: documents' attribute values (text and
 * choice attributes; numbers, dates and yes/no are not words) and tags' codebook entries. They are
 * few and short, so they are read and matched whole at query time, with the same keys as the
 * full-text index (shared/words.ts), rather than kept in step with an index on every edit.
 */
import type { Db } from '../store/db';
import { findRanges, parseQuery, type QueryItem } from '../../../shared/words';
import type { CodebookField, RecordHit } from '../../../shared/search-records';
import { context } from './query';

/** Where `items` occur in `text`, or none unless every item occurs (as in the full-text index). */
function matchesOf(text: string, items: readonly QueryItem[]): [number, number][] {
  if (!text) return [];
  if (items.length > 1 && !items.every((item) => findRanges(text, [item]).length > 0)) return [];
  return findRanges(text, items);
}

interface ValueRow {
  documentId: string;
  documentTitle: string;
  attributeId: string;
  attributeName: string;
  value: string;
}

interface TagRow {
  id: string;
  name: string;
  definition: string;
  useWhen: string;
  avoidWhen: string;
  example: string;
}

const FIELDS: readonly CodebookField[] = ['definition', 'useWhen', 'avoidWhen', 'example'];

/** Hits of `q` in live documents' values (documents in reading order, attributes in their order), then in live tags' codebook entries. */
export function recordHits(db: Db, q: string, limit: number): RecordHit[] {
  const items = parseQuery(q);
  if (items.length === 0) return [];
  const out: RecordHit[] = [];
  const values = db
    .prepare(
      `SELECT d.id AS documentId, d.title AS documentTitle, a.id AS attributeId, a.name AS attributeName, v.value
       FROM attribute_values v
       JOIN attributes a ON a.id = v.attribute_id AND a.deleted_at IS NULL
       JOIN documents d ON d.id = v.owner_id AND d.deleted_at IS NULL
       WHERE v.owner_kind = 'document' AND v.deleted_at IS NULL AND a.type IN ('text', 'choice') AND a.builtin IS NULL
       ORDER BY d.created_at, d.rowid, a.position, a.rowid`,
    )
    .all() as ValueRow[];
  for (const v of values) {
    for (const [start, end] of matchesOf(v.value, items)) {
      if (out.length >= limit) return out;
      const { value: _value, ...owner } = v;
      out.push({ kind: 'attribute', ...owner, ...context(v.value, start, end) });
    }
  }
  const tags = db
    .prepare(
      `SELECT id, name, definition, use_when AS useWhen, avoid_when AS avoidWhen, example
       FROM tags WHERE deleted_at IS NULL ORDER BY lower(name), rowid`,
    )
    .all() as TagRow[];
  for (const tag of tags) {
    for (const field of FIELDS) {
      for (const [start, end] of matchesOf(tag[field], items)) {
        if (out.length >= limit) return out;
        out.push({ kind: 'codebook', tagId: tag.id, tagName: tag.name, field, ...context(tag[field], start, end) });
      }
    }
  }
  return out;
}
