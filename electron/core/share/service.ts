/**
 * The sharing operations behind the API: import (preview or apply), anchor health, and the Orphans
 * list with re-attaching. Conflicts are reviewed in conflicts.ts, files written by export.ts.
 */
import type { Annotation } from '../../../shared/contract';
import type { AnchorHealth, Orphan, SharePreview } from '../../../shared/share';
import { quoteOf, trimRange } from '../../../shared/text';
import { AppError } from '../errors';
import type { Project } from '../store/project';
import { Merge } from './merge';
import type { ClaimAnchorer } from './anchoring';
import type { SharedFile } from './model';
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
  return mergeShared(project, readSharedFile(bytes, name), name, dryRun);
}

/**
 * Merges a file already read; `anchorer` carries the placements a job searched ahead (jobs.ts), so
 * the transaction only looks them up.
 */
export function mergeShared(project: Project, file: SharedFile, name: string, dryRun: boolean, anchorer?: ClaimAnchorer): SharePreview {
  // The merge adds to the file's list of skipped items; a preview followed by Import must not see them twice.
  const skipped = file.skipped.length;
  try {
    return project.write((now) => {
      file.skipped.length = skipped;
      const merge = new Merge(project, file, name, now);
      if (anchorer) merge.anchorer = anchorer;
      merge.run();
      merge.tally.anchorLimited = merge.anchorer.budget.cutShort;
      const result = merge.tally.preview(name, file.kind, file.skipped, merge.changed, !dryRun);
      if (dryRun) throw new Preview(result);
      return result;
    });
  } catch (err) {
    if (err instanceof Preview) return err.result;
    throw err;
  }
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
  candidate_hash: string | null;
  candidate_start: number | null;
  candidate_end: number | null;
  confidence: number | null;
}

function orphanRow(project: Project, id: string): OrphanRow {
  const row = project.database
    .prepare('SELECT * FROM orphans WHERE id = ? AND deleted_at IS NULL AND reattached_at IS NULL')
    .get(id) as OrphanRow | undefined;
  if (!row) throw new AppError('not-found', 'That orphaned claim is no longer in the list (it may have been re-attached or deleted).');
  return row;
}

/** How much text around a candidate is shown with it. */
const CANDIDATE_CONTEXT = 80;

/** An orphan's candidate, while the document it was found in is still here and the range still fits its text. */
function candidateOf(project: Project, r: OrphanRow): Orphan['candidate'] {
  if (r.candidate_hash === null || r.candidate_start === null || r.candidate_end === null || r.confidence === null) return null;
  const doc = project.documents.list().find((d) => d.hash === r.candidate_hash);
  if (!doc) return null;
  const text = project.documents.text(doc.id);
  if (r.candidate_end > text.length) return null;
  return {
    documentId: doc.id,
    title: doc.title,
    start: r.candidate_start,
    end: r.candidate_end,
    text: text.slice(r.candidate_start, r.candidate_end),
    before: text.slice(Math.max(0, r.candidate_start - CANDIDATE_CONTEXT), r.candidate_start),
    after: text.slice(r.candidate_end, r.candidate_end + CANDIDATE_CONTEXT),
    confidence: r.confidence,
  };
}

export function orphans(project: Project): Orphan[] {
  const rows = project.database
    .prepare('SELECT * FROM orphans WHERE deleted_at IS NULL AND reattached_at IS NULL ORDER BY created_at, id')
    .all() as OrphanRow[];
  return rows.map((r) => ({
    candidate: candidateOf(project, r),
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
    // By the claims' index, not the relation's (which would visit every link of the relation).
    const find = db.prepare('SELECT 1 FROM links WHERE from_id = ? AND to_id = ? AND +relation_id = ? AND deleted_at IS NULL');
    const twin = find.get(l.from_id, l.to_id, l.relation_id) ?? (symmetric ? find.get(l.to_id, l.from_id, l.relation_id) : undefined);
    if (!twin && !db.prepare('SELECT 1 FROM links WHERE id = ?').get(l.id)) {
      db.prepare('INSERT INTO links (id, from_id, to_id, relation_id, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        l.id, l.from_id, l.to_id, l.relation_id, l.author, l.created_at, l.modified_at,
      );
      if (l.note_json) project.notes.save({ kind: 'link', id: l.id }, l.note_json, l.author, l.modified_at);
    }
    db.prepare('DELETE FROM pending_links WHERE id = ?').run(l.id);
  }
}

/** Places a claim set aside for review where the import's best match was; its score is kept with it. */
export function acceptCandidate(project: Project, id: string): Annotation {
  const row = orphanRow(project, id);
  const candidate = candidateOf(project, row);
  if (!candidate) throw new AppError('not-found', 'That claim has no candidate left to accept (its document may have been deleted): select its text to re-attach it.');
  return project.write((now) => {
    const claim = reattach(project, { id, documentId: candidate.documentId, start: candidate.start, end: candidate.end });
    project.database
      .prepare('INSERT OR REPLACE INTO anchor_scores (annotation_id, confidence, source_file, anchored_at) VALUES (?, ?, ?, ?)')
      .run(id, candidate.confidence, row.source_file, now);
    return claim;
  });
}

/** Drops an orphan's candidate: the claim stays in the list, to re-attach by hand or delete. */
export function rejectCandidate(project: Project, id: string): void {
  project.write(() => {
    orphanRow(project, id);
    project.database.prepare('UPDATE orphans SET candidate_hash = NULL, candidate_start = NULL, candidate_end = NULL, confidence = NULL WHERE id = ?').run(id);
  });
}

export function deleteOrphan(project: Project, id: string): void {
  project.write((now) => {
    orphanRow(project, id);
    project.database.prepare('UPDATE orphans SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
  });
}
