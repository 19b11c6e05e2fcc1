import { randomUUID } from 'node:crypto';
import type { Memo, MemoHit, MemoOwner, MemoSummary } from '../../../shared/contract';
import type { StepLabel } from '../../../shared/history';
import { AppError } from '../errors';
import type { NoteKey } from '../store/notes';
import type { Project } from '../store/project';
import { shortQuote } from '../store/step-labels';

const PROJECT_ID_KEY = 'project_id';
/** Memo hits a search returns at most: memos are few, and the panel lists them above the documents. */
const MEMO_HIT_LIMIT = 200;

export const ownerKey = (owner: MemoOwner) => (owner.kind === 'project' ? 'project' : `${owner.kind}:${owner.id}`);

/**
 * Memos: the project's, a document's, a tag's. They are rows of `notes` (migration 0007) owned by
 * the project (its id from project_meta), a document or a tag, so the note machinery — rich-text
 * validation, search, the journal's undo of a clearing save — serves them unchanged.
 */
export class Memos {
  constructor(private readonly project: Project) {}

  /** The notes-table key of a memo; the owner must be live (a deleted document's memo is not written). */
  key(owner: MemoOwner, create = false): NoteKey {
    if (owner.kind === 'project') return { kind: 'project', id: this.projectId(create) };
    const table = owner.kind === 'document' ? 'documents' : 'tags';
    const live = this.project.database.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(owner.id);
    if (!live) {
      throw new AppError('not-found', owner.kind === 'document' ? 'That document does not exist (it may have been deleted).' : 'That tag does not exist (it may have been deleted).');
    }
    return { kind: owner.kind, id: owner.id };
  }

  get(owner: MemoOwner): Memo {
    const row = this.project.notes.row(this.key(owner));
    return {
      owner,
      json: row?.json ?? null,
      text: row?.text ?? '',
      author: row?.author ?? '',
      createdAt: row?.created_at ?? null,
      modifiedAt: row?.modified_at ?? null,
    };
  }

  /** Saves a memo as the user types; the save that clears a written memo is one undo step. */
  save(owner: MemoOwner, json: string, author: string): Memo {
    const p = this.project;
    const write = (now: string) => {
      p.notes.store(this.key(owner, true), json, author, now);
    };
    const existing = owner.kind === 'project' && !p.meta.get(PROJECT_ID_KEY) ? null : this.key(owner);
    if (existing && p.notes.wouldClear(existing, json)) p.undoable(this.clearLabel(owner), write);
    else p.write(write);
    return this.get(owner);
  }

  /** The written memos of live owners: the project's first, then documents' by title, then tags' by name. */
  list(): MemoSummary[] {
    const rows = this.project.database
      .prepare(
        `SELECT n.owner_kind AS kind, n.owner_id AS id, n.text, n.author, n.modified_at AS modifiedAt,
           COALESCE(d.title, t.name, '') AS ownerName
         FROM notes n
         LEFT JOIN documents d ON n.owner_kind = 'document' AND d.id = n.owner_id AND d.deleted_at IS NULL
         LEFT JOIN tags t ON n.owner_kind = 'tag' AND t.id = n.owner_id AND t.deleted_at IS NULL
         WHERE n.text <> '' AND (
           (n.owner_kind = 'project' AND n.owner_id = ?) OR d.id IS NOT NULL OR t.id IS NOT NULL)
         ORDER BY CASE n.owner_kind WHEN 'project' THEN 0 WHEN 'document' THEN 1 ELSE 2 END, lower(ownerName)`,
      )
      .all(this.project.meta.get(PROJECT_ID_KEY) ?? '') as { kind: MemoOwner['kind']; id: string; text: string; author: string; modifiedAt: string; ownerName: string }[];
    return rows.map((r) => ({
      owner: r.kind === 'project' ? { kind: 'project' } : { kind: r.kind, id: r.id },
      ownerName: r.ownerName,
      text: r.text,
      author: r.author,
      modifiedAt: r.modifiedAt,
    }));
  }

  /** Every written memo of a live owner with its rich text, in list order (for the dossier). */
  written(): { summary: MemoSummary; ref: string; json: string }[] {
    return this.list().map((summary) => ({ summary, ref: ownerKey(summary.owner), json: this.get(summary.owner).json ?? '' }));
  }

  /** The hits of a search in the memos of live owners, in the order of the Memos list. */
  search(q: string, limit = MEMO_HIT_LIMIT): MemoHit[] {
    const names = new Map(this.list().map((m) => [ownerKey(m.owner), m.ownerName]));
    const projectId = this.project.meta.get(PROJECT_ID_KEY) ?? '';
    const hits: MemoHit[] = [];
    for (const h of this.project.search.ownedHits(q, ['project', 'document', 'tag'], limit)) {
      const owner: MemoOwner = h.ownerKind === 'project' ? { kind: 'project' } : { kind: h.ownerKind as 'document' | 'tag', id: h.ownerId };
      const name = names.get(ownerKey(owner));
      if (name === undefined || (owner.kind === 'project' && h.ownerId !== projectId)) continue;
      hits.push({ owner, ownerName: name, start: h.start, end: h.end, before: h.before, match: h.match, after: h.after });
    }
    const rank = [...names.keys()];
    return hits.sort((a, b) => rank.indexOf(ownerKey(a.owner)) - rank.indexOf(ownerKey(b.owner)) || a.start - b.start);
  }

  private clearLabel(owner: MemoOwner): StepLabel {
    if (owner.kind === 'project') return { kind: 'memo.clear', params: { owner: 'project', name: '' } };
    const name = owner.kind === 'document' ? this.project.documents.get(owner.id).title : this.project.tags.get(owner.id).name;
    return { kind: 'memo.clear', params: { owner: owner.kind, name: shortQuote(name) } };
  }

  /** Projects made before project ids existed get one the first time their memo is written. */
  private projectId(create: boolean): string {
    const id = this.project.meta.get(PROJECT_ID_KEY);
    if (id) return id;
    if (!create) return '';
    const made = randomUUID();
    this.project.meta.set(PROJECT_ID_KEY, made);
    return made;
  }
}
