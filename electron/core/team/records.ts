/**
 * A project as live-team records: the share file's own per-item JSON (share/export.ts), one record
 * per claim, link, memo, hypothesis record, tag, relation, document (with its text), attribute,
 * attribute value, cluster title and the dossier summary, keyed by the item's stable id. A deleted
 * item's tombstone takes the key of the live item, so deleting is a change of that record.
 * Records received from the team are put back together as a (partial) share file and go through the
 * file reader's checks and the file merge, so a colleague's change is merged exactly as their file would be.
 */
import { shareContext } from '../share/vocabulary';
import { SHARE_FORMAT_VERSION, type SharedFile } from '../share/model';
import { type JsonPart, parseJsonPart, readAssembledFile } from '../share/read';

type Json = Record<string, unknown>;

/** Where a record sits in a share file: the list of cr:project (or the annotations), and its key there. */
const PROJECT_LISTS: Record<string, (v: Json) => unknown> = {
  tags: (v) => v.id,
  relations: (v) => v.id,
  documents: (v) => v.source,
  attributes: (v) => v.id,
  attributeValues: (v) => `${String(v.attribute)}|${String(v.target)}`,
  clusterTitles: (v) => v.claim,
};

export interface TeamRecord {
  /** 'items', 'tombstones', 'summary' or one of the cr:project lists. */
  l: string;
  v: unknown;
}

/** The records of an exported share collection, by key, as the JSON text stored in the team's map. */
export function recordsOf(collection: Json): Map<string, string> {
  const out = new Map<string, string>();
  const put = (key: string, l: string, v: unknown) => out.set(key, JSON.stringify({ l, v } satisfies TeamRecord));
  const ext = collection['cr:project'] as Json;
  for (const item of ((collection.first as Json).items as Json[]) ?? []) put(`item:${String(item.id)}`, 'items', item);
  for (const item of (ext.tombstones as Json[]) ?? []) put(`item:${String(item.id)}`, 'tombstones', item);
  for (const [list, keyOf] of Object.entries(PROJECT_LISTS)) {
    for (const v of (ext[list] as Json[] | undefined) ?? []) put(`${list}:${String(keyOf(v))}`, list, v);
  }
  if (ext.summary) put('summary', 'summary', ext.summary);
  return out;
}

const MODIFIED = /"modified(?:At)?":"([^"]*)"/g;

/**
 * Which version of a record this is: every modified time in it (a claim's own and its note's). Two
 * exports of the same version may differ in ways the merge ignores (how an anchor was found, a
 * note's markup after a round trip); only a new version is sent again.
 */
export function versionOf(json: string): string {
  let out = '';
  for (const m of json.matchAll(MODIFIED)) out += `${m[1]}|`;
  return out || json;
}

/** The latest modified time in a record ('' when it has none). */
export function newestOf(json: string): string {
  let out = '';
  for (const m of json.matchAll(MODIFIED)) if (m[1]! > out) out = m[1]!;
  return out;
}

/** A record received from the team, parsed once (parseJsonPart: keys that could reach a prototype dropped). */
export interface ReceivedRecord extends JsonPart {
  value: TeamRecord;
}

/** Parses a record from the team's map (null when it is not a record: such a record is left out). */
export function parseRecord(text: string): ReceivedRecord | null {
  const part = parseJsonPart(text);
  if (!part || typeof part.value !== 'object' || part.value === null || Array.isArray(part.value)) return null;
  return part as ReceivedRecord;
}

/** How deep a record's nesting reaches in the collection made of it (its value sits in a list of an object of the collection, the summary one level higher). */
export const depthInCollection = (r: ReceivedRecord): number => r.depth - 1 + (r.value.l === 'summary' ? 2 : 3);

const has = (v: unknown, wanted: string) => v === wanted || (Array.isArray(v) && v.includes(wanted));

/** What a record must come after: documents and vocabulary first, then claims, then what refers to claims. */
function rank({ l, v }: TeamRecord): number {
  // Cluster titles and a claim's grading hang from claims.
  if (l === 'clusterTitles' || l === 'attributeValues') return 2;
  if (l !== 'items' && l !== 'tombstones') return 0;
  if (typeof v !== 'object' || v === null) return 1;
  // What the file reader takes for a link, a memo or a hypothesis record.
  const item = v as Json;
  return has(item.motivation, 'linking') || item['cr:memo'] !== undefined || item['cr:ach'] !== undefined ? 2 : 1;
}

/**
 * The records in the order a merge needs them (a link is skipped when its claims are not there yet),
 * cut into collections each well under the file reader's size limit: a team's whole project, texts
 * included, may be larger than one annotation file may be.
 */
export function batchesOf(records: readonly ReceivedRecord[], maxBytes: number): ReceivedRecord[][] {
  const sorted = records.map((r) => ({ r, k: rank(r.value) })).sort((a, b) => a.k - b.k);
  const out: ReceivedRecord[][] = [];
  let batch: ReceivedRecord[] = [];
  let bytes = 0;
  let kind = -1;
  for (const { r, k } of sorted) {
    // A new rank starts a new batch, so claims are in the project before the links between them.
    if (batch.length > 0 && (bytes + r.bytes > maxBytes || k !== kind)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(r);
    bytes += r.bytes;
    kind = k;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

/** The records as a share collection the file reader accepts (records it cannot place are left out). */
export function collectionOf(records: Iterable<TeamRecord>): Json {
  const items: unknown[] = [];
  const ext: Json = { version: SHARE_FORMAT_VERSION, positions: 'code-points', tombstones: [] as unknown[], summary: null };
  for (const list of Object.keys(PROJECT_LISTS)) ext[list] = [];
  for (const r of records) {
    if (r.l === 'items') items.push(r.v);
    else if (r.l === 'summary') ext.summary = r.v;
    else if (r.l === 'tombstones' || Object.hasOwn(PROJECT_LISTS, r.l)) (ext[r.l] as unknown[]).push(r.v);
  }
  const id = 'urn:crossread:team:changes';
  return {
    '@context': shareContext(),
    id,
    type: 'AnnotationCollection',
    total: items.length,
    first: { id: `${id}:page:0`, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
    'cr:project': ext,
  };
}

/** Reads received records as the file reader reads a colleague's file, with the same checks and limits. */
export function readRecords(records: readonly ReceivedRecord[], teamName: string): SharedFile {
  return readAssembledFile(collectionOf(records.map((r) => r.value)), records, depthInCollection, teamName);
}
