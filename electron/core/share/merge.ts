/**
 * Merges a read annotation file into a project, by stable id:
 * - an item only in the file is added (claims anchored first, see anchorClaim);
 * - an item changed on one side only takes that side (the merge base, table share_bases, tells
 *   which side changed since the two projects last exchanged it);
 * - an item changed on both sides keeps the newer version and records the other in
 *   merge_conflicts for the user to review; tombstones are versions like any other;
 * - tags with the same name (any case) are the same tag.
 * Everything runs in the caller's transaction; the preview is this same merge, rolled back.
 */
import { randomUUID } from 'node:crypto';
import { anchorAcross, anchorQuote, type QuoteSelector } from '../../../shared/anchor';
import { richTextFromLexical, richTextToHtml } from '../../../shared/richtext';
import { quoteOf } from '../../../shared/text';
import { AppError } from '../errors';
import { contentHash } from '../store/documents';
import type { Db } from '../store/db';
import type { Project } from '../store/project';
import { Bases, decide, type Decision, type ItemKind } from './bases';
import { readSummary, SUMMARY_META_KEY } from './export';
import { SHARE_LIMITS } from './limits';
import type { SharedClaim, SharedFile, SharedLink, SharedNote, SharedTagRef } from './model';
import { type Outcome, Tally } from './stats';

const TAG_PALETTE = ['#3b7dd8', '#9b59b6', '#e67e22', '#16a2b8', '#c2185b', '#7f8c2d', '#5d6d7e'];

interface ClaimRow {
  id: string;
  document_id: string;
  author: string;
  modified_at: string;
  deleted_at: string | null;
  doc_deleted: string | null;
  title: string;
}

interface OrphanRow {
  id: string;
  tags: string;
  note_text: string;
  modified_at: string;
  deleted_at: string | null;
  author: string;
}

interface LinkRow {
  id: string;
  from_id: string;
  to_id: string;
  relation_id: string;
  modified_at: string;
  deleted_at: string | null;
}

const lower = (s: string) => s.toLocaleLowerCase();
/** Notes are compared as the HTML the file format carries, so the same note read back compares equal. */
const noteHtml = (json: string) => richTextToHtml(richTextFromLexical(json));

export class Merge {
  readonly tally = new Tally();
  /** Whether anything but the merge bases was written. */
  changed = false;
  private readonly db: Db;
  private readonly bases: Bases;
  private readonly tagIds = new Map<string, string>();
  private readonly relationIds = new Map<string, string>();
  private texts = new Map<string, string>();

  constructor(
    private readonly project: Project,
    private readonly file: SharedFile,
    private readonly fileName: string,
    private readonly now: string,
  ) {
    this.db = project.database;
    this.bases = new Bases(this.db);
  }

  run(): void {
    this.mergeRelations();
    this.mergeTags();
    this.mergeDocuments();
    for (const c of this.file.claims) this.mergeClaim(c);
    for (const l of this.file.links) this.mergeLink(l);
    this.mergeSummary();
    // Undo steps recorded before the merge may refer to rows it rewrote; replaying them could undo a
    // colleague's change unseen. The import itself is one transaction, so a history that is kept
    // consistent means forgetting the older steps (the Orphans and Conflicts lists keep what a merge set aside).
    if (this.changed) this.project.history.clear();
  }

  // ---- conflicts ----

  private conflict(kind: ItemKind, id: string, losingSide: 'mine' | 'theirs', losing: unknown): void {
    this.db
      .prepare(`INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(kind, id, losingSide, JSON.stringify(losing), this.fileName, this.now);
    this.changed = true;
  }

  // ---- relations ----

  private mergeRelations(): void {
    const live = this.project.relations.list();
    for (const r of this.file.relations) {
      const local = live.find((l) => l.id === r.id) ?? live.find((l) => r.builtin !== null && l.builtin === r.builtin) ?? live.find((l) => lower(l.name) === lower(r.name));
      if (!local) {
        const taken = this.db.prepare('SELECT 1 FROM relation_types WHERE id = ?').get(r.id);
        const id = taken ? randomUUID() : r.id;
        const pos = this.db.prepare('SELECT coalesce(max(position), -1) + 1 FROM relation_types WHERE deleted_at IS NULL').pluck().get() as number;
        this.db
          .prepare(
            `INSERT INTO relation_types (id, name, inverse_name, symmetric, builtin, position, created_at, modified_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)`,
          )
          .run(id, r.name, r.symmetric ? r.name : r.inverseName, r.symmetric ? 1 : 0, pos, r.modified, r.modified);
        this.changed = true;
        this.relationIds.set(r.id, id);
        this.bases.set('relation', id, r.modified);
        continue;
      }
      this.relationIds.set(r.id, local.id);
      const same = local.name === r.name && local.inverseName === r.inverseName;
      const d = decide(this.bases.get('relation', local.id), local.modifiedAt, r.modified, same);
      if (d === 'conflict-keep') this.conflict('relation', local.id, 'theirs', { name: r.name, inverseName: r.inverseName, modified: r.modified });
      if (d === 'take' || d === 'conflict-take') {
        const clash = live.some((l) => l.id !== local.id && lower(l.name) === lower(r.name));
        if (!clash) {
          if (d === 'conflict-take') this.conflict('relation', local.id, 'mine', { name: local.name, inverseName: local.inverseName, modified: local.modifiedAt });
          this.db
            .prepare('UPDATE relation_types SET name = ?, inverse_name = ?, modified_at = ? WHERE id = ?')
            .run(r.name, local.symmetric ? r.name : r.inverseName, r.modified, local.id);
          this.changed = true;
        }
      }
      this.bases.set('relation', local.id, r.modified);
    }
  }

  private relationFor(ref: SharedLink['relation']): string {
    if (ref.id) {
      const mapped = this.relationIds.get(ref.id);
      if (mapped) return mapped;
      const live = this.db.prepare('SELECT id FROM relation_types WHERE id = ? AND deleted_at IS NULL').pluck().get(ref.id) as string | undefined;
      if (live) return live;
    }
    const byName = this.project.relations.list().find((r) => lower(r.name) === lower(ref.name) || lower(r.inverseName) === lower(ref.name));
    if (byName) return byName.id;
    const created = this.project.relations.create({ name: ref.name, symmetric: false }, this.now);
    this.changed = true;
    return created.id;
  }

  // ---- tags ----

  private liveTags(): { id: string; name: string; color: string; modified_at: string }[] {
    return this.db.prepare('SELECT id, name, color, modified_at FROM tags WHERE deleted_at IS NULL').all() as {
      id: string;
      name: string;
      color: string;
      modified_at: string;
    }[];
  }

  private mergeTags(): void {
    for (const t of this.file.tags) {
      const byId = this.db.prepare('SELECT id, name, color, modified_at, deleted_at FROM tags WHERE id = ?').get(t.id) as
        | { id: string; name: string; color: string; modified_at: string; deleted_at: string | null }
        | undefined;
      const local = byId ?? this.liveTags().find((l) => lower(l.name) === lower(t.name));
      if (!local) {
        if (!t.deleted) this.tagIds.set(t.id, this.createTag(t.name, t.color, t.id, t.modified));
        continue;
      }
      this.tagIds.set(t.id, local.id);
      const localDeleted = 'deleted_at' in local ? local.deleted_at : null;
      const same = local.name === t.name && local.color === t.color && !localDeleted === !t.deleted;
      const d = decide(this.bases.get('tag', local.id), local.modified_at, t.modified, same);
      const mine = { name: local.name, color: local.color, deleted: localDeleted, modified: local.modified_at };
      if (d === 'conflict-keep') this.conflict('tag', local.id, 'theirs', { name: t.name, color: t.color, deleted: t.deleted, modified: t.modified });
      if (d === 'take' || d === 'conflict-take') {
        const clash = this.liveTags().some((l) => l.id !== local.id && lower(l.name) === lower(t.name));
        if (!clash || t.deleted) {
          if (d === 'conflict-take') this.conflict('tag', local.id, 'mine', mine);
          this.db
            .prepare('UPDATE tags SET name = ?, color = ?, deleted_at = ?, modified_at = ? WHERE id = ?')
            .run(clash ? local.name : t.name, t.color, t.deleted, t.modified, local.id);
          this.changed = true;
        }
      }
      this.bases.set('tag', local.id, t.modified);
    }
  }

  private createTag(name: string, color: string | null, wantedId: string | null, modified: string): string {
    const free = wantedId && !this.db.prepare('SELECT 1 FROM tags WHERE id = ?').get(wantedId);
    const id = free ? wantedId : randomUUID();
    const { n, maxPos } = this.db
      .prepare('SELECT count(*) AS n, coalesce(max(position), -1) AS maxPos FROM tags WHERE deleted_at IS NULL')
      .get() as { n: number; maxPos: number };
    this.db
      .prepare('INSERT INTO tags (id, name, color, position, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, name, color ?? TAG_PALETTE[n % TAG_PALETTE.length]!, maxPos + 1, modified, modified);
    this.tally.tagsCreated++;
    this.changed = true;
    return id;
  }

  /** The local tag for a reference, or null when the project has none (yet). */
  private findTag(ref: SharedTagRef): string | null {
    if (ref.id) {
      const mapped = this.tagIds.get(ref.id) ?? ref.id;
      if (this.db.prepare('SELECT 1 FROM tags WHERE id = ? AND deleted_at IS NULL').get(mapped)) return mapped;
    }
    return this.liveTags().find((t) => lower(t.name) === lower(ref.name))?.id ?? null;
  }

  private tagFor(ref: SharedTagRef): string {
    return this.findTag(ref) ?? this.createTag(ref.name, null, ref.id, this.now);
  }

  // ---- documents ----

  private mergeDocuments(): void {
    for (const [i, d] of this.file.documents.entries()) {
      const local = this.project.documents.findByHash(d.hash);
      if (local) {
        const same = local.title === d.title && local.outlet === d.outlet && local.author === d.author && local.date === d.date && local.language === d.language;
        const dec = decide(this.bases.get('document', d.hash), local.modifiedAt, d.modified, same);
        const theirs = { title: d.title, outlet: d.outlet, author: d.author, date: d.date, language: d.language, modified: d.modified };
        if (dec === 'conflict-keep') this.conflict('document', d.hash, 'theirs', theirs);
        if (dec === 'take' || dec === 'conflict-take') {
          if (dec === 'conflict-take') {
            this.conflict('document', d.hash, 'mine', { title: local.title, outlet: local.outlet, author: local.author, date: local.date, language: local.language, modified: local.modifiedAt });
          }
          this.db
            .prepare('UPDATE documents SET title = ?, outlet = ?, author = ?, date = ?, language = ?, modified_at = ? WHERE id = ?')
            .run(d.title, d.outlet, d.author, d.date, d.language, d.modified, local.id);
          this.changed = true;
        }
        this.bases.set('document', d.hash, d.modified);
        continue;
      }
      if (d.text === null) continue;
      if (contentHash(d.text) !== d.hash) {
        throw new AppError('bad-input', `${this.fileName} is not a usable annotation file: cr:project.documents[${i}].text: the embedded text does not match its content hash.`);
      }
      if (d.text.length > SHARE_LIMITS.maxText) throw new AppError('bad-input', `${this.fileName}: cr:project.documents[${i}].text is too long.`);
      const created = this.project.documents.insert(
        { text: d.text, title: d.title || d.sourceName || 'Untitled', outlet: d.outlet, author: d.author, date: d.date, language: d.language, format: d.format, encoding: 'utf-8' },
        d.sourceName.split(/[\\/]/).pop() ?? '',
        this.now,
      );
      this.tally.documentsCreated++;
      this.changed = true;
      this.bases.set('document', d.hash, created.modifiedAt);
    }
  }

  private text(documentId: string): string {
    let t = this.texts.get(documentId);
    if (t === undefined) this.texts.set(documentId, (t = this.project.documents.text(documentId)));
    return t;
  }

  /** Finds where a claim belongs: by hash and offsets, by quote in that document, or by quote anywhere. */
  private anchorClaim(c: SharedClaim): { documentId: string; start: number; end: number; errors: number } | null {
    const q: QuoteSelector = { exact: c.exact.replace(/\r\n?/g, '\n'), prefix: c.prefix.replace(/\r\n?/g, '\n'), suffix: c.suffix.replace(/\r\n?/g, '\n') };
    const hint = c.start !== null && c.end !== null ? { start: c.start, end: c.end } : null;
    const byHash = c.hash ? this.project.documents.findByHash(c.hash) : undefined;
    if (byHash) {
      const m = anchorQuote(this.text(byHash.id), q, hint);
      if (m) return { documentId: byHash.id, start: m.start, end: m.end, errors: m.errors };
    }
    const texts = this.project.documents.list().map((d) => ({ key: d.id, text: this.text(d.id) }));
    const found = anchorAcross(texts, q);
    return found ? { documentId: found.key, start: found.match.start, end: found.match.end, errors: found.match.errors } : null;
  }

  private documentLabel(c: SharedClaim): string {
    const doc = c.hash ? this.file.documents.find((d) => d.hash === c.hash) : undefined;
    return doc?.title || c.source || '—';
  }

  // ---- claims ----

  private mergeClaim(c: SharedClaim): void {
    const local = this.db
      .prepare(
        `SELECT a.id, a.document_id, a.author, a.modified_at, a.deleted_at, d.deleted_at AS doc_deleted, d.title
         FROM annotations a JOIN documents d ON d.id = a.document_id WHERE a.id = ?`,
      )
      .get(c.id) as ClaimRow | undefined;
    if (local) this.mergeExistingClaim(local, c);
    else {
      const orphan = this.db.prepare('SELECT id, tags, note_text, modified_at, deleted_at, author FROM orphans WHERE id = ?').get(c.id) as OrphanRow | undefined;
      if (orphan) this.mergeOrphan(orphan, c);
      else this.addClaim(c);
    }
    this.bases.set('annotation', c.id, c.modified);
  }

  private claimTags(id: string): string[] {
    return (
      this.db
        .prepare('SELECT at.tag_id FROM annotation_tags at JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL WHERE at.annotation_id = ?')
        .pluck()
        .all(id) as string[]
    ).sort();
  }

  private tagNames(ids: readonly string[]): string[] {
    return ids.map((id) => this.db.prepare('SELECT name FROM tags WHERE id = ?').pluck().get(id) as string);
  }

  private mergeExistingClaim(local: ClaimRow, c: SharedClaim): void {
    const mineTags = this.claimTags(local.id);
    const theirs = c.tags.map((t) => this.findTag(t) ?? `new:${lower(t.name)}`);
    const theirsTags = [...new Set(theirs)].sort();
    const localDeleted = local.deleted_at !== null || local.doc_deleted !== null;
    const same = localDeleted === (c.deleted !== null) && (localDeleted || mineTags.join() === theirsTags.join());
    const d = decide(this.bases.get('annotation', local.id), local.modified_at, c.modified, same);
    let outcome: Outcome = 'unchanged';
    if (d === 'conflict-keep') {
      this.conflict('annotation', local.id, 'theirs', { tags: c.tags.map((t) => t.name), deleted: c.deleted, modified: c.modified, author: c.author });
      outcome = 'conflicts';
    } else if (d === 'take' || d === 'conflict-take') {
      if (d === 'conflict-take') {
        this.conflict('annotation', local.id, 'mine', { tags: this.tagNames(mineTags), deleted: local.deleted_at, modified: local.modified_at, author: local.author });
      }
      outcome = this.applyClaim(local, c) ?? outcome;
      if (d === 'conflict-take') outcome = 'conflicts';
    }
    if (c.note && !c.deleted && local.deleted_at === null && local.doc_deleted === null) {
      const noteOutcome = this.mergeNote('annotation', local.id, c.note);
      if (outcome === 'unchanged') outcome = noteOutcome;
    }
    this.tally.claim(outcome, local.title, c.author);
  }

  /** Makes the local claim the file's version; returns what that amounted to. */
  private applyClaim(local: ClaimRow, c: SharedClaim): Outcome | null {
    if (local.doc_deleted !== null) return null; // a claim cannot come back without its document
    if (c.deleted) {
      if (local.deleted_at === null) {
        this.db.prepare('UPDATE annotations SET deleted_at = ?, modified_at = ? WHERE id = ?').run(c.deleted, c.modified, local.id);
        this.project.links.deleteTouching([local.id], c.modified);
        this.changed = true;
        return 'deleted';
      }
      return null;
    }
    const wanted = new Set(c.tags.map((t) => this.tagFor(t)));
    this.db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?').run(local.id);
    const insert = this.db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    for (const t of wanted) insert.run(local.id, t);
    this.db.prepare('UPDATE annotations SET deleted_at = NULL, modified_at = ? WHERE id = ?').run(c.modified, local.id);
    this.changed = true;
    return 'updated';
  }

  private mergeNote(kind: 'annotation' | 'link', ownerId: string, note: SharedNote): Outcome {
    const local = this.db.prepare('SELECT json, text, author, modified_at FROM notes WHERE owner_kind = ? AND owner_id = ?').get(kind, ownerId) as
      | { json: string; text: string; author: string; modified_at: string }
      | undefined;
    const key = `${kind}:${ownerId}`;
    let outcome: Outcome = 'unchanged';
    const same = local !== undefined && noteHtml(local.json) === noteHtml(note.json);
    const d: Decision = local ? decide(this.bases.get('note', key), local.modified_at, note.modified, same) : 'take';
    if (d === 'conflict-keep') {
      this.conflict('note', key, 'theirs', { json: note.json, text: note.text, author: note.author, modified: note.modified });
      outcome = 'conflicts';
    } else if (d === 'take' || d === 'conflict-take') {
      if (d === 'conflict-take' && local) this.conflict('note', key, 'mine', { json: local.json, text: local.text, author: local.author, modified: local.modified_at });
      // The note keeps the file's modified time, so the next import of the same file compares equal.
      this.project.notes.save({ kind, id: ownerId }, note.json, note.author, note.modified);
      this.changed = true;
      outcome = d === 'conflict-take' ? 'conflicts' : 'updated';
    }
    this.bases.set('note', key, note.modified);
    return outcome;
  }

  private addClaim(c: SharedClaim): void {
    if (c.deleted) return; // the tombstone of a claim this project never had: nothing to do
    const found = this.anchorClaim(c);
    if (!found) {
      this.db
        .prepare(
          `INSERT INTO orphans (id, source, document_hash, exact, prefix, suffix, start, end, tags, note_json, note_text, author, created_at, modified_at, source_file)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(c.id, c.source, c.hash, c.exact, c.prefix, c.suffix, c.start, c.end, JSON.stringify(c.tags.map((t) => t.name)), c.note?.json ?? null, c.note?.text ?? '', c.author, c.created, c.modified, this.fileName);
      this.changed = true;
      this.tally.claim('orphans', this.documentLabel(c), c.author);
      return;
    }
    const text = this.text(found.documentId);
    const q = quoteOf(text, found.start, found.end);
    this.db
      .prepare(
        `INSERT INTO annotations (id, document_id, start, end, exact, prefix, suffix, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.id, found.documentId, found.start, found.end, q.exact, q.prefix, q.suffix, c.author, c.created, c.modified);
    const insert = this.db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    for (const t of c.tags) insert.run(c.id, this.tagFor(t));
    const fuzzy = found.errors > 0;
    if (fuzzy) {
      this.db
        .prepare(`INSERT INTO annotation_anchors (annotation_id, state, errors, original_exact, source_file, anchored_at) VALUES (?, 'fuzzy', ?, ?, ?, ?)`)
        .run(c.id, found.errors, c.exact, this.fileName, this.now);
    }
    if (c.note) this.mergeNote('annotation', c.id, c.note);
    this.changed = true;
    this.tally.claim('new', this.project.documents.get(found.documentId).title, c.author, fuzzy);
  }

  private mergeOrphan(o: OrphanRow, c: SharedClaim): void {
    const names = (JSON.parse(o.tags) as string[]).map(lower).sort();
    const same = !o.deleted_at === !c.deleted && (o.deleted_at !== null || (names.join() === c.tags.map((t) => lower(t.name)).sort().join() && o.note_text === (c.note?.text ?? '')));
    const d = decide(this.bases.get('annotation', o.id), o.modified_at, c.modified, same);
    let outcome: Outcome = o.deleted_at ? 'unchanged' : 'orphans';
    if (d === 'conflict-keep') {
      this.conflict('annotation', o.id, 'theirs', { tags: c.tags.map((t) => t.name), deleted: c.deleted, modified: c.modified, author: c.author });
      outcome = 'conflicts';
    } else if (d === 'take' || d === 'conflict-take') {
      this.db
        .prepare('UPDATE orphans SET tags = ?, note_json = ?, note_text = ?, deleted_at = ?, modified_at = ? WHERE id = ?')
        .run(JSON.stringify(c.tags.map((t) => t.name)), c.note?.json ?? null, c.note?.text ?? '', c.deleted, c.modified, o.id);
      this.changed = true;
      outcome = c.deleted ? 'deleted' : 'updated';
    }
    this.tally.claim(outcome, this.documentLabel(c), c.author);
  }

  // ---- links ----

  private mergeLink(l: SharedLink): void {
    const local = this.db.prepare('SELECT id, from_id, to_id, relation_id, modified_at, deleted_at FROM links WHERE id = ?').get(l.id) as LinkRow | undefined;
    this.bases.set('link', l.id, l.modified);
    if (!local) {
      if (l.deleted) return;
      const live = this.db.prepare('SELECT 1 FROM annotations a JOIN documents d ON d.id = a.document_id AND d.deleted_at IS NULL WHERE a.id = ? AND a.deleted_at IS NULL');
      const orphan = this.db.prepare('SELECT 1 FROM orphans WHERE id = ? AND deleted_at IS NULL AND reattached_at IS NULL');
      const ends = [l.fromId, l.toId].map((id) => (live.get(id) ? 'live' : orphan.get(id) ? 'orphan' : 'missing'));
      if (ends.includes('missing')) {
        this.file.skipped.push({ path: l.path, reason: 'a link whose claims are not both in this project (one may have been deleted)' });
        return;
      }
      if (ends.includes('orphan')) {
        this.addPendingLink(l);
        return;
      }
      const relationId = this.relationFor(l.relation);
      const symmetric = this.project.relations.get(relationId).symmetric;
      const twin = this.db
        .prepare(
          `SELECT 1 FROM links WHERE deleted_at IS NULL AND relation_id = ? AND ((from_id = ? AND to_id = ?) OR (? = 1 AND from_id = ? AND to_id = ?))`,
        )
        .get(relationId, l.fromId, l.toId, symmetric ? 1 : 0, l.toId, l.fromId);
      if (twin) {
        this.tally.link('unchanged');
        return;
      }
      this.db
        .prepare(`INSERT INTO links (id, from_id, to_id, relation_id, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(l.id, l.fromId, l.toId, relationId, l.author, l.created, l.modified);
      if (l.note) this.mergeNote('link', l.id, l.note);
      this.changed = true;
      this.tally.link('new');
      return;
    }
    const relationId = l.deleted ? local.relation_id : this.relationFor(l.relation);
    const same = !local.deleted_at === !l.deleted && (local.deleted_at !== null || local.relation_id === relationId);
    const d = decide(this.bases.get('link', l.id), local.modified_at, l.modified, same);
    const relName = (id: string) => this.db.prepare('SELECT name FROM relation_types WHERE id = ?').pluck().get(id) as string;
    let outcome: Outcome = 'unchanged';
    if (d === 'conflict-keep') {
      this.conflict('link', l.id, 'theirs', { relation: l.relation.name, deleted: l.deleted, modified: l.modified });
      outcome = 'conflicts';
    } else if (d === 'take' || d === 'conflict-take') {
      if (d === 'conflict-take') this.conflict('link', l.id, 'mine', { relation: relName(local.relation_id), deleted: local.deleted_at, modified: local.modified_at });
      const endsLive = this.db
        .prepare('SELECT count(*) FROM annotations WHERE id IN (?, ?) AND deleted_at IS NULL')
        .pluck()
        .get(local.from_id, local.to_id) as number;
      if (l.deleted || endsLive === 2) {
        this.db.prepare('UPDATE links SET relation_id = ?, deleted_at = ?, modified_at = ? WHERE id = ?').run(relationId, l.deleted, l.modified, l.id);
        this.changed = true;
        outcome = d === 'conflict-take' ? 'conflicts' : l.deleted && !local.deleted_at ? 'deleted' : 'updated';
      }
    }
    if (l.note && !l.deleted && !local.deleted_at) {
      const n = this.mergeNote('link', l.id, l.note);
      if (outcome === 'unchanged') outcome = n;
    }
    this.tally.link(outcome);
  }

  /** Keeps a link to an orphaned claim until the orphan is re-attached (service.ts, reattach). */
  private addPendingLink(l: SharedLink): void {
    const existing = this.db.prepare('SELECT modified_at FROM pending_links WHERE id = ?').pluck().get(l.id) as string | undefined;
    if (existing !== undefined && existing >= l.modified) {
      this.tally.link('unchanged');
      return;
    }
    this.db
      .prepare(
        `INSERT INTO pending_links (id, from_id, to_id, relation_id, note_json, author, created_at, modified_at, source_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET relation_id = excluded.relation_id, note_json = excluded.note_json, modified_at = excluded.modified_at`,
      )
      .run(l.id, l.fromId, l.toId, this.relationFor(l.relation), l.note?.json ?? null, l.author, l.created, l.modified, this.fileName);
    this.changed = true;
    this.tally.link(existing === undefined ? 'orphans' : 'updated');
  }

  // ---- the dossier summary ----

  private mergeSummary(): void {
    const s = this.file.summary;
    if (!s) return;
    const local = readSummary(this.project);
    const d = local ? decide(this.bases.get('summary', SUMMARY_META_KEY), local.modifiedAt, s.modifiedAt, local.json === s.json) : 'take';
    if (d === 'conflict-keep') this.conflict('summary', SUMMARY_META_KEY, 'theirs', s);
    if (d === 'take' || d === 'conflict-take') {
      if (d === 'conflict-take' && local) this.conflict('summary', SUMMARY_META_KEY, 'mine', local);
      this.project.meta.set(SUMMARY_META_KEY, JSON.stringify({ json: s.json, text: s.text, author: s.author, modifiedAt: s.modifiedAt }));
      this.changed = true;
    }
    this.bases.set('summary', SUMMARY_META_KEY, s.modifiedAt);
  }
}
