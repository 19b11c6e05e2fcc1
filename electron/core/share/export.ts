/**
 * Writes a project's claims, links, tags and notes as a W3C Web Annotation AnnotationCollection
 * (JSON-LD). The standard part stands alone; Crossread's extras sit under `cr:` keys in the
 * https://crossread.app/ns/share/v1# namespace. The file names documents by content hash only
 * and holds no paths, user folders or machine names; repeated exports of an unchanged project are
 * byte-identical (no export time is written, items are sorted by id).
 */
import { richTextFromLexical, richTextToHtml } from '../../../shared/richtext';
import type { Project } from '../store/project';
import { Bases } from './bases';
import { memoItems } from './memos';
import { codeFieldsOf, TAG_CODE_COLUMNS } from './codes';
import { DOC_URN_PREFIX, SHARE_NAMESPACE, W3C_CONTEXT, type SharedSummary } from './model';
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

const person = (name: string) => ({ type: 'Person', name });
const urn = (id: string) => `urn:uuid:${id}`;

function noteBody(n: NoteRow) {
  return {
    type: 'TextualBody',
    purpose: 'commenting',
    format: 'text/html',
    value: richTextToHtml(richTextFromLexical(n.json)),
    creator: person(n.author),
    created: n.created_at,
    modified: n.modified_at,
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
  /** Remember what was exported as the merge base (skipped for read-only projects). */
  recordBases?: boolean;
}

/** The annotation file of `project` as a JSON-LD object (serialize with JSON.stringify). */
export function exportCollection(project: Project, opts: ExportOptions = {}): Record<string, unknown> {
  const db = project.database;
  const notes = new Map<string, NoteRow>();
  for (const n of db.prepare('SELECT owner_kind, owner_id, json, author, created_at, modified_at FROM notes').all() as NoteRow[]) {
    notes.set(`${n.owner_kind}:${n.owner_id}`, n);
  }
  const tags = db.prepare(`SELECT id, name, color, position, modified_at, deleted_at, ${TAG_CODE_COLUMNS} FROM tags ORDER BY id`).all() as (Parameters<typeof codeFieldsOf>[0] & {
    id: string;
    name: string;
    color: string;
    position: number;
    modified_at: string;
    deleted_at: string | null;
  })[];
  const tagsOf = new Map<string, { id: string; name: string }[]>();
  for (const r of db
    .prepare(`SELECT at.annotation_id, t.id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL ORDER BY t.position, t.name`)
    .all() as { annotation_id: string; id: string; name: string }[]) {
    const list = tagsOf.get(r.annotation_id) ?? [];
    list.push({ id: r.id, name: r.name });
    tagsOf.set(r.annotation_id, list);
  }
  const claims = db
    .prepare(
      `SELECT a.id, d.content_hash AS hash, a.start, a.end, a.exact, a.prefix, a.suffix, a.author, a.created_at, a.modified_at,
         a.deleted_at, d.deleted_at AS doc_deleted, x.state AS anchor
       FROM annotations a JOIN documents d ON d.id = a.document_id
       LEFT JOIN annotation_anchors x ON x.annotation_id = a.id ORDER BY a.id`,
    )
    .all() as ClaimRow[];
  const orphans = db
    .prepare('SELECT id, source, exact, prefix, suffix, start, end, tags, note_json, author, created_at, modified_at, deleted_at FROM orphans WHERE reattached_at IS NULL ORDER BY id')
    .all() as OrphanRow[];
  const links = db
    .prepare(
      `SELECT l.id, l.from_id, l.to_id, l.author, l.created_at, l.modified_at, l.deleted_at, r.id AS relation_id, r.name AS relation
       FROM links l JOIN relation_types r ON r.id = l.relation_id ORDER BY l.id`,
    )
    .all() as { id: string; from_id: string; to_id: string; author: string; created_at: string; modified_at: string; deleted_at: string | null; relation_id: string; relation: string }[];
  // Links waiting for an orphan travel on as ordinary links, so a colleague who has both claims gets them.
  const pending = db
    .prepare(
      `SELECT p.id, p.from_id, p.to_id, p.author, p.created_at, p.modified_at, NULL AS deleted_at, r.id AS relation_id, r.name AS relation, p.note_json
       FROM pending_links p JOIN relation_types r ON r.id = p.relation_id ORDER BY p.id`,
    )
    .all() as ((typeof links)[number] & { note_json: string | null })[];
  for (const p of pending) {
    if (p.note_json) notes.set(`link:${p.id}`, { owner_kind: 'link', owner_id: p.id, json: p.note_json, author: p.author, created_at: p.created_at, modified_at: p.modified_at });
  }
  const bases: [Parameters<Bases['set']>[0], string, string][] = [];

  const items: Record<string, unknown>[] = [];
  const pageOf = pageSelectors(db);
  for (const c of claims) {
    const deleted = c.deleted_at ?? c.doc_deleted;
    const target = {
      source: `${DOC_URN_PREFIX}${c.hash}`,
      selector: [
        { type: 'TextQuoteSelector', exact: c.exact, prefix: c.prefix, suffix: c.suffix },
        { type: 'TextPositionSelector', start: c.start, end: c.end },
        ...pageOf(c.hash, c.start),
      ],
    };
    const base = { id: urn(c.id), type: 'Annotation', creator: person(c.author), created: c.created_at, modified: c.modified_at };
    bases.push(['annotation', c.id, c.modified_at]);
    if (deleted) {
      items.push({ ...base, motivation: 'highlighting', target, 'cr:deleted': deleted });
      continue;
    }
    const claimTags = tagsOf.get(c.id) ?? [];
    const note = notes.get(`annotation:${c.id}`);
    const body: Record<string, unknown>[] = claimTags.map((t) => ({ id: urn(t.id), type: 'TextualBody', purpose: 'tagging', value: t.name }));
    if (note) {
      body.push(noteBody(note));
      bases.push(['note', `annotation:${c.id}`, note.modified_at]);
    }
    items.push({
      ...base,
      motivation: claimTags.length > 0 ? 'tagging' : 'highlighting',
      ...(body.length > 0 ? { body } : {}),
      target,
      ...(c.anchor ? { 'cr:anchor': c.anchor } : {}),
    });
  }
  for (const o of orphans) {
    const selector: Record<string, unknown>[] = [{ type: 'TextQuoteSelector', exact: o.exact, prefix: o.prefix, suffix: o.suffix }];
    if (o.start !== null && o.end !== null) selector.push({ type: 'TextPositionSelector', start: o.start, end: o.end });
    const body: Record<string, unknown>[] = (JSON.parse(o.tags) as string[]).map((name) => ({ type: 'TextualBody', purpose: 'tagging', value: name }));
    if (o.note_json) body.push(noteBody({ owner_kind: 'annotation', owner_id: o.id, json: o.note_json, author: o.author, created_at: o.created_at, modified_at: o.modified_at }));
    bases.push(['annotation', o.id, o.modified_at]);
    items.push({
      id: urn(o.id),
      type: 'Annotation',
      motivation: body.length > 1 || (body.length === 1 && !o.note_json) ? 'tagging' : 'highlighting',
      creator: person(o.author),
      created: o.created_at,
      modified: o.modified_at,
      ...(o.deleted_at || body.length === 0 ? {} : { body }),
      target: { source: o.source, selector },
      ...(o.deleted_at ? { 'cr:deleted': o.deleted_at } : { 'cr:anchor': 'orphan' }),
    });
  }
  for (const l of [...links, ...pending]) {
    const note = notes.get(`link:${l.id}`);
    bases.push(['link', l.id, l.modified_at]);
    const body: Record<string, unknown>[] = [{ id: urn(l.relation_id), type: 'TextualBody', purpose: 'classifying', value: l.relation }];
    if (note && !l.deleted_at) {
      body.push(noteBody(note));
      bases.push(['note', `link:${l.id}`, note.modified_at]);
    }
    items.push({
      id: urn(l.id),
      type: 'Annotation',
      motivation: 'linking',
      creator: person(l.author),
      created: l.created_at,
      modified: l.modified_at,
      body,
      target: [urn(l.from_id), urn(l.to_id)],
      'cr:from': urn(l.from_id),
      'cr:to': urn(l.to_id),
      ...(l.deleted_at ? { 'cr:deleted': l.deleted_at } : {}),
    });
  }

  items.push(...memoItems(project, bases));

  const documents = project.documents.list().sort((a, b) => (a.hash < b.hash ? -1 : 1)).map((d) => {
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
  const relations = project.relations.list().sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const r of relations) bases.push(['relation', r.id, r.modifiedAt]);
  const summary = readSummary(project);
  if (summary) bases.push(['summary', SUMMARY_META_KEY, summary.modifiedAt]);
  const attributeShare = exportAttributes(db);
  bases.push(...attributeShare.bases);
  const clusterShare = exportClusterTitles(project);
  bases.push(...clusterShare.bases);

  if (opts.recordBases && !project.readOnly) {
    project.write(() => {
      const b = new Bases(db);
      for (const [kind, id, modified] of bases) b.set(kind, id, modified);
    });
  }

  return {
    '@context': [W3C_CONTEXT, { cr: SHARE_NAMESPACE }],
    type: 'AnnotationCollection',
    label: 'Crossread annotations',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
    'cr:project': {
      version: 1,
      tags: tags.map((t) => ({ id: t.id, name: t.name, color: t.color, position: t.position, modified: t.modified_at, deleted: t.deleted_at, ...codeFieldsOf(t) })),
      relations: relations.map((r) => ({ id: r.id, name: r.name, inverseName: r.inverseName, symmetric: r.symmetric, builtin: r.builtin, position: r.position, modified: r.modifiedAt })),
      documents,
      summary,
      attributes: attributeShare.attributes,
      attributeValues: attributeShare.attributeValues,
      clusterTitles: clusterShare.clusterTitles,
    },
  };
}

/** The file's text: pretty-printed JSON with a final newline. */
export function exportText(project: Project, opts: ExportOptions = {}): string {
  return `${JSON.stringify(exportCollection(project, opts), null, 2)}\n`;
}
