/**
 * Reviewing merge conflicts (table merge_conflicts): both versions described for the user, and
 * either kept as it is or swapped for the version that lost.
 */
import { DocumentPatch } from '../../../shared/contract';
import type { MergeConflict } from '../../../shared/share';
import { AppError } from '../errors';
import type { Project } from '../store/project';
import type { NoteKey } from '../store/notes';
import { Memos } from '../memos/memos';
import { applyCodeVersion } from './codes';
import { noteFromHtml } from './html-note';
import { currentValue, describeValue, swapValue } from '../attributes/share';
import { currentAch, isAchKind, swapAch } from './hypotheses';
import { currentTitle, swapTitle } from './clusters';

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
      if (v.textDiffers) return `the text differs: «${String(v.exact)}» · ${(v.tags as string[]).join(', ') || '(no tags)'} · ${String(v.author ?? '')} · ${stamp}`;
      return `${(v.tags as string[]).join(', ') || '(no tags)'} · ${String(v.author ?? '')} · ${stamp}`;
    case 'note':
    case 'summary':
      return `${String(v.text ?? '').slice(0, 300)} · ${String(v.author ?? '')} · ${stamp}`;
    case 'link':
      return `${String(v.relation)} · ${stamp}`;
    case 'tag':
      return `${String(v.name)} ${String(v.color)} · ${stamp}`;
    case 'attribute_value':
      return `${describeValue(v)} · ${stamp}`;
    default:
      return `${String(v.name ?? v.title ?? '')} · ${stamp}`;
  }
}

function currentVersion(project: Project, kind: MergeConflict['itemKind'], id: string): Snapshot | null {
  const db = project.database;
  if (isAchKind(kind)) return currentAch(db, kind, id);
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
      return (
        (db
          .prepare('SELECT name, color, parent_id AS parent, definition, use_when AS useWhen, avoid_when AS avoidWhen, example, modified_at AS modified, deleted_at AS deleted FROM tags WHERE id = ?')
          .get(id) as Snapshot | undefined) ?? null
      );
    case 'relation':
      return (db.prepare('SELECT name, modified_at AS modified FROM relation_types WHERE id = ?').get(id) as Snapshot | undefined) ?? null;
    case 'attribute':
      return (db.prepare('SELECT name, deleted_at AS deleted, modified_at AS modified FROM attributes WHERE id = ?').get(id) as Snapshot | undefined) ?? null;
    case 'attribute_value':
      return currentValue(db, id);
    case 'cluster_title':
      return currentTitle(project, id);
    case 'document':
      return (
        (db.prepare('SELECT title, outlet, author, date, language, modified_at AS modified FROM documents WHERE content_hash = ? AND deleted_at IS NULL').get(id) as
          | Snapshot
          | undefined) ?? null
      );
    case 'summary': {
      const raw = project.meta.get(id);
      return raw ? (JSON.parse(raw) as Snapshot) : null;
    }
  }
}

/**
 * Either version of any item can be put in place, except a claim whose text differs (its tags belong
 * to other text) and an attribute's definition (its type decides what every value means).
 */
const swappable = (kind: MergeConflict['itemKind'], losing: Snapshot) => kind !== 'attribute' && !(kind === 'annotation' && losing.textDiffers);

export function conflicts(project: Project): MergeConflict[] {
  const rows = project.database
    .prepare('SELECT id, item_kind, item_id, losing_side, losing, source_file, created_at FROM merge_conflicts WHERE resolved_at IS NULL ORDER BY id')
    .all() as ConflictRow[];
  return rows.map((r) => {
    const losing = JSON.parse(r.losing) as Snapshot;
    return {
    id: r.id,
    itemKind: r.item_kind,
    itemId: r.item_id,
    losingSide: r.losing_side,
    current: describe(r.item_kind, currentVersion(project, r.item_kind, r.item_id)),
    losing: describe(r.item_kind, losing),
    canSwap: swappable(r.item_kind, losing),
    sourceFile: r.source_file,
    createdAt: r.created_at,
    };
  });
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
      const losing = JSON.parse(row.losing) as Snapshot;
      if (!swappable(row.item_kind, losing)) {
        throw new AppError(
          'bad-input',
          row.item_kind === 'attribute' ? 'An attribute’s definition decides what its values mean, so only this one can be kept.' : 'The other version quotes different text, so only this one can be kept.',
        );
      }
      swap(project, row, losing, now, author);
    }
    db.prepare('UPDATE merge_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(now, choice === 'keep' ? 'kept' : 'swapped', id);
  });
}

function swap(project: Project, row: ConflictRow, v: Snapshot, now: string, author: string): void {
  const db = project.database;
  if (isAchKind(row.item_kind)) return swapAch(db, row.item_kind, row.item_id, v, now);
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
      const [kind, id] = row.item_id.split(':') as [NoteKey['kind'], string];
      const json = typeof v.json === 'string' ? v.json : noteFromHtml(String(v.text ?? '')).json;
      if (kind === 'annotation' || kind === 'link') project.notes.save({ kind, id }, json, author, now);
      else project.notes.store(memoKeyOf(project, kind, id), json, author, now);
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
      else {
        project.tags.update(row.item_id, { name: String(v.name), color: String(v.color) }, now);
        applyCodeVersion(project.tags, row.item_id, v, now);
      }
      return;
    case 'relation': {
      const current = project.relations.get(row.item_id);
      if (current.builtin) throw new AppError('bad-input', 'A built-in link type keeps its names.');
      project.relations.update(row.item_id, { name: String(v.name), inverseName: String(v.inverseName) }, now);
      return;
    }
    case 'document': {
      const doc = project.documents.findByHash(row.item_id);
      if (!doc) throw new AppError('not-found', 'That document is no longer in the project.');
      // The snapshot was checked as the API checks an edit of a document's details when it was read.
      const patch = DocumentPatch.parse({ title: v.title, outlet: v.outlet, author: v.author, date: v.date, language: v.language });
      project.documents.update(doc.id, patch, now);
      return;
    }
    case 'summary':
      project.meta.set(row.item_id, JSON.stringify({ json: v.json, text: v.text, author, modifiedAt: now }));
      return;
    case 'attribute_value':
      swapValue(project, v, author, now);
      return;
    case 'cluster_title':
      swapTitle(project, row.item_id, v, author, now);
      return;
    default:
      return;
  }
}

/** A memo's notes key, checked: its document or tag must still be live. */
function memoKeyOf(project: Project, kind: 'project' | 'document' | 'tag', id: string): NoteKey {
  if (kind === 'project') return { kind, id };
  return new Memos(project).key({ kind, id });
}
