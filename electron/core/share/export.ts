/**
 * Writes a project's claims, links, tags and notes as a W3C Web Annotation AnnotationCollection
 * (JSON-LD). The standard part stands alone; Crossread's extras sit under `cr:` keys of the
 * https://crossread.app/ns/share/v1# vocabulary, every one defined in the file's context
 * (vocabulary.ts), and what only Crossread reads — tombstones of deleted items — sits inside
 * `cr:project`, where other tools do not take it for live annotations. TextPositionSelectors count
 * Unicode code points, as the model says. The file names documents by content hash only and holds
 * no paths, user folders or machine names; repeated exports of an unchanged project are
 * byte-identical (no export time is written, items are sorted by id).
 */
import { richTextFromLexical, richTextToHtml } from '../../../shared/richtext';
import type { Project } from '../store/project';
import { Bases } from './bases';
import { memoItems } from './memos';
import { hypothesisItems } from './hypotheses';
import { codeFieldsOf, TAG_CODE_COLUMNS } from './codes';
import { DOC_URN_PREFIX, SHARE_FORMAT_VERSION, type SharedSummary, UNKNOWN_TIME } from './model';
import { shareContext } from './vocabulary';
import { astralOffsets, toCodePoints } from '../../../shared/offsets';
import { exportAttributes } from '../attributes/share';
import { exportClusterTitles } from './clusters';
import { embeddedPages, pageSelectors } from './pages';

export const SUMMARY_META_KEY = 'dossier.summary';

interface NoteRow {
  owner_kind: 'annotation' | 'link';
  owner_id: string;
  json: string;
  author: string;
  created_at: string;
  modified_at: string;
}

interface ClaimRow {
  id: string;
  hash: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  author: string;
  created_at: string;
  modified_at: string;
  deleted_at: string | null;
  doc_deleted: string | null;
  anchor: string | null;
}

interface OrphanRow {
  id: string;
  source: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  tags: string;
  note_json: string | null;
  author: string;
  created_at: string;
  modified_at: string;
  deleted_at: string | null;
}

/** An author read from another tool as an IRI (a profile URL, an acct: or mailto: address) stays an IRI. */
const IRI = /^(?:https?|mailto|acct|urn|tag|did):\S+$/i;
export const person = (name: string): string | { type: 'Person'; name: string } => (IRI.test(name) ? name : { type: 'Person', name });
const urn = (id: string) => `urn:uuid:${id}`;
/** A time as a property, or nothing when it is not known (files from other tools may give none). */
const at = (key: 'created' | 'modified', time: string | null | undefined) => (time && time !== UNKNOWN_TIME ? { [key]: time } : {});

const quoteSelector = (q: { exact: string; prefix: string; suffix: string }) => ({ type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix });

/** The media type of the text a document's selectors count in: always its plain text. */
const TARGET_FORMAT = 'text/plain';

function noteBody(n: NoteRow) {
  return {
    type: 'TextualBody',
    purpose: 'commenting',
    format: 'text/html',
    value: richTextToHtml(richTextFromLexical(n.json)),
    creator: person(n.author),
    ...at('created', n.created_at),
    ...at('modified', n.modified_at),
  };
}

/** Reads the dossier summary the export helper stores in project_meta, if any and well-formed. */
export function readSummary(project: Project): SharedSummary | null {
  const raw = project.meta.get(SUMMARY_META_KEY);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<SharedSummary>;
    if (typeof v.json === 'string' && typeof v.modifiedAt === 'string') {
      return { json: v.json, text: typeof v.text === 'string' ? v.text : '', author: typeof v.author === 'string' ? v.author : '', modifiedAt: v.modifiedAt };
    }
  } catch {
    // A damaged summary is the dossier's to report; the annotation file goes without it.
  }
  return null;
}

export interface ExportOptions {
  embedText?: boolean;
  /** The app's version, named in the file's generator. */
  version?: string;
  /** Remember what was exported as the merge base (skipped for read-only projects). */
  recordBases?: boolean;
  /** Record them as the bases of this live team (sync_bases) rather than of files. */
  basesSource?: string;
  /**
   * Only these claims and links (ids), nothing else: a live team sends what changed, and exporting
   * a 10,000-claim project for each change made every change cost as much as the whole project.
   */
  only?: readonly string[];
  /**
   * Of the claims and links, only these (ids); every other record as usual. After a live team's
   * records were merged in, the claims that came from the team are theirs as they are: only the
   * ones this project had before need comparing with the team's.
   */
  claimsAmong?: readonly string[];
}

/** The annotation file of `project` as a JSON-LD object (serialize with JSON.stringify). */
export function exportCollection(project: Project, opts: ExportOptions = {}): Record<string, unknown> {
  const db = project.database;
  // `only` leaves out everything but the listed claims and links; `subset` narrows just those.
  const only = opts.only !== undefined;
  const subset = opts.only ?? opts.claimsAmong;
  const onlyArgs = subset ? [JSON.stringify(subset)] : [];
  const onlyIds = (column: string, joiner: 'WHERE' | 'AND') => (subset ? ` ${joiner} ${column} IN (SELECT value FROM json_each(?))` : '');
  const notes = new Map<string, NoteRow>();
  for (const n of db.prepare(`SELECT owner_kind, owner_id, json, author, created_at, modified_at FROM notes${onlyIds('owner_id', 'WHERE')}`).all(...onlyArgs) as NoteRow[]) {
    notes.set(`${n.owner_kind}:${n.owner_id}`, n);
  }
  const tags = db.prepare(`SELECT id, name, color, position, created_at, modified_at, deleted_at, ${TAG_CODE_COLUMNS} FROM tags${only ? ' WHERE 0' : ''} ORDER BY id`).all() as (Parameters<typeof codeFieldsOf>[0] & {
    id: string;
    name: string;
    color: string;
    position: number;
    created_at: string;
    modified_at: string;
    deleted_at: string | null;
  })[];
  const tagsOf = new Map<string, { id: string; name: string; created: string }[]>();
  for (const r of db
    .prepare(
      `SELECT at.annotation_id, t.id, t.name, t.created_at FROM annotation_tags at JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL${onlyIds('at.annotation_id', 'WHERE')} ORDER BY t.position, t.name`,
    )
    .all(...onlyArgs) as { annotation_id: string; id: string; name: string; created_at: string }[]) {
    const list = tagsOf.get(r.annotation_id) ?? [];
    list.push({ id: r.id, name: r.name, created: r.created_at });
    tagsOf.set(r.annotation_id, list);
  }
  const claims = db
    .prepare(
      `SELECT a.id, d.content_hash AS hash, a.start, a.end, a.exact, a.prefix, a.suffix, a.author, a.created_at, a.modified_at,
         a.deleted_at, d.deleted_at AS doc_deleted, x.state AS anchor
       FROM annotations a JOIN documents d ON d.id = a.document_id
       LEFT JOIN annotation_anchors x ON x.annotation_id = a.id${onlyIds('a.id', 'WHERE')} ORDER BY a.id`,
    )
    .all(...onlyArgs) as ClaimRow[];
  const orphans = db
    .prepare(`SELECT id, source, exact, prefix, suffix, start, end, tags, note_json, author, created_at, modified_at, deleted_at FROM orphans WHERE reattached_at IS NULL${onlyIds('id', 'AND')} ORDER BY id`)
    .all(...onlyArgs) as OrphanRow[];
  const links = db
    .prepare(
      `SELECT l.id, l.from_id, l.to_id, l.author, l.created_at, l.modified_at, l.deleted_at, r.id AS relation_id, r.name AS relation
       FROM links l JOIN relation_types r ON r.id = l.relation_id${onlyIds('l.id', 'WHERE')} ORDER BY l.id`,
    )
    .all(...onlyArgs) as { id: string; from_id: string; to_id: string; author: string; created_at: string; modified_at: string; deleted_at: string | null; relation_id: string; relation: string }[];
  // Links waiting for an orphan travel on as ordinary links, so a colleague who has both claims gets them.
  const pending = db
    .prepare(
      `SELECT p.id, p.from_id, p.to_id, p.author, p.created_at, p.modified_at, NULL AS deleted_at, r.id AS relation_id, r.name AS relation, p.note_json
       FROM pending_links p JOIN relation_types r ON r.id = p.relation_id${onlyIds('p.id', 'WHERE')} ORDER BY p.id`,
    )
    .all(...onlyArgs) as ((typeof links)[number] & { note_json: string | null })[];
  for (const p of pending) {
    if (p.note_json) notes.set(`link:${p.id}`, { owner_kind: 'link', owner_id: p.id, json: p.note_json, author: p.author, created_at: p.created_at, modified_at: p.modified_at });
  }
  const bases: [Parameters<Bases['set']>[0], string, string][] = [];

  const items: Record<string, unknown>[] = [];
  // Deleted claims and links: tombstones a colleague's Crossread merges, out of the live annotations.
  const tombstones: Record<string, unknown>[] = [];
  const pageOf = pageSelectors(db);
  const docInfo = documentInfo(project);
  for (const c of claims) {
    const deleted = c.deleted_at ?? c.doc_deleted;
    const doc = docInfo(c.hash);
    const target = {
      source: `${DOC_URN_PREFIX}${c.hash}`,
      format: TARGET_FORMAT,
      ...(doc.language ? { language: doc.language } : {}),
      selector: [
        quoteSelector(c),
        { type: 'TextPositionSelector', start: doc.codePoints(c.start), end: doc.codePoints(c.end) },
        ...pageOf(c.hash, c.start),
      ],
    };
    const base = { id: urn(c.id), type: 'Annotation', creator: person(c.author), ...at('created', c.created_at), ...at('modified', c.modified_at) };
    bases.push(['annotation', c.id, c.modified_at]);
    if (deleted) {
      tombstones.push({ ...base, motivation: 'highlighting', target, 'cr:deleted': deleted });
      continue;
    }
    const claimTags = tagsOf.get(c.id) ?? [];
    const note = notes.get(`annotation:${c.id}`);
    // The tag's id goes in cr:tag, not in the body's id: a body with an id and a purpose would be
    // an external web resource to other tools, which may not have a purpose.
    const body: Record<string, unknown>[] = claimTags.map((t) => ({
      'cr:tag': urn(t.id),
      type: 'TextualBody',
      purpose: 'tagging',
      value: t.name,
      format: 'text/plain',
      creator: person(c.author),
      ...at('created', t.created),
    }));
    if (note) {
      body.push(noteBody(note));
      bases.push(['note', `annotation:${c.id}`, note.modified_at]);
    }
    items.push({
      ...base,
      // A claim with only a note is a comment; with tags, tagging; with neither, a highlight.
      motivation: claimTags.length > 0 ? 'tagging' : note ? 'commenting' : 'highlighting',
      ...(body.length > 0 ? { body } : {}),
      target,
      ...(c.anchor ? { 'cr:anchor': c.anchor } : {}),
    });
  }
  for (const o of orphans) {
    // An orphan's text is not here, so its old offsets cannot be restated in code points: its quote alone travels.
    const selector: Record<string, unknown>[] = [quoteSelector(o)];
    const tagNames = JSON.parse(o.tags) as string[];
    const body: Record<string, unknown>[] = tagNames.map((name) => ({ type: 'TextualBody', purpose: 'tagging', value: name, format: 'text/plain', creator: person(o.author), ...at('created', o.created_at) }));
    if (o.note_json) body.push(noteBody({ owner_kind: 'annotation', owner_id: o.id, json: o.note_json, author: o.author, created_at: o.created_at, modified_at: o.modified_at }));
    bases.push(['annotation', o.id, o.modified_at]);
    (o.deleted_at ? tombstones : items).push({
      id: urn(o.id),
      type: 'Annotation',
      motivation: tagNames.length > 0 ? 'tagging' : o.note_json ? 'commenting' : 'highlighting',
      creator: person(o.author),
      ...at('created', o.created_at),
      ...at('modified', o.modified_at),
      ...(o.deleted_at || body.length === 0 ? {} : { body }),
      target: { source: o.source, selector },
      ...(o.deleted_at ? { 'cr:deleted': o.deleted_at } : { 'cr:anchor': 'orphan' }),
    });
  }
  for (const l of [...links, ...pending]) {
    const note = notes.get(`link:${l.id}`);
    bases.push(['link', l.id, l.modified_at]);
    const body: Record<string, unknown>[] = [
      { 'cr:relation': urn(l.relation_id), type: 'TextualBody', purpose: 'classifying', value: l.relation, format: 'text/plain', creator: person(l.author), ...at('created', l.created_at) },
    ];
    if (note && !l.deleted_at) {
      body.push(noteBody(note));
      bases.push(['note', `link:${l.id}`, note.modified_at]);
    }
    (l.deleted_at ? tombstones : items).push({
      id: urn(l.id),
      type: 'Annotation',
      motivation: 'linking',
      creator: person(l.author),
      ...at('created', l.created_at),
      ...at('modified', l.modified_at),
      body,
      target: [urn(l.from_id), urn(l.to_id)],
      'cr:from': urn(l.from_id),
      'cr:to': urn(l.to_id),
      ...(l.deleted_at ? { 'cr:deleted': l.deleted_at } : {}),
    });
  }

  if (!only) {
    items.push(...memoItems(project, bases));
    items.push(...hypothesisItems(db, bases));
  }

  const documents = (only ? [] : project.documents.list()).sort((a, b) => (a.hash < b.hash ? -1 : 1)).map((d) => {
    bases.push(['document', d.hash, d.modifiedAt]);
    return {
      source: `${DOC_URN_PREFIX}${d.hash}`,
      title: d.title,
      outlet: d.outlet,
      author: d.author,
      date: d.date,
      language: d.language,
      // Only the file's own name, never a folder (it is stored that way at import; this re-checks).
      sourceName: d.sourceName.split(/[\\/]/).pop() ?? '',
      format: d.format,
      length: d.length,
      modified: d.modifiedAt,
      ...(opts.embedText ? { text: project.documents.text(d.id), ...embeddedPages(project.documents.pageStarts(d.id)) } : {}),
    };
  });
  for (const t of tags) bases.push(['tag', t.id, t.modified_at]);
  const relations = (only ? [] : project.relations.list()).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const r of relations) bases.push(['relation', r.id, r.modifiedAt]);
  const summary = only ? null : readSummary(project);
  if (summary) bases.push(['summary', SUMMARY_META_KEY, summary.modifiedAt]);
  const attributeShare = only ? { attributes: [], attributeValues: [], bases: [] } : exportAttributes(db);
  bases.push(...attributeShare.bases);
  const clusterShare = only ? { clusterTitles: [], bases: [] } : exportClusterTitles(project);
  bases.push(...clusterShare.bases);

  if (opts.recordBases && !project.readOnly) {
    project.write(() => {
      const b = new Bases(db, opts.basesSource ?? null);
      // A few records: written straight away rather than after reading every base of the project.
      for (const [kind, id, modified] of bases) {
        if (only) b.put(kind, id, modified);
        else b.set(kind, id, modified);
      }
    });
  }

  const collectionId = `urn:crossread:project:${project.meta.get('project_id') ?? 'unknown'}:annotations`;
  return {
    '@context': shareContext(),
    id: collectionId,
    type: 'AnnotationCollection',
    label: 'Crossread annotations',
    generator: { id: 'https://crossread.app/', type: 'Software', name: opts.version ? `Crossread ${opts.version}` : 'Crossread' },
    total: items.length,
    first: { id: `${collectionId}:page:0`, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items },
    'cr:project': {
      version: SHARE_FORMAT_VERSION,
      positions: 'code-points',
      tags: tags.map((t) => ({ id: t.id, name: t.name, color: t.color, position: t.position, modified: t.modified_at, deleted: t.deleted_at, ...codeFieldsOf(t) })),
      relations: relations.map((r) => ({ id: r.id, name: r.name, inverseName: r.inverseName, symmetric: r.symmetric, builtin: r.builtin, position: r.position, modified: r.modifiedAt })),
      documents,
      summary,
      attributes: attributeShare.attributes,
      attributeValues: attributeShare.attributeValues,
      tombstones,
      clusterTitles: clusterShare.clusterTitles,
    },
  };
}

/**
 * A document's language and its offsets in code points, by content hash. Most texts have no
 * character outside the Basic Multilingual Plane, and their offsets are the same in both units.
 */
function documentInfo(project: Project): (hash: string) => { language: string; codePoints: (utf16: number) => number } {
  const byHash = new Map<string, { id: string; language: string }>();
  for (const r of project.database.prepare('SELECT id, content_hash AS hash, language FROM documents ORDER BY deleted_at IS NOT NULL').all() as { id: string; hash: string; language: string }[]) {
    if (!byHash.has(r.hash)) byHash.set(r.hash, { id: r.id, language: r.language });
  }
  const cache = new Map<string, { language: string; codePoints: (utf16: number) => number }>();
  return (hash) => {
    let info = cache.get(hash);
    if (!info) {
      const doc = byHash.get(hash);
      const astral = doc ? astralOffsets(project.database.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(doc.id) as string) : [];
      info = { language: doc?.language ?? '', codePoints: astral.length === 0 ? (n) => n : (n) => toCodePoints(astral, n) };
      cache.set(hash, info);
    }
    return info;
  };
}

/** The file's text: pretty-printed JSON with a final newline. */
export function exportText(project: Project, opts: ExportOptions = {}): string {
  return `${JSON.stringify(exportCollection(project, opts), null, 2)}\n`;
}
