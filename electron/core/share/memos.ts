/**
 * Memos in annotation files. Each written memo is a W3C annotation with motivation `commenting`:
 * a document's memo targets the document (its urn:crossread:doc:sha256 source), the project's and
 * a tag's target the collection itself; `cr:memo` says whose memo it is (a tag by id and name).
 * Ids are derived from the owner, so the same memo has the same id in every colleague's file and
 * merges like a note (newer wins, both changed: a conflict with Keep mine / Take theirs).
 */
import { z } from 'zod';
import { richTextFromLexical, richTextToHtml } from '../../../shared/richtext';
import { Memos } from '../memos/memos';
import type { NoteKey } from '../store/notes';
import type { Project } from '../store/project';
import type { Bases } from './bases';
import { DOC_URN_PREFIX, type SharedMemo, type SharedNote } from './model';

/** The target of memos that are about the whole collection (the project memo, tag memos). */
export const COLLECTION_TARGET = { id: 'urn:crossread:collection', type: 'AnnotationCollection' } as const;

interface MemoRow {
  owner_kind: 'project' | 'document' | 'tag';
  owner_id: string;
  json: string;
  author: string;
  created_at: string;
  modified_at: string;
  hash: string | null;
  tag: string | null;
}

/** The memos of live owners as annotations, and their merge bases (item kind 'note', like notes). */
export function memoItems(project: Project, bases: [Parameters<Bases['set']>[0], string, string][]): Record<string, unknown>[] {
  const projectId = project.meta.get('project_id') ?? '';
  const rows = project.database
    .prepare(
      `SELECT n.owner_kind, n.owner_id, n.json, n.author, n.created_at, n.modified_at, d.content_hash AS hash, t.name AS tag
       FROM notes n
       LEFT JOIN documents d ON n.owner_kind = 'document' AND d.id = n.owner_id AND d.deleted_at IS NULL
       LEFT JOIN tags t ON n.owner_kind = 'tag' AND t.id = n.owner_id AND t.deleted_at IS NULL
       WHERE (n.owner_kind = 'project' AND n.owner_id = ?) OR d.id IS NOT NULL OR t.id IS NOT NULL
       ORDER BY n.owner_kind, COALESCE(d.content_hash, n.owner_id)`,
    )
    .all(projectId) as MemoRow[];
  return rows.map((r) => {
    bases.push(['note', `${r.owner_kind}:${r.owner_id}`, r.modified_at]);
    const key = r.owner_kind === 'project' ? 'project' : r.owner_kind === 'document' ? `document:${r.hash}` : `tag:${r.owner_id}`;
    return {
      id: `urn:crossread:memo:${key}`,
      type: 'Annotation',
      motivation: 'commenting',
      creator: { type: 'Person', name: r.author },
      created: r.created_at,
      modified: r.modified_at,
      body: {
        type: 'TextualBody',
        purpose: 'commenting',
        format: 'text/html',
        value: richTextToHtml(richTextFromLexical(r.json)),
        creator: { type: 'Person', name: r.author },
        created: r.created_at,
        modified: r.modified_at,
      },
      target: r.owner_kind === 'document' ? `${DOC_URN_PREFIX}${r.hash}` : COLLECTION_TARGET,
      'cr:memo': r.owner_kind === 'tag' ? { kind: 'tag', tag: { id: `urn:uuid:${r.owner_id}`, name: r.tag } } : { kind: r.owner_kind },
    };
  });
}

const MemoExtension = z.union([
  z.object({ kind: z.enum(['project', 'document']) }).strict(),
  z.object({ kind: z.literal('tag'), tag: z.object({ id: z.string().max(200).optional(), name: z.string().trim().min(1).max(80) }).strict() }).strict(),
]);

/**
 * A memo item of a file, or why it is not usable (the caller names the place). `targets` are the
 * item's targets; a document memo needs a Crossread document URN among them.
 */
export function readMemo(raw: unknown, targets: readonly unknown[], note: SharedNote | null, path: string): SharedMemo | string {
  const parsed = MemoExtension.safeParse(raw);
  if (!parsed.success) return 'cr:memo must name a kind (project, document, or tag with its name)';
  if (!note) return 'a memo needs a body with its text';
  const m = parsed.data;
  if (m.kind === 'document') {
    const source = targets.map((t) => (typeof t === 'string' ? t : typeof t === 'object' && t && 'source' in t ? String((t as { source: unknown }).source) : '')).find((s) => s.startsWith(DOC_URN_PREFIX));
    const hash = source?.slice(DOC_URN_PREFIX.length).toLowerCase() ?? '';
    if (!/^[0-9a-f]{64}$/.test(hash)) return `a document memo needs a ${DOC_URN_PREFIX}<64 hex digits> target`;
    return { path, kind: 'document', hash, tag: null, note };
  }
  if (m.kind === 'tag') {
    const id = /^urn:uuid:([0-9a-f-]{36})$/i.exec(m.tag.id ?? '')?.[1]?.toLowerCase() ?? null;
    return { path, kind: 'tag', hash: null, tag: { id, name: m.tag.name }, note };
  }
  return { path, kind: 'project', hash: null, tag: null, note };
}

/** Where a colleague's memo goes here: its document by hash, its tag by id then name; null when this project lacks the owner. */
export function localMemoKey(project: Project, memo: SharedMemo): NoteKey | null {
  if (memo.kind === 'project') return new Memos(project).key({ kind: 'project' }, true);
  if (memo.kind === 'document') {
    const doc = project.documents.list().find((d) => d.hash === memo.hash);
    return doc ? { kind: 'document', id: doc.id } : null;
  }
  const tags = project.tags.list();
  const name = memo.tag!.name.toLocaleLowerCase();
  const tag = tags.find((t) => t.id === memo.tag!.id) ?? tags.find((t) => t.name.toLocaleLowerCase() === name);
  return tag ? { kind: 'tag', id: tag.id } : null;
}
