/**
 * Reads an annotation file — Crossread's own, another tool's W3C Web Annotation JSON-LD (a single
 * Annotation, an array, an AnnotationPage or an AnnotationCollection) or a Hypothesis export —
 * into the neutral model, checking everything first. Nothing here touches a project: a file that
 * fails any check throws one AppError naming the place in the file ("items[12].target: …").
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AuthorName, TagName } from '../../../shared/contract';
import { escapeHtml } from '../../../shared/richtext';
import { AppError } from '../errors';
import { nestingDepth, noteText } from '../notes/lexical';
import { tagCycleIn } from './codes';
import { noteFromHtml, noteFromPlain } from './html-note';
import { readMemo } from './memos';
import { readAch } from './hypotheses';
import { SHARE_LIMITS as L } from './limits';
import { DOC_URN_PREFIX, SHARE_NAMESPACE, type SharedClaim, type SharedFile, type SharedLink, type SharedNote, UNKNOWN_TIME } from './model';
import { readAttributes } from '../attributes/share';
import { readClusterTitles } from './clusters';
import {
  type Agent,
  type Body,
  CrossreadExtension,
  HypothesisAnnotation,
  type Selector,
  type Target,
  W3CAnnotation,
} from './schema';

/** Keys that could reach an object's prototype if some later code copied them; dropped while parsing. */
const POISON = new Set(['__proto__', 'constructor', 'prototype']);
const MAYBE_POISON = /__proto__|constructor|prototype|\\u/;
const EPOCH = UNKNOWN_TIME;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Json = Record<string, unknown>;
/** Reading pauses after this many items (see readSharedFileInSteps). */
const STEP_ITEMS = 256;
type Steps = Generator<void, void>;

class FileError extends AppError {
  constructor(fileName: string, where: string, why: string) {
    super('bad-input', `${fileName} is not a usable annotation file: ${where ? `${where}: ` : ''}${why}`);
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "items[12].target.selector[0]" from a base and a zod path. */
function pathText(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

function check<T extends z.ZodType>(fileName: string, schema: T, value: unknown, base: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const { path, message } = deepest(r.error.issues[0]!);
  throw new FileError(fileName, pathText(base, path), message);
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  errors?: Issue[][];
}

/**
 * A union ("a string or an object") reports only "Invalid input" at its own place; the branch that
 * got furthest says what is actually wrong, so that is the one reported.
 */
function deepest(issue: Issue): { path: PropertyKey[]; message: string } {
  if (issue.code !== 'invalid_union' || !issue.errors || issue.errors.length === 0) return { path: [...issue.path], message: issue.message };
  let best: { path: PropertyKey[]; message: string } | null = null;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (!first) continue;
    const inner = deepest(first);
    if (!best || inner.path.length > best.path.length) best = inner;
  }
  if (!best || best.path.length === 0) return { path: [...issue.path], message: 'neither a text nor an object of the expected shape' };
  return { path: [...issue.path, ...best.path], message: best.message };
}

const tooLarge = (fileName: string) => new FileError(fileName, '', `it is larger than the ${L.maxFileBytes / 1024 / 1024} MB limit for annotation files`);
const tooDeep = (fileName: string) => new FileError(fileName, '', `it is nested more than ${L.maxDepth} levels deep`);

/** Parses the bytes as JSON with the limits of SHARE_LIMITS, before any schema check. */
export function parseJson(bytes: Uint8Array, fileName: string): unknown {
  if (bytes.byteLength > L.maxFileBytes) {
    throw tooLarge(fileName);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FileError(fileName, '', 'it is not UTF-8 text');
  }
  if (text.trim() === '') throw new FileError(fileName, '', 'it is empty');
  // Measured before parsing, so a hostile nesting never reaches the parser or the readers below.
  if (nestingDepth(text) > L.maxDepth) throw tooDeep(fileName);
  try {
    // The reviver costs a call per value (a second on a 10,000-claim file), so it runs only when a
    // poison key may be there: written plainly, or hidden behind a \u escape that JSON.parse decodes.
    return parseDroppingPoison(text);
  } catch (err) {
    // The engine's message quotes the start of the text (a password file, say): only the place is kept.
    if (isJsonLines(text)) throw new FileError(fileName, '', NOT_W3C_JSONL);
    const at = /line \d+ column \d+/.exec((err as Error).message);
    throw new FileError(fileName, '', `it is not valid JSON${at ? ` (at ${at[0]})` : ''}`);
  }
}

function parseDroppingPoison(text: string): unknown {
  if (!MAYBE_POISON.test(text)) return JSON.parse(text);
  return JSON.parse(text, (key, value: unknown) => (POISON.has(key) ? undefined : value));
}

/** One JSON text of several that make up one annotation file (a live team's records). */
export interface JsonPart {
  value: unknown;
  /** Its size in UTF-8. */
  bytes: number;
  /** Its deepest nesting. */
  depth: number;
}

/** Parses one part of a file put together from parts, as parseJson parses a file (null when it is not JSON). */
export function parseJsonPart(text: string): JsonPart | null {
  let value: unknown;
  try {
    value = parseDroppingPoison(text);
  } catch {
    return null;
  }
  return { value, bytes: Buffer.byteLength(text, 'utf8'), depth: nestingDepth(text) };
}

const NOT_W3C_JSONL =
  'it is JSON Lines (one record per line, as doccano and other labelling tools export), not W3C Web Annotation JSON-LD; export W3C annotations from that tool instead';
const NOT_W3C_DOCCANO = 'it is a doccano record (text with labels), not W3C Web Annotation JSON-LD; export W3C annotations from that tool instead';

/** Whether a text is JSON Lines: several lines, each a JSON object of its own. */
function isJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  return lines.slice(0, 5).every((l) => {
    try {
      return isObject(JSON.parse(l));
    } catch {
      return false;
    }
  });
}

/** A UUID for an item id: Crossread's urn:uuid ids as they are, anything else derived stably from it. */
export function stableId(raw: string): string {
  const urn = /^urn:uuid:(.+)$/i.exec(raw)?.[1] ?? raw;
  if (UUID_RE.test(urn)) return urn.toLowerCase();
  const h = createHash('sha256').update(`crossread-share-id:${raw}`, 'utf8').digest('hex');
  // Shaped as an RFC 9562 version-8 (custom) UUID, so it passes every UUID check in the app.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A time as toISOString writes it, and valid on any month (days up to 28): kept as it is, which
 * most times in a file are; anything else goes through Date (which also rolls "02-30" over).
 */
const CANONICAL_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

function iso(time: string | undefined, fallback: string): string {
  if (!time) return fallback;
  if (CANONICAL_TIME.test(time)) return time;
  return new Date(Date.parse(time)).toISOString();
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Names that passed their check, by schema: a file of 10,000 claims repeats a few tag and author
 * names thousands of times, and each check runs the names' rules again. Only successes are kept
 * (a failure throws with its place in the file), and the memory is bounded.
 */
const namesPassed = new Map<z.ZodType, Set<string>>();
const MAX_NAMES_KEPT = 4096;

function checkName(fileName: string, schema: z.ZodType<string>, name: string, where: string): string {
  let passed = namesPassed.get(schema);
  if (passed?.has(name)) return name;
  const checked = check(fileName, schema, name, where);
  // The schemas used here only check (they do not rewrite), so a passed name is returned as it came.
  if (checked === name) {
    if (!passed) namesPassed.set(schema, (passed = new Set()));
    if (passed.size >= MAX_NAMES_KEPT) passed.clear();
    passed.add(name);
  }
  return checked;
}

/** An author's name, checked as the API checks the one in Settings (long names from other tools are shortened first). */
function authorName(fileName: string, where: string, name: string): string {
  return checkName(fileName, AuthorName, name.trim().slice(0, 120), where);
}

function agentName(a: Agent | Agent[] | undefined, fileName: string, where: string): string | null {
  for (const agent of list(a)) {
    // An agent named only by its IRI keeps the IRI as its name (and is written back as that IRI).
    const name = typeof agent === 'string' ? agent : (agent.name ?? agent.nickname ?? agent.id);
    if (name && name.trim()) return authorName(fileName, where, name);
  }
  return null;
}

function has(v: string | string[] | undefined, wanted: string): boolean {
  return list(v).includes(wanted);
}

function noteOf(
  bodies: Body[],
  bodyValue: string | undefined,
  fallback: { author: string; created: string; modified: string },
  fileName: string,
  where: string,
): SharedNote | null {
  const parts: { html: string; plain: boolean; body: Exclude<Body, string> | null }[] = [];
  if (bodyValue !== undefined) parts.push({ html: bodyValue, plain: true, body: null });
  for (const b of bodies) {
    if (typeof b === 'string') continue; // a body that is only an IRI is a resource, not text
    if (has(b.purpose, 'tagging') || has(b.purpose, 'classifying') || has(b.purpose, 'linking')) continue;
    if (b.value === undefined) continue;
    parts.push({ html: b.value, plain: !(b.format ?? '').toLowerCase().startsWith('text/html'), body: b });
  }
  if (parts.length === 0) return null;
  const first = parts.find((p) => p.body)?.body ?? null;
  let converted: { json: string; text: string };
  if (parts.length === 1 && parts[0]!.plain) converted = noteFromPlain(parts[0]!.html);
  else converted = noteFromHtml(parts.map((p) => (p.plain ? p.html.split(/\r?\n/).map((l) => `<p>${escapeHtml(l)}</p>`).join('') : p.html)).join(''));
  return {
    ...converted,
    author: agentName(first?.creator, fileName, `${where}.body.creator`) ?? fallback.author,
    created: iso(first?.created, fallback.created),
    modified: iso(first?.modified, fallback.modified),
  };
}

function quoteTarget(targets: Target[]): { source: string; quote: Selector; position: Selector | null } | null {
  for (const t of targets) {
    if (typeof t === 'string') continue;
    const selectors = list(t.selector);
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    if (!quote) continue;
    return { source: sourceOf(t.source), quote, position: selectors.find((s) => s.type === 'TextPositionSelector') ?? null };
  }
  return null;
}

/** A target's source: an IRI, or an object naming one by `id` (as some tools write it). */
function sourceOf(source: string | { id?: string } | undefined): string {
  return typeof source === 'string' ? source : (source?.id ?? '');
}

function hashOf(source: string): string | null {
  if (!source.startsWith(DOC_URN_PREFIX)) return null;
  const hash = source.slice(DOC_URN_PREFIX.length);
  return /^[0-9a-f]{64}$/.test(hash) ? hash : null;
}

/** The tag or relation a body names: cr:tag / cr:relation, or (files of version 1) the body's own id. */
function bodyRef(b: Exclude<Body, string>, key: 'cr:tag' | 'cr:relation'): string | undefined {
  return b[key] ?? b.id;
}

/** A stable id for an annotation without one: derived from what it says, so a re-import matches. */
function contentId(a: W3CAnnotation): string {
  return stableId(`content:${JSON.stringify([a.target, a.body ?? null, a.bodyValue ?? null])}`);
}

function* readW3C(fileName: string, items: unknown[], base: string, out: SharedFile): Steps {
  if (items.length > L.maxItems) throw new FileError(fileName, base, `more than ${L.maxItems} annotations`);
  const seen = new Map<string, string>();
  for (let i = 0; i < items.length; i++) {
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const raw = items[i];
    const path = `${base}[${i}]`;
    const a = check(fileName, W3CAnnotation, raw, path);
    const id = a.id ? stableId(a.id) : contentId(a);
    const previous = seen.get(id);
    if (previous) throw new FileError(fileName, `${path}.id`, `the id ${a.id ?? id} is used twice (also ${previous})`);
    seen.set(id, path);
    const author = agentName(a.creator, fileName, `${path}.creator`) ?? 'unknown';
    const created = iso(a.created, iso(a.modified, EPOCH));
    const modified = iso(a.modified, created);
    const deleted = a['cr:deleted'] ? iso(a['cr:deleted'], modified) : null;
    const bodies = list(a.body);
    const targets = list(a.target);
    if (a['cr:ach'] !== undefined) {
      (out.ach ??= []).push(readAch(fileName, path, a['cr:ach'], { id, author, created, modified, deleted, bodies }));
      continue;
    }
    if (a['cr:memo'] !== undefined) {
      const memo = readMemo(a['cr:memo'], targets, noteOf(bodies, a.bodyValue, { author, created, modified }, fileName, path), path);
      if (typeof memo === 'string') throw new FileError(fileName, `${path}.cr:memo`, memo);
      out.memos.push(memo);
      continue;
    }
    if (has(a.motivation, 'linking')) {
      // Link ends as IRIs, as {id} objects (Recogito) or as specific resources with a source.
      const ends = targets.map((t) => (typeof t === 'string' ? t : (t.id ?? sourceOf(t.source))));
      const from = a['cr:from'] ?? ends[0];
      const to = a['cr:to'] ?? ends[1];
      // Recogito names a relation with a body of purpose `tagging`.
      const relationBody = bodies.find(
        (b): b is Exclude<Body, string> => typeof b !== 'string' && (has(b.purpose, 'classifying') || has(b.purpose, 'linking') || has(b.purpose, 'tagging')),
      );
      if (!from || !to || !relationBody?.value) {
        out.skipped.push({ path, reason: 'a linking annotation needs two targets and a relation body' });
        continue;
      }
      const link: SharedLink = {
        id,
        path,
        fromId: stableId(from),
        toId: stableId(to),
        relation: { id: bodyRef(relationBody, 'cr:relation') ? stableId(bodyRef(relationBody, 'cr:relation')!) : null, name: checkName(fileName, TagName, relationBody.value, `${path}.body[${bodies.indexOf(relationBody)}].value`) },
        note: deleted ? null : noteOf(bodies, a.bodyValue, { author, created, modified }, fileName, path),
        author,
        created,
        modified,
        deleted,
      };
      if (link.fromId === link.toId) throw new FileError(fileName, `${path}.target`, 'a link joins a claim to itself');
      out.links.push(link);
      continue;
    }
    const target = quoteTarget(targets);
    if (!target) {
      out.skipped.push({ path, reason: 'no TextQuoteSelector: Crossread anchors claims by their quote' });
      continue;
    }
    const tags = bodies.flatMap((b, j) => {
      if (typeof b === 'string' || !has(b.purpose, 'tagging') || !b.value?.trim()) return [];
      // Checked as the API checks a tag's name: a name too long or with hidden characters is refused, not cut.
      const ref = bodyRef(b, 'cr:tag');
      return [{ id: ref && /^urn:uuid:/i.test(ref) ? stableId(ref) : null, name: checkName(fileName, TagName, b.value, `${path}.body[${j}].value`) }];
    });
    const claim: SharedClaim = {
      id,
      path,
      source: target.source,
      hash: hashOf(target.source),
      exact: target.quote.exact ?? '',
      prefix: target.quote.prefix ?? '',
      suffix: target.quote.suffix ?? '',
      start: target.position?.start ?? null,
      end: target.position?.end ?? null,
      positions: 'unknown',
      tags,
      note: deleted ? null : noteOf(bodies, a.bodyValue, { author, created, modified }, fileName, path),
      author,
      created,
      modified,
      deleted,
    };
    out.claims.push(claim);
  }
}

function* readHypothesis(fileName: string, items: unknown[], out: SharedFile, key = 'annotations'): Steps {
  if (items.length > L.maxItems) throw new FileError(fileName, key, `more than ${L.maxItems} annotations`);
  for (let i = 0; i < items.length; i++) {
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const raw = items[i];
    const path = `${key}[${i}]`;
    const h = check(fileName, HypothesisAnnotation, raw, path);
    if ((h.references ?? []).length > 0) {
      out.skipped.push({ path, reason: 'a reply to another annotation' });
      continue;
    }
    const target = (h.target ?? []).find((t) => (t.selector ?? []).some((s) => s.type === 'TextQuoteSelector'));
    const quote = target?.selector?.find((s) => s.type === 'TextQuoteSelector');
    if (!target || !quote) {
      out.skipped.push({ path, reason: 'a page note without a quote' });
      continue;
    }
    const position = target.selector?.find((s) => s.type === 'TextPositionSelector');
    // "acct:alice@hypothes.is" → "alice", unless a display name is given.
    const author = authorName(fileName, `${path}.user`, h.user_info?.display_name?.trim() || /^acct:([^@]+)@/.exec(h.user ?? '')?.[1] || h.user || 'unknown');
    const created = iso(h.created, iso(h.updated, EPOCH));
    const modified = iso(h.updated, created);
    const note = h.text?.trim() ? { ...noteFromPlain(h.text), author, created, modified } : null;
    out.claims.push({
      id: stableId(`hypothesis:${h.id}`),
      path,
      source: target.source ?? h.uri ?? '',
      hash: null,
      exact: quote.exact ?? '',
      prefix: quote.prefix ?? '',
      suffix: quote.suffix ?? '',
      start: position?.start ?? null,
      end: position?.end ?? null,
      // The Hypothesis client counts in JavaScript strings.
      positions: 'utf16',
      tags: (h.tags ?? []).flatMap((t, j) => (t.trim() ? [{ id: null, name: checkName(fileName, TagName, t, `${path}.tags[${j}]`) }] : [])),
      note,
      author,
      created,
      modified,
      deleted: null,
    });
  }
}

function* readExtension(fileName: string, raw: unknown, out: SharedFile): Steps {
  const ext = check(fileName, CrossreadExtension, raw, 'cr:project');
  out.kind = 'crossread';
  if (ext.tombstones !== undefined) {
    const live = out.claims.length;
    yield* readW3C(fileName, ext.tombstones, 'cr:project.tombstones', out);
    const alive = [...out.claims.slice(live), ...out.links].find((x) => x.path.startsWith('cr:project.tombstones') && x.deleted === null);
    if (alive) throw new FileError(fileName, alive.path, 'a tombstone needs cr:deleted');
  }
  // Version 1 counted UTF-16 code units; later files say what they count.
  const positions = ext.version === 1 || ext.positions === 'utf-16' ? 'utf16' : 'code-points';
  for (const c of out.claims) c.positions = positions;
  out.tags = ext.tags.map((t) => ({
    ...t,
    id: t.id.toLowerCase(),
    parent: t.parent?.toLowerCase() ?? t.parent,
    mergedInto: t.mergedInto?.toLowerCase() ?? t.mergedInto,
    modified: iso(t.modified, EPOCH),
    deleted: t.deleted ? iso(t.deleted, EPOCH) : null,
  }));
  const cycle = tagCycleIn(out.tags);
  if (cycle !== null) throw new FileError(fileName, `cr:project.tags[${cycle}].parent`, 'a tag cannot be its own ancestor');
  out.relations = ext.relations.map((r) => ({ ...r, id: r.id.toLowerCase(), modified: iso(r.modified, EPOCH) }));
  out.documents = ext.documents.map((d, i) => {
    const hash = hashOf(d.source);
    if (!hash) throw new FileError(fileName, `cr:project.documents[${i}].source`, `expected ${DOC_URN_PREFIX}<64 hex digits>`);
    return { ...d, hash, length: d.length ?? null, modified: iso(d.modified, EPOCH), text: d.text ?? null };
  });
  if (ext.summary) {
    try {
      noteText(ext.summary.json);
    } catch (err) {
      throw new FileError(fileName, 'cr:project.summary.json', (err as Error).message);
    }
    out.summary = { ...ext.summary, modifiedAt: iso(ext.summary.modifiedAt, EPOCH) };
  }
  readAttributes(fileName, raw, out);
  out.clusterTitles = readClusterTitles(fileName, raw);
}

/**
 * An id names one thing of one kind: a file that lists it twice (a tag, then the same tag deleted,
 * would serve as its own merge base) or gives a claim and a tag the same id is refused.
 */
function uniqueIds(fileName: string, out: SharedFile): void {
  const owner = new Map<string, string>();
  const take = (id: string, where: string) => {
    const previous = owner.get(id);
    if (previous !== undefined) throw new FileError(fileName, where, `the id ${id} is used twice (also ${previous})`);
    owner.set(id, where);
  };
  for (const c of out.claims) take(c.id, `${c.path}.id`);
  for (const l of out.links) take(l.id, `${l.path}.id`);
  out.tags.forEach((t, i) => take(t.id, `cr:project.tags[${i}].id`));
  out.relations.forEach((r, i) => take(r.id, `cr:project.relations[${i}].id`));
  const hashes = new Map<string, number>();
  out.documents.forEach((d, i) => {
    const previous = hashes.get(d.hash);
    if (previous !== undefined) throw new FileError(fileName, `cr:project.documents[${i}].source`, `the document is listed twice (also cr:project.documents[${previous}])`);
    hashes.set(d.hash, i);
  });
}

function contextHasCrossread(ctx: unknown): boolean {
  return list(ctx as unknown[] | unknown).some((c) => (isObject(c) ? Object.values(c).includes(SHARE_NAMESPACE) : c === SHARE_NAMESPACE));
}

/** Reads and checks an annotation file of any supported kind. Throws AppError('bad-input') naming what is wrong. */
export function readSharedFile(bytes: Uint8Array, fileName: string): SharedFile {
  return allSteps(readSharedFileInSteps(bytes, fileName));
}

function allSteps(steps: Generator<void, SharedFile>): SharedFile {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same reading, paused after every few hundred items, so a job (jobs.ts) can let other
 * requests be answered while a large file is checked item by item.
 */
export function* readSharedFileInSteps(bytes: Uint8Array, fileName: string): Generator<void, SharedFile> {
  return yield* readJson(parseJson(bytes, fileName), fileName);
}

/**
 * Reads a file put together from parts parsed with parseJsonPart, without writing it out and
 * parsing it again: the limits parseJson sets on a file's text are checked on the parts, `depthOf`
 * saying how deep a part's nesting reaches in the whole.
 */
export function readAssembledFile<P extends JsonPart>(json: unknown, parts: readonly P[], depthOf: (part: P) => number, fileName: string): SharedFile {
  let bytes = 0;
  for (const p of parts) bytes += p.bytes;
  if (bytes > L.maxFileBytes) throw tooLarge(fileName);
  if (parts.some((p) => depthOf(p) > L.maxDepth)) throw tooDeep(fileName);
  return allSteps(readJson(json, fileName));
}

function* readJson(json: unknown, fileName: string): Generator<void, SharedFile> {
  const out: SharedFile = { kind: 'w3c', claims: [], links: [], tags: [], relations: [], documents: [], summary: null, memos: [], skipped: [] };
  if (Array.isArray(json)) {
    yield* readW3C(fileName, json, 'items', out);
  } else if (!isObject(json)) {
    throw new FileError(fileName, '', 'expected a W3C Web Annotation (JSON-LD) or a Hypothesis export');
  } else if (Array.isArray(json.annotations) && !('type' in json)) {
    yield* readHypothesis(fileName, json.annotations, out);
    out.kind = 'hypothesis';
  } else if (Array.isArray(json.rows) && typeof json.total === 'number' && !('type' in json)) {
    // The Hypothesis API's search response: the same annotations under `rows`.
    yield* readHypothesis(fileName, json.rows, out, 'rows');
    out.kind = 'hypothesis';
  } else if (typeof json.text === 'string' && ('label' in json || 'labels' in json || 'entities' in json) && !('type' in json)) {
    throw new FileError(fileName, '', NOT_W3C_DOCCANO);
  } else {
    const type = list(json.type as unknown);
    if (type.includes('AnnotationCollection')) {
      const first = json.first;
      if (typeof first === 'string') {
        throw new FileError(
          fileName,
          'first',
          `the collection's annotations are on separate pages (${first.slice(0, 200)}), which Crossread does not fetch; save the collection with its page embedded, or each page as its own file`,
        );
      }
      const items = isObject(first) ? first.items : json.items;
      if (items !== undefined && !Array.isArray(items)) throw new FileError(fileName, 'first.items', 'expected a list of annotations');
      yield* readW3C(fileName, (items as unknown[] | undefined) ?? [], 'items', out);
      if (json['cr:project'] !== undefined) {
        if (!contextHasCrossread(json['@context'])) throw new FileError(fileName, '@context', `cr:project needs the ${SHARE_NAMESPACE} context`);
        yield* readExtension(fileName, json['cr:project'], out);
      }
    } else if (type.includes('AnnotationPage')) {
      if (!Array.isArray(json.items)) throw new FileError(fileName, 'items', 'expected a list of annotations');
      yield* readW3C(fileName, json.items, 'items', out);
    } else if (type.includes('Annotation')) {
      yield* readW3C(fileName, [json], 'items', out);
    } else {
      throw new FileError(fileName, 'type', 'expected an Annotation, AnnotationPage or AnnotationCollection, or a Hypothesis export');
    }
  }
  uniqueIds(fileName, out);
  return out;
}
