/**
 * Full-text search over the documents' paragraphs and the notes. The FTS5 index's position lists
 * say which paragraphs hold every word of the query and at which word positions, which is enough
 * to count all hits; only the paragraphs of the hits returned are tokenized again, the same way the
 * index was built, to turn word positions into exact UTF-16 offsets into the stored text, whatever
 * case, ё or word form matched.
 */
import type { SearchHit } from '../../../shared/contract';
import type { Db } from '../store/db';
import type { Documents } from '../store/documents';
import type { SearchIndexer } from './indexer';
import { termsOf, tokenize, wordRanges } from './tokenize';

/** How much context a hit shows either side of the match, in UTF-16 code units (cut at a word boundary). */
export const CONTEXT_UNITS = 60;

/** Quotes that make a phrase: "…", «…», “…”, „…“. */
const PHRASE = /"([^"]*)"|«([^»]*)»|“([^”]*)”|„([^“”]*)[“”]/g;

/** A query term: one word's key, or a phrase's keys in order. */
export type QueryItem = readonly string[];

/** The words and quoted phrases of a query, as keys; empty when it holds no word at all. */
export function parseQuery(q: string): QueryItem[] {
  const items: QueryItem[] = [];
  const seen = new Set<string>();
  const add = (keys: string[]) => {
    const id = keys.join(' ');
    if (keys.length === 0 || seen.has(id)) return;
    seen.add(id);
    items.push(keys);
  };
  const rest = q.replace(PHRASE, (...m: unknown[]) => {
    const inner = (m.slice(1, 5).find((g) => typeof g === 'string') as string | undefined) ?? '';
    add(terms(inner));
    return ' ';
  });
  for (const key of terms(rest)) add([key]);
  return items;
}

const terms = (text: string) => termsOf(text).split(' ').filter(Boolean);

/** A paragraph of a live document, as the index holds it. */
interface DocumentSegment {
  id: number;
  documentId: string;
  paragraph: number;
  start: number;
  end: number;
  /** The document's place in the project's reading order. */
  order: number;
}

/** A segment that holds every query item, placed in reading order, with its matches as word positions. */
interface Candidate {
  segmentId: number;
  kind: 'document' | 'note';
  documentId: string;
  order: number;
  /** Document hits: the paragraph's start; note hits: the claim's start. */
  position: number;
  paragraph: number;
  annotationId: string | null;
  linkId: string | null;
  ownerKind: 'annotation' | 'link' | null;
  ownerId: string | null;
  /** Document hits: the paragraph's start in the document; note hits: 0. */
  base: number;
  end: number;
  /** Flat pairs: [first word, word count, …] of each match. */
  matches: number[];
}

export interface SearchOptions {
  /** At most this many hits are returned (all are counted). */
  limit: number;
  /** Search the notes too (the search panel does; auto-coding does not). */
  notes: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
}

export class Search {
  private segments: { stamp: string; byId: Map<number, DocumentSegment> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly documents: Documents,
    private readonly indexer: SearchIndexer,
  ) {}

  /** Every hit of `q`, in document order then offset; at most `limit` of them, with the total count. */
  run(q: string, opts: SearchOptions): SearchResult {
    const items = parseQuery(q);
    if (items.length === 0) return { hits: [], total: 0 };
    const candidates = this.place(this.matchesBySegment(items), opts.notes);

    const hits: SearchHit[] = [];
    let total = 0;
    for (const c of candidates) {
      total += c.matches.length / 2;
      if (hits.length >= opts.limit) continue;
      const text = this.segmentText(c);
      if (text === null) continue;
      for (const [start, end] of rangesOf(text, c.matches, items)) {
        if (hits.length >= opts.limit) break;
        hits.push({
          kind: c.kind,
          documentId: c.documentId,
          annotationId: c.annotationId,
          linkId: c.linkId,
          start: c.base + start,
          end: c.base + end,
          paragraph: c.paragraph,
          ...context(text, start, end),
        });
      }
    }
    return { hits, total };
  }

  /**
   * The segments holding every item, with where each item occurs in them (word positions),
   * read from the index's own position lists: nothing is re-tokenized to find or count hits.
   * Matches are flat pairs: [first word, word count, first word, word count, …].
   */
  private matchesBySegment(items: readonly QueryItem[]): Map<number, number[]> {
    const instances = this.db.prepare('SELECT doc, offset FROM search_vocab WHERE term = ?').raw();
    const rowsOf = new Map<string, [number, number][]>();
    for (const key of new Set(items.flat())) rowsOf.set(key, instances.all(key) as [number, number][]);
    // Words that follow the first of a phrase are looked up by position.
    const lookups = new Map<string, Map<number, Set<number>>>();
    const lookup = (key: string) => {
      let bySegment = lookups.get(key);
      if (bySegment) return bySegment;
      bySegment = new Map();
      for (const [doc, offset] of rowsOf.get(key)!) {
        let set = bySegment.get(doc);
        if (!set) bySegment.set(doc, (set = new Set()));
        set.add(offset);
      }
      lookups.set(key, bySegment);
      return bySegment;
    };
    let result: Map<number, number[]> | null = null;
    for (const keys of items) {
      const rest = keys.slice(1).map(lookup);
      const found = new Map<number, number[]>();
      for (const [segment, offset] of rowsOf.get(keys[0]!)!) {
        if (result && !result.has(segment)) continue;
        if (!rest.every((bySegment, j) => bySegment.get(segment)?.has(offset + j + 1))) continue;
        let matches = found.get(segment);
        if (!matches) found.set(segment, (matches = []));
        matches.push(offset, keys.length);
      }
      if (result) for (const [segment, matches] of found) matches.push(...result.get(segment)!);
      result = found;
      if (result.size === 0) break;
    }
    return result ?? new Map();
  }

  /** Drops segments whose document or note owner is gone and sorts the rest in reading order. */
  private place(found: Map<number, number[]>, withNotes: boolean): Candidate[] {
    const segments = this.documentSegments();
    const out: Candidate[] = [];
    const notes: [number, number[]][] = [];
    for (const [id, matches] of found) {
      const s = segments.get(id);
      if (!s) {
        notes.push([id, matches]);
        continue;
      }
      out.push({
        segmentId: id,
        kind: 'document',
        documentId: s.documentId,
        order: s.order,
        position: s.start,
        paragraph: s.paragraph,
        annotationId: null,
        linkId: null,
        ownerKind: null,
        ownerId: null,
        base: s.start,
        end: s.end,
        matches,
      });
    }
    if (withNotes && notes.length > 0) out.push(...this.placeNotes(notes));
    // A document's own text first, then the notes on its claims, each in reading order.
    return out.sort(
      (a, b) =>
        a.order - b.order ||
        (a.kind === b.kind ? 0 : a.kind === 'document' ? -1 : 1) ||
        a.position - b.position ||
        a.segmentId - b.segmentId,
    );
  }

  private placeNotes(found: readonly [number, number[]][]): Candidate[] {
    const order = this.documentOrder();
    const segment = this.db.prepare(`SELECT owner_kind, owner_id, end FROM search_segments WHERE id = ? AND kind = 'note'`);
    const claimOwner = this.db.prepare(
      `SELECT a.id AS annotationId, NULL AS linkId, a.document_id AS documentId, a.start AS position
       FROM annotations a WHERE a.id = ? AND a.deleted_at IS NULL`,
    );
    const linkOwner = this.db.prepare(
      `SELECT a.id AS annotationId, l.id AS linkId, a.document_id AS documentId, a.start AS position
       FROM links l JOIN annotations a ON a.id = l.from_id WHERE l.id = ? AND l.deleted_at IS NULL`,
    );
    const paragraphAt = this.db
      .prepare(`SELECT paragraph FROM search_segments WHERE kind = 'document' AND document_id = ? AND start <= ? ORDER BY start DESC LIMIT 1`)
      .pluck();
    const out: Candidate[] = [];
    for (const [id, matches] of found) {
      const s = segment.get(id) as { owner_kind: 'annotation' | 'link'; owner_id: string; end: number } | undefined;
      if (!s) continue;
      const owner = (s.owner_kind === 'annotation' ? claimOwner : linkOwner).get(s.owner_id) as
        | { annotationId: string; linkId: string | null; documentId: string; position: number }
        | undefined;
      const o = owner && order.get(owner.documentId);
      if (!owner || o === undefined) continue;
      out.push({
        segmentId: id,
        kind: 'note',
        ...owner,
        order: o,
        paragraph: (paragraphAt.get(owner.documentId, owner.position) as number | undefined) ?? 1,
        ownerKind: s.owner_kind,
        ownerId: s.owner_id,
        base: 0,
        end: s.end,
        matches,
      });
    }
    return out;
  }

  private documentOrder(): Map<string, number> {
    const ids = this.db.prepare('SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY created_at, rowid').pluck().all() as string[];
    return new Map(ids.map((id, i) => [id, i]));
  }

  /**
   * The document segments, kept in memory between queries: reloaded when the index changed here or
   * when another connection (the CLI) committed to the file.
   */
  private documentSegments(): Map<number, DocumentSegment> {
    const stamp = `${this.indexer.generation}:${this.db.pragma('data_version', { simple: true }) as number}`;
    if (this.segments?.stamp === stamp) return this.segments.byId;
    const order = this.documentOrder();
    const rows = this.db
      .prepare(`SELECT id, document_id, paragraph, start, end FROM search_segments WHERE kind = 'document'`)
      .raw()
      .all() as [number, string, number, number, number][];
    const byId = new Map<number, DocumentSegment>();
    for (const [id, documentId, paragraph, start, end] of rows) {
      const o = order.get(documentId);
      if (o !== undefined) byId.set(id, { id, documentId, paragraph, start, end, order: o });
    }
    this.segments = { stamp, byId };
    return byId;
  }

  private segmentText(c: Candidate): string | null {
    if (c.kind === 'document') return this.documents.text(c.documentId).slice(c.base, c.end);
    const text = this.db
      .prepare('SELECT text FROM notes WHERE owner_kind = ? AND owner_id = ?')
      .pluck()
      .get(c.ownerKind, c.ownerId) as string | undefined;
    return text ?? null;
  }
}

/**
 * Turns matches given as word positions into offsets in `text`, whose words are found the way the
 * index found them. Should the words ever disagree with the index, the text is searched directly.
 */
function rangesOf(text: string, matches: readonly number[], items: readonly QueryItem[]): [number, number][] {
  const pairs: [number, number][] = [];
  let last = 0;
  for (let i = 0; i < matches.length; i += 2) {
    pairs.push([matches[i]!, matches[i + 1]!]);
    last = Math.max(last, matches[i]! + matches[i + 1]! - 1);
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const words = wordRanges(text, last + 1);
  const out: [number, number][] = [];
  for (const [first, count] of pairs) {
    const a = words[first];
    const b = words[first + count - 1];
    if (!a || !b) return findRanges(text, items);
    out.push([a[0], b[1]]);
  }
  return out;
}

/** The [start, end) ranges in `text` where a query item occurs, in order, without repeats. */
export function findRanges(text: string, items: readonly QueryItem[]): [number, number][] {
  const tokens = tokenize(text);
  const ranges: [number, number][] = [];
  for (const keys of items) {
    const n = keys.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let j = 0;
      while (j < n && tokens[i + j]!.key === keys[j]) j++;
      if (j === n) ranges.push([tokens[i]!.start, tokens[i + n - 1]!.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return ranges.filter((r, i) => i === 0 || r[0] !== ranges[i - 1]![0] || r[1] !== ranges[i - 1]![1]);
}

/** About CONTEXT_UNITS either side of a match, cut back to whole words when the text goes on. */
function context(text: string, start: number, end: number): { before: string; match: string; after: string } {
  let before = text.slice(Math.max(0, start - CONTEXT_UNITS), start);
  if (start > CONTEXT_UNITS) before = before.replace(/^\S*\s+/u, '');
  let after = text.slice(end, end + CONTEXT_UNITS);
  if (end + CONTEXT_UNITS < text.length) after = after.replace(/\s+\S*$/u, '');
  return { before, match: text.slice(start, end), after };
}
