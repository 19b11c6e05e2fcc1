/**
 * Full-text search over the documents' paragraphs and the notes. FTS5 says which paragraphs hold
 * every item of the query, and a lone word is counted from FTS5's per-term totals, so no position
 * reaches JavaScript for it but those of the page of hits returned. Several words or a phrase need
 * positions to be counted: they are read once, only inside the paragraphs that hold every item.
 * Auto-coding reads every hit (documentHits). The paragraphs of the hits returned are tokenized
 * again, the same way the index was built, to turn word positions into exact UTF-16 offsets into the
 * stored text, whatever case, ё or word form matched.
 */
import type { SearchHit } from '../../../shared/contract';
import type { Db } from '../store/db';
import type { Documents } from '../store/documents';
import type { NoteOwnerKind, SearchIndexer } from './indexer';
import { findRanges, parseQuery, wordRanges, type QueryItem } from '../../../shared/words';

/** How much context a hit shows either side of the match, in UTF-16 code units (cut at a word boundary). */
export const CONTEXT_UNITS = 60;

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

/** The live document paragraphs in reading order (by rank), and each one's rank by segment id. */
interface SegmentCache {
  stamp: string;
  /** Rank + 1 by segment id (0: not a live document paragraph); a typed array, as a query may look up tens of thousands. */
  rankOf: Int32Array;
  byRank: DocumentSegment[];
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
  /** Flat pairs: [first word, word count, …] of each match; read only for the candidates of a page. */
  matches: number[];
}

export interface SearchOptions {
  /** How many hits, in reading order, to skip before the first one returned ("load more"). */
  offset?: number;
  /** At most this many hits are returned (all are counted). */
  limit: number;
  /** Search the notes too (the search panel does; auto-coding does not). */
  notes: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Every hit: in the documents, and in the notes when they are searched. */
  total: number;
  /** The hits in the documents' text: what auto-coding tags. */
  documentTotal: number;
}

/** A hit in a note row found by its owner kind (a memo), with context. */
export interface OwnedHit {
  ownerKind: NoteOwnerKind;
  ownerId: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

/** A document hit without context: where auto-coding puts a claim. */
export interface DocumentRange {
  documentId: string;
  start: number;
  end: number;
}

/** Which segments a lookup of a key's occurrences reads: every one, those an FTS5 query matches, or the ones listed. */
type Scope = { kind: 'all' } | { kind: 'match'; match: string } | { kind: 'ids'; ids: readonly number[] };

/**
 * The FTS5 query for segments that hold every item: each item a quoted phrase of keys. Keys are
 * made of letters, digits and marks only (see shared/words.ts), so they never hold a quote.
 */
export function matchExpression(items: readonly QueryItem[]): string {
  return items.map((keys) => `"${keys.join(' ')}"`).join(' AND ');
}

/** A query of one word, no phrase: every paragraph holding it matches. */
const isLoneWord = (items: readonly QueryItem[]) => items.length === 1 && items[0]!.length === 1;

export class Search {
  private segments: SegmentCache | null = null;
  private termTotals = false;

  constructor(
    private readonly db: Db,
    private readonly documents: Documents,
    private readonly indexer: SearchIndexer,
  ) {}

  /**
   * The hits of `q` in reading order (document order, its text before the notes on its claims,
   * then offset): `limit` of them from `offset`, with every hit counted. Only the paragraphs of
   * the page are turned into offsets and context.
   */
  run(q: string, opts: SearchOptions): SearchResult {
    const items = parseQuery(q);
    if (items.length === 0) return { hits: [], total: 0, documentTotal: 0 };
    const cache = this.documentSegments();
    // A lone word: FTS5 lists the paragraphs that hold it and SQLite counts it, so its positions are
    // read for the page only. Anything else has its positions read once, but only inside the
    // paragraphs FTS5 says hold every item: counting a phrase, or words side by side, needs them.
    const known = isLoneWord(items) ? null : this.matchesBySegment(items, { kind: 'match', match: matchExpression(items) });
    const ids = known
      ? known.keys()
      : (this.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck().all(matchExpression(items)) as number[]);
    const marked = new Uint8Array(cache.byRank.length);
    const others: number[] = [];
    for (const id of ids) {
      const rank = rankOf(cache, id);
      if (rank < 0) others.push(id);
      else marked[rank] = 1;
    }
    // The other segments are notes (those of deleted claims stay indexed, for undo): few, so read whole.
    const otherMatches = new Map<number, number[]>();
    if (known) for (const id of others) otherMatches.set(id, known.get(id)!);
    else if (others.length > 0) for (const [id, m] of this.matchesBySegment(items, { kind: 'ids', ids: others })) otherMatches.set(id, m);
    let otherHits = 0;
    for (const m of otherMatches.values()) otherHits += m.length / 2;
    let allHits = 0;
    if (known) for (const m of known.values()) allHits += m.length / 2;
    else allHits = this.occurrenceCount(items[0]![0]!);
    const documentTotal = allHits - otherHits;
    const notes = opts.notes && otherMatches.size > 0 ? this.placeNotes([...otherMatches]) : [];
    const total = notes.reduce((n, c) => n + c.matches.length / 2, documentTotal);

    const offset = opts.offset ?? 0;
    const hits: SearchHit[] = [];
    let seen = 0;
    let rank = 0;
    let note = 0;
    while (hits.length < opts.limit) {
      // Every candidate holds at least one hit, so this many are enough to fill the page.
      const batch: Candidate[] = [];
      while (batch.length < offset + opts.limit - seen) {
        while (rank < marked.length && marked[rank] === 0) rank++;
        const s = cache.byRank[rank];
        const n = notes[note];
        if (n && (!s || n.order < s.order)) {
          batch.push(n);
          note++;
        } else if (s) {
          batch.push(documentCandidate(s));
          rank++;
        } else break;
      }
      if (batch.length === 0) break;
      const page = batch.filter((c) => c.kind === 'document').map((c) => c.segmentId);
      const found = known ?? (page.length > 0 ? this.matchesBySegment(items, { kind: 'ids', ids: page }) : new Map<number, number[]>());
      for (const c of batch) {
        if (c.kind === 'document') c.matches = found.get(c.segmentId) ?? [];
        if (hits.length >= opts.limit) break;
        if (seen + c.matches.length / 2 <= offset) {
          seen += c.matches.length / 2;
          continue;
        }
        const text = this.segmentText(c);
        if (text === null) continue;
        for (const [start, end] of rangesOf(text, c.matches, items)) {
          if (hits.length >= opts.limit) break;
          if (seen++ < offset) continue;
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
    }
    return { hits, total, documentTotal };
  }

  /**
   * The hits of `q` in the notes rows of the given owner kinds (memos), at most `limit`, each with
   * its owner and context. Few rows hold memos, so their positions are read whole.
   */
  ownedHits(q: string, kinds: readonly NoteOwnerKind[], limit: number): OwnedHit[] {
    const items = parseQuery(q);
    if (items.length === 0 || kinds.length === 0) return [];
    const ids = this.db
      .prepare(
        `SELECT s.id FROM search_fts f JOIN search_segments s ON s.id = f.rowid
         WHERE search_fts MATCH ? AND s.kind = 'note' AND s.owner_kind IN (${kinds.map(() => '?').join(', ')})`,
      )
      .pluck()
      .all(matchExpression(items), ...kinds) as number[];
    if (ids.length === 0) return [];
    const segment = this.db.prepare(
      `SELECT s.owner_kind AS ownerKind, s.owner_id AS ownerId, n.text FROM search_segments s
       JOIN notes n ON n.owner_kind = s.owner_kind AND n.owner_id = s.owner_id WHERE s.id = ?`,
    );
    const out: OwnedHit[] = [];
    for (const [id, matches] of this.matchesBySegment(items, { kind: 'ids', ids })) {
      const row = segment.get(id) as { ownerKind: NoteOwnerKind; ownerId: string; text: string } | undefined;
      if (!row) continue;
      for (const [start, end] of rangesOf(row.text, matches, items)) {
        if (out.length >= limit) return out;
        out.push({ ownerKind: row.ownerKind, ownerId: row.ownerId, start, end, ...context(row.text, start, end) });
      }
    }
    return out;
  }

  /**
   * Every document hit of `q`, in reading order, without context: auto-coding tags all of them,
   * so it reads every position (no page, no notes).
   */
  documentHits(q: string): DocumentRange[] {
    const items = parseQuery(q);
    if (items.length === 0) return [];
    const cache = this.documentSegments();
    const ranked: [number, number[]][] = [];
    for (const [id, matches] of this.matchesBySegment(items, isLoneWord(items) ? { kind: 'all' } : { kind: 'match', match: matchExpression(items) })) {
      const rank = rankOf(cache, id);
      if (rank >= 0) ranked.push([rank, matches]);
    }
    ranked.sort((a, b) => a[0] - b[0]);
    const out: DocumentRange[] = [];
    for (const [rank, matches] of ranked) {
      const s = cache.byRank[rank]!;
      const text = this.documents.text(s.documentId).slice(s.start, s.end);
      for (const [start, end] of rangesOf(text, matches, items)) out.push({ documentId: s.documentId, start: s.start + start, end: s.start + end });
    }
    return out;
  }

  /**
   * How often `key` occurs in the index. FTS5's own per-term totals (an `fts5vocab` table of type
   * 'row', made in the connection's temp schema so the project file is untouched) add them up
   * three times faster than counting the rows of the instance table.
   */
  private occurrenceCount(key: string): number {
    if (!this.termTotals) {
      this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, 'search_fts', 'row')`);
      this.termTotals = true;
    }
    return (this.db.prepare('SELECT cnt FROM temp.search_terms WHERE term = ?').pluck().get(key) as number | undefined) ?? 0;
  }

  /** Where `key` occurs in the segments of `scope`: [segment id, word position] pairs. */
  private occurrences(key: string, scope: Scope): [number, number][] {
    const sql = 'SELECT doc, offset FROM search_vocab WHERE term = ?';
    if (scope.kind === 'all') return this.db.prepare(sql).raw().all(key) as [number, number][];
    if (scope.kind === 'match') {
      return this.db.prepare(`${sql} AND doc IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)`).raw().all(key, scope.match) as [
        number,
        number,
      ][];
    }
    return this.db.prepare(`${sql} AND doc IN (SELECT value FROM json_each(?))`).raw().all(key, JSON.stringify(scope.ids)) as [number, number][];
  }

  /**
   * The segments of `scope` holding every item, with where each item occurs in them (word
   * positions), read from the index's own position lists: nothing is re-tokenized to find hits.
   * Matches are flat pairs: [first word, word count, first word, word count, …].
   */
  private matchesBySegment(items: readonly QueryItem[], scope: Scope): Map<number, number[]> {
    const rowsOf = new Map<string, [number, number][]>();
    for (const key of new Set(items.flat())) rowsOf.set(key, this.occurrences(key, scope));
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

  /** The note segments among `found` whose claim or link is live, in reading order: by document, then claim. */
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
    return out.sort((a, b) => a.order - b.order || a.position - b.position || a.segmentId - b.segmentId);
  }

  private documentOrder(): Map<string, number> {
    const ids = this.db.prepare('SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY created_at, rowid').pluck().all() as string[];
    return new Map(ids.map((id, i) => [id, i]));
  }

  /**
   * The document segments in reading order, kept in memory between queries: reloaded when the
   * index changed here or when another connection (the CLI) committed to the file.
   */
  private documentSegments(): SegmentCache {
    const stamp = `${this.indexer.generation}:${this.db.pragma('data_version', { simple: true }) as number}`;
    if (this.segments?.stamp === stamp) return this.segments;
    const order = this.documentOrder();
    const rows = this.db
      .prepare(`SELECT id, document_id, paragraph, start, end FROM search_segments WHERE kind = 'document'`)
      .raw()
      .all() as [number, string, number, number, number][];
    const byRank: DocumentSegment[] = [];
    for (const [id, documentId, paragraph, start, end] of rows) {
      const o = order.get(documentId);
      if (o !== undefined) byRank.push({ id, documentId, paragraph, start, end, order: o });
    }
    byRank.sort((a, b) => a.order - b.order || a.start - b.start || a.id - b.id);
    const ranks = new Int32Array(byRank.reduce((max, s) => Math.max(max, s.id), 0) + 1);
    byRank.forEach((s, i) => (ranks[s.id] = i + 1));
    this.segments = { stamp, rankOf: ranks, byRank };
    return this.segments;
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

/** A segment's place in reading order, or -1 when it is no live document paragraph. */
function rankOf(cache: SegmentCache, id: number): number {
  return id < cache.rankOf.length ? cache.rankOf[id]! - 1 : -1;
}

function documentCandidate(s: DocumentSegment): Candidate {
  return {
    segmentId: s.id,
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
    matches: [],
  };
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

/** About CONTEXT_UNITS either side of a match, cut back to whole words when the text goes on. */
export function context(text: string, start: number, end: number): { before: string; match: string; after: string } {
  let before = text.slice(Math.max(0, start - CONTEXT_UNITS), start);
  if (start > CONTEXT_UNITS) before = before.replace(/^\S*\s+/u, '');
  let after = text.slice(end, end + CONTEXT_UNITS);
  if (end + CONTEXT_UNITS < text.length) after = after.replace(/\s+\S*$/u, '');
  return { before, match: text.slice(start, end), after };
}
