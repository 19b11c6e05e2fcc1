/**
 * The sharing operations behind the API: import (preview or apply), export, anchor health, the
 * Orphans list with re-attaching, and the review of merge conflicts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Annotation, AnchorHealth, MergeConflict, Orphan, SharePreview } from '../../../shared/contract';
import { quoteOf, trimRange } from '../../../shared/text';
import { AppError } from '../errors';
import type { Project } from '../store/project';
import { Merge } from './merge';
import { SHARE_LIMITS } from './limits';
import { noteFromHtml } from './html-note';
import { readSharedFile } from './read';

/** Thrown inside the transaction of a preview to roll it back; never leaves this file. */
class Preview extends Error {
  constructor(readonly result: SharePreview) {
    super('preview');
  }
}

/** Only a file's own name goes into the project (conflict and orphan records). */
const baseName = (name: string) => name.split(/[\\/]/).pop() || 'annotations.json';

/**
 * Reads `bytes` as an annotation file and merges it. With `dryRun`, the very same merge runs and is
 * rolled back, so the preview counts exactly what applying would do. Applying is one transaction:
 * any error leaves the project as it was.
 */
export function importShared(project: Project, bytes: Uint8Array, fileName: string, dryRun: boolean): SharePreview {
  const name = baseName(fileName);
  const file = readSharedFile(bytes, name);
  try {
    return project.write((now) => {
      const merge = new Merge(project, file, name, now);
      merge.run();
      const result = merge.tally.preview(name, file.kind, file.skipped, merge.changed, !dryRun);
      if (dryRun) throw new Preview(result);
      return result;
    });
  } catch (err) {
    if (err instanceof Preview) return err.result;
    throw err;
  }
}

/** Reads an annotation file from disk with the size limit checked before reading. */
export function readShareFileFromDisk(file: string): Uint8Array {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppError('not-found', `The annotation file ${path.basename(file)} does not exist.`);
  }
  if (size > SHARE_LIMITS.maxFileBytes) {
    throw new AppError('bad-input', `${path.basename(file)} is larger than the ${SHARE_LIMITS.maxFileBytes / 1024 / 1024} MB limit for annotation files.`);
  }
  return fs.readFileSync(file);
}

export function anchors(project: Project): AnchorHealth[] {
  const rows = project.database
    .prepare(
      `SELECT x.annotation_id AS annotationId, x.state, x.errors, x.original_exact AS originalExact, x.source_file AS sourceFile
       FROM annotation_anchors x JOIN annotations a ON a.id = x.annotation_id AND a.deleted_at IS NULL`,
    )
    .all() as AnchorHealth[];
  return rows;
}

interface OrphanRow {
  id: string;
  source: string;
  exact: string;
  prefix: string;
  suffix: string;
  tags: string;
  note_json: string | null;
  note_text: string;
  author: string;
  created_at: string;
  modified_at: string;
  source_file: string;
}

function orphanRow(project: Project, id: string): OrphanRow {
  const row = project.database
    .prepare('SELECT * FROM orphans WHERE id = ? AND deleted_at IS NULL AND reattached_at IS NULL')
    .get(id) as OrphanRow | undefined;
  if (!row) throw new AppError('not-found', 'That orphaned claim is no longer in the list (it may have been re-attached or deleted).');
  return row;
}

export function orphans(project: Project): Orphan[] {
  const rows = project.database
    .prepare('SELECT * FROM orphans WHERE deleted_at IS NULL AND reattached_at IS NULL ORDER BY created_at, id')
    .all() as OrphanRow[];
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    tags: JSON.parse(r.tags) as string[],
    noteText: r.note_text,
    author: r.author,
    createdAt: r.created_at,
    sourceFile: r.source_file,
  }));
}

/**
 * Makes an orphan a claim again on text the user selected: same id (so colleagues' files still
 * merge with it), its tags (by name, created if missing), note and author.
 */
export function reattach(project: Project, input: { id: string; documentId: string; start: number; end: number }): Annotation {
  return project.write((now) => {
    const o = orphanRow(project, input.id);
    const text = project.documents.text(input.documentId);
    if (input.end > text.length) throw new AppError('bad-input', `The selection ends at ${input.end}, past the end of the document (${text.length}).`);
    const { start, end } = trimRange(text, input.start, input.end);
    if (end <= start) throw new AppError('bad-input', 'Select some text first: a claim needs at least one character.');
    const db = project.database;
    const q = quoteOf(text, start, end);
    db.prepare(
      `INSERT INTO annotations (id, document_id, start, end, exact, prefix, suffix, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(o.id, input.documentId, start, end, q.exact, q.prefix, q.suffix, o.author, o.created_at, now);
    const live = project.tags.list();
    for (const name of JSON.parse(o.tags) as string[]) {
      const tag = live.find((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase()) ?? project.tags.create(name, undefined, now);
      if (!live.includes(tag)) live.push(tag);
      db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)').run(o.id, tag.id);
    }
    if (o.note_json) project.notes.save({ kind: 'annotation', id: o.id }, o.note_json, o.author, now);
    db.prepare('UPDATE orphans SET reattached_at = ?, deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, now, o.id);
    createPendingLinks(project, o.id);
    return project.annotations.get(o.id);
  });
}

interface PendingLinkRow {
  id: string;
  from_id: string;
  to_id: string;
  relation_id: string;
  note_json: string | null;
  author: string;
  created_at: string;
  modified_at: string;
}

/** Links that waited for this claim: made now that both of their claims are here (a duplicate is dropped). */
function createPendingLinks(project: Project, claimId: string): void {
  const db = project.database;
  const rows = db.prepare('SELECT * FROM pending_links WHERE from_id = ? OR to_id = ?').all(claimId, claimId) as PendingLinkRow[];
  const live = db.prepare('SELECT 1 FROM annotations WHERE id = ? AND deleted_at IS NULL');
  for (const l of rows) {
    if (!live.get(l.from_id) || !live.get(l.to_id)) continue;
    const symmetric = project.relations.get(l.relation_id).symmetric;
    const twin = db
      .prepare(`SELECT 1 FROM links WHERE deleted_at IS NULL AND relation_id = ? AND ((from_id = ? AND to_id = ?) OR (? = 1 AND from_id = ? AND to_id = ?))`)
      .get(l.relation_id, l.from_id, l.to_id, symmetric ? 1 : 0, l.to_id, l.from_id);
    if (!twin && !db.prepare('SELECT 1 FROM links WHERE id = ?').get(l.id)) {
      db.prepare('INSERT INTO links (id, from_id, to_id, relation_id, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        l.id, l.from_id, l.to_id, l.relation_id, l.author, l.created_at, l.modified_at,
      );
      if (l.note_json) project.notes.save({ kind: 'link', id: l.id }, l.note_json, l.author, l.modified_at);
    }
    db.prepare('DELETE FROM pending_links WHERE id = ?').run(l.id);
  }
}

export function deleteOrphan(project: Project, id: string): void {
  project.write((now) => {
    orphanRow(project, id);
    project.database.prepare('UPDATE orphans SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
  });
}

interface ConflictRow {
  id: number;
  item_kind: MergeConflict['itemKind'];
  item_id: string;
  losing_side: 'mine' | 'theirs';
  losing: string;
  source_file: string;
  created_at: string;
}

type Snapshot = Record<string, unknown>;

/** One readable line for a version of an item. */
function describe(kind: MergeConflict['itemKind'], v: Snapshot | null): string {
  if (!v) return '—';
  const when = typeof v.modified === 'string' ? v.modified : typeof v.modifiedAt === 'string' ? v.modifiedAt : '';
  const stamp = `${when.slice(0, 16).replace('T', ' ')}`;
  if (v.deleted) return `deleted · ${stamp}`;
  switch (kind) {
    case 'annotation':
      return `${(v.tags as string[]).join(', ') || '(no tags)'} · ${String(v.author ?? '')} · ${stamp}`;
    case 'note':
    case 'summary':
      return `${String(v.text ?? '').slice(0, 300)} · ${String(v.author ?? '')} · ${stamp}`;
    case 'link':
      return `${String(v.relation)} · ${stamp}`;
    case 'tag':
      return `${String(v.name)} ${String(v.color)} · ${stamp}`;
    default:
      return `${String(v.name ?? v.title ?? '')} · ${stamp}`;
  }
}

function currentVersion(project: Project, kind: MergeConflict['itemKind'], id: string): Snapshot | null {
  const db = project.database;
  switch (kind) {
    case 'annotation': {
      const a = db.prepare('SELECT author, modified_at, deleted_at FROM annotations WHERE id = ?').get(id) as
        | { author: string; modified_at: string; deleted_at: string | null }
        | undefined;
      if (!a) return null;
      const tags = db
        .prepare('SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL WHERE at.annotation_id = ? ORDER BY t.position')
        .pluck()
        .all(id) as string[];
      return { tags, author: a.author, modified: a.modified_at, deleted: a.deleted_at };
    }
    case 'note': {
      const [ownerKind, ownerId] = id.split(':');
      const n = db.prepare('SELECT text, author, modified_at FROM notes WHERE owner_kind = ? AND owner_id = ?').get(ownerKind, ownerId) as
        | { text: string; author: string; modified_at: string }
        | undefined;
      return n ? { text: n.text, author: n.author, modified: n.modified_at } : null;
    }
    case 'link': {
      const l = db
        .prepare('SELECT r.name AS relation, l.modified_at AS modified, l.deleted_at AS deleted FROM links l JOIN relation_types r ON r.id = l.relation_id WHERE l.id = ?')
        .get(id) as Snapshot | undefined;
      return l ?? null;
    }
    case 'tag':
      return (db.prepare('SELECT name, color, modified_at AS modified, deleted_at AS deleted FROM tags WHERE id = ?').get(id) as Snapshot | undefined) ?? null;
    case 'relation':
      return (db.prepare('SELECT name, modified_at AS modified FROM relation_types WHERE id = ?').get(id) as Snapshot | undefined) ?? null;
    case 'document':
      return (db.prepare('SELECT title, modified_at AS modified FROM documents WHERE content_hash = ? AND deleted_at IS NULL').get(id) as Snapshot | undefined) ?? null;
    case 'summary': {
      const raw = project.meta.get(id);
      return raw ? (JSON.parse(raw) as Snapshot) : null;
    }
  }
}

const SWAPPABLE = new Set<MergeConflict['itemKind']>(['annotation', 'note', 'link', 'tag']);

export function conflicts(project: Project): MergeConflict[] {
  const rows = project.database
    .prepare('SELECT id, item_kind, item_id, losing_side, losing, source_file, created_at FROM merge_conflicts WHERE resolved_at IS NULL ORDER BY id')
    .all() as ConflictRow[];
  return rows.map((r) => ({
    id: r.id,
    itemKind: r.item_kind,
    itemId: r.item_id,
    losingSide: r.losing_side,
    current: describe(r.item_kind, currentVersion(project, r.item_kind, r.item_id)),
    losing: describe(r.item_kind, JSON.parse(r.losing) as Snapshot),
    canSwap: SWAPPABLE.has(r.item_kind),
    sourceFile: r.source_file,
    createdAt: r.created_at,
  }));
}

/** Resolves a conflict: `keep` leaves the current version, `swap` puts the losing one in its place (as a change made now). */
export function resolveConflict(project: Project, id: number, choice: 'keep' | 'swap', author: string): void {
  project.write((now) => {
    const db = project.database;
    const row = db.prepare('SELECT id, item_kind, item_id, losing_side, losing, source_file, created_at FROM merge_conflicts WHERE id = ? AND resolved_at IS NULL').get(id) as
      | ConflictRow
      | undefined;
    if (!row) throw new AppError('not-found', 'That conflict has already been resolved.');
    if (choice === 'swap') {
      if (!SWAPPABLE.has(row.item_kind)) throw new AppError('bad-input', 'This kind of change can only be kept as it is.');
      swap(project, row, JSON.parse(row.losing) as Snapshot, now, author);
    }
    db.prepare('UPDATE merge_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(now, choice === 'keep' ? 'kept' : 'swapped', id);
  });
}

function swap(project: Project, row: ConflictRow, v: Snapshot, now: string, author: string): void {
  const db = project.database;
  switch (row.item_kind) {
    case 'annotation': {
      if (v.deleted) {
        project.annotations.delete(row.item_id, now);
        return;
      }
      db.prepare('UPDATE annotations SET deleted_at = NULL, modified_at = ? WHERE id = ?').run(now, row.item_id);
      const live = project.tags.list();
      const ids = (v.tags as string[]).map((name) => (live.find((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase()) ?? project.tags.create(name, undefined, now)).id);
      project.annotations.setTags(row.item_id, ids, now);
      return;
    }
    case 'note': {
      const [kind, id] = row.item_id.split(':') as ['annotation' | 'link', string];
      const json = typeof v.json === 'string' ? v.json : noteFromHtml(String(v.text ?? '')).json;
      project.notes.save({ kind, id }, json, author, now);
      return;
    }
    case 'link': {
      if (v.deleted) {
        project.links.delete(row.item_id, now);
        return;
      }
      const relation = project.relations.list().find((r) => r.name === v.relation);
      if (!relation) throw new AppError('conflict', `The relation “${String(v.relation)}” no longer exists.`);
      db.prepare('UPDATE links SET deleted_at = NULL, relation_id = ?, modified_at = ? WHERE id = ?').run(relation.id, now, row.item_id);
      return;
    }
    case 'tag':
      if (v.deleted) project.tags.delete(row.item_id, now);
      else project.tags.update(row.item_id, { name: String(v.name), color: String(v.color) }, now);
      return;
    default:
      return;
  }
}
