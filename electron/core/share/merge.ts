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
import type { DocumentMeta } from '../../../shared/contract';
import { richTextFromLexical, richTextToHtml } from '../../../shared/richtext';
import { quoteOf } from '../../../shared/text';
import { REVIEW_BELOW } from '../../../shared/anchor';
import { type AnchorText, ClaimAnchorer, REFUSED_SHORT_QUOTE, tooManyOrphans } from './anchoring';
import { SHARE_LIMITS } from './limits';
import { decide, type Decision } from './bases';
import { lower, MergeVocabulary } from './merge-vocabulary';
import type { NoteKey } from '../store/notes';
import { localMemoKey } from './memos';
import type { SharedClaim, SharedDocument, SharedLink, SharedNote } from './model';
import type { Outcome } from './stats';
import { mergeAttributes } from '../attributes/share';
import { mergeHypotheses } from './hypotheses';
import { mergeClusterTitles } from './clusters';

interface ClaimRow {
  id: string;
  /** 1 when the file's quote is the stored one, or the one a colleague's file gave when the claim was found by approximate matching. */
  same_text: 0 | 1;
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

/** Notes are compared as the HTML the file format carries, so the same note read back compares equal. */
const noteHtml = (json: string) => richTextToHtml(richTextFromLexical(json));

export class Merge extends MergeVocabulary {
  private fileDocs: Map<string, SharedDocument> | null = null;
  /** Whether each relation met so far is symmetric (relations do not change while links merge). */
  private readonly symmetric = new Map<string, boolean>();
  private docs: { byHash: Map<string, DocumentMeta>; byId: Map<string, DocumentMeta>; list: DocumentMeta[] } | null = null;
  private anchorSet: { texts: AnchorText[]; byHash: Map<string, string> } | null = null;
  private docStates: Map<string, { title: string; deletedAt: string | null }> | null = null;
  /**
   * A text edited together reads the same here and in the file, but this side's version is the
   * later one: the team must be sent it (two versions set at once leave one of them in the team's map).
   */
  laterHere = false;
  /** Anchors new claims within the file's allowance; a job may have searched ahead with it. */
  anchorer = new ClaimAnchorer(this.file);

  run(): void {
    this.mergeRelations();
    this.mergeTags();
    this.mergeDocuments();
    for (const c of this.file.claims) this.mergeClaim(c);
    for (const l of this.file.links) this.mergeLink(l);
    mergeAttributes({
      project: this.project,
      file: this.file,
      fileName: this.fileName,
      now: this.now,
      bases: this.bases,
      conflict: (kind, id, side, losing) => this.conflict(kind, id, side, losing),
      markChanged: () => {
        this.changed = true;
      },
    });
    mergeClusterTitles({
      project: this.project,
      file: this.file,
      bases: this.bases,
      conflict: (kind, id, side, losing) => this.conflict(kind, id, side, losing),
      markChanged: () => {
        this.changed = true;
      },
    });
    this.mergeSummary();
    for (const m of this.file.memos) {
      const key = localMemoKey(this.project, m);
      if (key) this.mergeNote(key.kind, key.id, m.note);
      else this.file.skipped.push({ path: m.path, reason: `a memo on a ${m.kind} this project does not have` });
    }
    mergeHypotheses({
      project: this.project,
      records: this.file.ach ?? [],
      bases: this.bases,
      conflict: (kind, id, side, losing) => this.conflict(kind, id, side, losing),
      markChanged: () => {
        this.changed = true;
      },
      skip: (path, reason) => this.file.skipped.push({ path, reason }),
    });
    // Undo steps recorded before the merge may refer to rows it rewrote; replaying them could undo a
    // colleague's change unseen. The import itself is one transaction, so a history that is kept
    // consistent means forgetting the older steps (the Orphans and Conflicts lists keep what a merge set aside).
    if (this.changed && !this.options.keepHistory) this.project.history.clear();
  }


  // ---- anchoring ----

  /**
   * The project's documents as the claims are merged (the documents were merged before and do not
   * change while claims are), read once instead of once or twice per claim.
   */
  private documents(): { byHash: Map<string, DocumentMeta>; byId: Map<string, DocumentMeta>; list: DocumentMeta[] } {
    if (!this.docs) {
      const list = this.project.documents.list();
      const byHash = new Map<string, DocumentMeta>();
      for (const d of list) if (!byHash.has(d.hash)) byHash.set(d.hash, d);
      this.docs = { list, byHash, byId: new Map(list.map((d) => [d.id, d])) };
    }
    return this.docs;
  }

  /** The texts a new claim may be anchored in, by content hash (after the file's documents were added). */
  private anchorTexts(): { texts: AnchorText[]; byHash: Map<string, string> } {
    if (!this.anchorSet) {
      const texts = this.documents().list.map((d) => ({ hash: d.hash, text: this.text(d.id) }));
      this.anchorSet = { texts, byHash: new Map(texts.map((t) => [t.hash, t.text])) };
    }
    return this.anchorSet;
  }

  private anchorClaim(c: SharedClaim): { documentId: string; hash: string; start: number; end: number; errors: number; score: number } | null {
    const { texts, byHash } = this.anchorTexts();
    const found = this.anchorer.place(c, texts, byHash);
    const doc = found ? this.documents().byHash.get(found.hash) : undefined;
    return found && doc ? { documentId: doc.id, hash: found.hash, start: found.start, end: found.end, errors: found.errors, score: found.score } : null;
  }

  /**
   * Title and deletion of each project document, read once per merge. A document row keeps its
   * text before these columns, so reading them per claim walked the text's overflow pages: a join
   * to documents in the per-claim queries was most of the time an import of unchanged claims took.
   */
  private documentState(id: string): { title: string; deletedAt: string | null } | undefined {
    if (!this.docStates) {
      const rows = this.sql('SELECT id, title, deleted_at FROM documents').all() as { id: string; title: string; deleted_at: string | null }[];
      this.docStates = new Map(rows.map((r) => [r.id, { title: r.title, deletedAt: r.deleted_at }]));
    }
    return this.docStates.get(id);
  }

  /** The file's document with this hash (a map: files may list thousands of documents). */
  private fileDocument(hash: string): SharedDocument | undefined {
    if (!this.fileDocs) {
      this.fileDocs = new Map();
      for (const d of this.file.documents) if (!this.fileDocs.has(d.hash)) this.fileDocs.set(d.hash, d);
    }
    return this.fileDocs.get(hash);
  }

  private documentLabel(c: SharedClaim): string {
    const doc = c.hash ? this.fileDocument(c.hash) : undefined;
    return doc?.title || c.source || '—';
  }

  // ---- claims ----

  private mergeClaim(c: SharedClaim): void {
    // Whether the quote is the same is asked of SQLite: reading every stored quote into JS to compare
    // it cost more than the rest of the look-up. The file's quote may be the stored one (line ends
    // as the project writes them) or the one a fuzzy re-anchoring recorded as the file's.
    const row = this.sql(
        `SELECT a.id, a.document_id, a.author, a.modified_at, a.deleted_at,
           CASE WHEN a.exact = @exact THEN 1
                ELSE EXISTS (SELECT 1 FROM annotation_anchors x WHERE x.annotation_id = a.id AND x.original_exact = @raw) END AS same_text
         FROM annotations a WHERE a.id = @id`,
      )
      .get({ id: c.id, exact: c.exact.replace(/\r\n?/g, '\n'), raw: c.exact }) as Omit<ClaimRow, 'doc_deleted' | 'title'> | undefined;
    const doc = row ? this.documentState(row.document_id) : undefined;
    const local: ClaimRow | undefined = row && doc ? { ...row, doc_deleted: doc.deletedAt, title: doc.title } : undefined;
    if (local) this.mergeExistingClaim(local, c);
    else if (this.idOfAnotherKind(c.id, 'annotation')) {
      this.file.skipped.push({ path: c.path, reason: 'its id belongs to something else in this project (an id names one kind of thing)' });
      return;
    } else {
      const orphan = this.sql('SELECT id, tags, note_text, modified_at, deleted_at, author FROM orphans WHERE id = ?').get(c.id) as OrphanRow | undefined;
      if (orphan) this.mergeOrphan(orphan, c);
      else this.addClaim(c);
    }
    this.bases.set('annotation', c.id, c.modified);
  }

  private claimTags(id: string): string[] {
    return (
      this.sql('SELECT at.tag_id FROM annotation_tags at JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL WHERE at.annotation_id = ?')
        .pluck()
        .all(id) as string[]
    ).sort();
  }

  private tagNames(ids: readonly string[]): string[] {
    return ids.map((id) => this.sql('SELECT name FROM tags WHERE id = ?').pluck().get(id) as string);
  }

  private mergeExistingClaim(local: ClaimRow, c: SharedClaim): void {
    // A claim that arrives with a known claim's id but quotes other text is not the same claim
    // changed: its tags are not applied to this text; the conflict says the text differs.
    if (!c.deleted && !local.same_text) {
      this.conflict('annotation', local.id, 'theirs', { tags: c.tags.map((t) => t.name), deleted: null, modified: c.modified, author: c.author, exact: c.exact.slice(0, 300), textDiffers: true });
      this.tally.claim('conflicts', local.title, c.author);
      return;
    }
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
        this.sql('UPDATE annotations SET deleted_at = ?, modified_at = ? WHERE id = ?').run(c.deleted, c.modified, local.id);
        this.project.links.deleteTouching([local.id], c.modified);
        this.changed = true;
        return 'deleted';
      }
      return null;
    }
    const wanted = new Set(c.tags.map((t) => this.tagFor(t)));
    this.sql('DELETE FROM annotation_tags WHERE annotation_id = ?').run(local.id);
    const insert = this.sql('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    for (const t of wanted) insert.run(local.id, t);
    this.sql('UPDATE annotations SET deleted_at = NULL, modified_at = ? WHERE id = ?').run(c.modified, local.id);
    this.changed = true;
    return 'updated';
  }

  private mergeNote(kind: NoteKey['kind'], ownerId: string, note: SharedNote): Outcome {
    const local = this.sql('SELECT json, text, author, created_at, modified_at FROM notes WHERE owner_kind = ? AND owner_id = ?').get(kind, ownerId) as
      | { json: string; text: string; author: string; created_at: string; modified_at: string }
      | undefined;
    const key = `${kind}:${ownerId}`;
    let outcome: Outcome = 'unchanged';
    if (this.options.textShared?.({ kind: 'note', owner: kind, id: ownerId })) {
      // The text is the shared text's; the note's times and author converge on the latest record's.
      if (local && noteHtml(local.json) === noteHtml(note.json)) {
        const theirs = [note.modified, note.created, note.author].join('\n');
        const mine = [local.modified_at, local.created_at, local.author].join('\n');
        if (theirs > mine) {
          this.sql('UPDATE notes SET author = ?, created_at = ?, modified_at = ? WHERE owner_kind = ? AND owner_id = ?').run(note.author, note.created, note.modified, kind, ownerId);
          this.changed = true;
        } else if (mine > theirs) this.laterHere = true;
      }
      this.tally.item('notes', outcome);
      this.bases.set('note', key, note.modified);
      return outcome;
    }
    const same = local !== undefined && noteHtml(local.json) === noteHtml(note.json);
    const d: Decision = local ? decide(this.bases.get('note', key), local.modified_at, note.modified, same) : 'take';
    if (d === 'conflict-keep') {
      this.conflict('note', key, 'theirs', { json: note.json, text: note.text, author: note.author, modified: note.modified });
      outcome = 'conflicts';
    } else if (d === 'take' || d === 'conflict-take') {
      if (d === 'conflict-take' && local) this.conflict('note', key, 'mine', { json: local.json, text: local.text, author: local.author, modified: local.modified_at });
      // The note keeps the file's modified time, so the next import of the same file compares equal.
      if (kind === 'annotation' || kind === 'link') this.project.notes.save({ kind, id: ownerId }, note.json, note.author, note.modified);
      else this.project.notes.store({ kind, id: ownerId }, note.json, note.author, note.modified);
      this.changed = true;
      outcome = d === 'conflict-take' ? 'conflicts' : 'updated';
    }
    // For the claim or link it belongs to, a note added is an update; in the notes' own row it is new.
    this.tally.item('notes', outcome === 'updated' && !local ? 'new' : outcome);
    this.bases.set('note', key, note.modified);
    return outcome;
  }

  private addClaim(c: SharedClaim): void {
    if (c.deleted) return; // the tombstone of a claim this project never had: nothing to do
    if (ClaimAnchorer.refuses(c)) {
      this.file.skipped.push({ path: c.path, reason: REFUSED_SHORT_QUOTE });
      return;
    }
    const found = this.anchorClaim(c);
    // A match this unsure is not placed silently: the claim waits with the orphans, its candidate beside it.
    const candidate = found && found.score < REVIEW_BELOW ? found : null;
    if (!found || candidate) {
      this.sql(
          `INSERT INTO orphans (id, source, document_hash, exact, prefix, suffix, start, end, tags, note_json, note_text, author, created_at, modified_at, source_file,
             candidate_hash, candidate_start, candidate_end, confidence)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(c.id, c.source, c.hash, c.exact, c.prefix, c.suffix, c.start, c.end, JSON.stringify(c.tags.map((t) => t.name)), c.note?.json ?? null, c.note?.text ?? '', c.author, c.created, c.modified, this.fileName,
          candidate?.hash ?? null, candidate?.start ?? null, candidate?.end ?? null, candidate ? Math.round(candidate.score * 1000) / 1000 : null);
      this.changed = true;
      this.tally.claim('orphans', this.documentLabel(c), c.author);
      if (this.tally.claims.orphans > SHARE_LIMITS.maxOrphans) throw tooManyOrphans(this.fileName);
      return;
    }
    const text = this.text(found.documentId);
    const q = quoteOf(text, found.start, found.end);
    this.sql(
        `INSERT INTO annotations (id, document_id, start, end, exact, prefix, suffix, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.id, found.documentId, found.start, found.end, q.exact, q.prefix, q.suffix, c.author, c.created, c.modified);
    const insert = this.sql('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    for (const t of c.tags) insert.run(c.id, this.tagFor(t));
    const fuzzy = found.errors > 0;
    if (fuzzy) {
      this.sql(`INSERT INTO annotation_anchors (annotation_id, state, errors, original_exact, source_file, anchored_at) VALUES (?, 'fuzzy', ?, ?, ?, ?)`)
        .run(c.id, found.errors, c.exact, this.fileName, this.now);
    }
    this.sql('INSERT INTO anchor_scores (annotation_id, confidence, source_file, anchored_at) VALUES (?, ?, ?, ?)').run(c.id, Math.round(found.score * 1000) / 1000, this.fileName, this.now);
    if (c.note) this.mergeNote('annotation', c.id, c.note);
    this.changed = true;
    this.tally.claim('new', this.documents().byId.get(found.documentId)!.title, c.author, fuzzy);
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
      this.sql('UPDATE orphans SET tags = ?, note_json = ?, note_text = ?, deleted_at = ?, modified_at = ? WHERE id = ?')
        .run(JSON.stringify(c.tags.map((t) => t.name)), c.note?.json ?? null, c.note?.text ?? '', c.deleted, c.modified, o.id);
      this.changed = true;
      outcome = c.deleted ? 'deleted' : 'updated';
    }
    this.tally.claim(outcome, this.documentLabel(c), c.author);
  }

  // ---- links ----

  private mergeLink(l: SharedLink): void {
    const local = this.sql('SELECT id, from_id, to_id, relation_id, modified_at, deleted_at FROM links WHERE id = ?').get(l.id) as LinkRow | undefined;
    if (!local && this.idOfAnotherKind(l.id, 'link')) {
      this.file.skipped.push({ path: l.path, reason: 'its id belongs to something else in this project (an id names one kind of thing)' });
      return;
    }
    this.bases.set('link', l.id, l.modified);
    if (!local) {
      if (l.deleted) return;
      const claimDoc = this.sql('SELECT document_id FROM annotations WHERE id = ? AND deleted_at IS NULL').pluck();
      const live = (id: string) => {
        const docId = claimDoc.get(id) as string | undefined;
        return docId !== undefined && this.documentState(docId)?.deletedAt === null;
      };
      const orphan = this.sql('SELECT 1 FROM orphans WHERE id = ? AND deleted_at IS NULL AND reattached_at IS NULL');
      const ends = [l.fromId, l.toId].map((id) => (live(id) ? 'live' : orphan.get(id) ? 'orphan' : 'missing'));
      if (ends.includes('missing')) {
        this.file.skipped.push({ path: l.path, reason: 'a link whose claims are not both in this project (one may have been deleted)' });
        return;
      }
      if (ends.includes('orphan')) {
        this.addPendingLink(l);
        return;
      }
      const relationId = this.relationFor(l.relation);
      if (this.hasTwin(relationId, l.fromId, l.toId)) {
        this.tally.link('unchanged');
        return;
      }
      this.sql(`INSERT INTO links (id, from_id, to_id, relation_id, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(l.id, l.fromId, l.toId, relationId, l.author, l.created, l.modified);
      if (l.note) this.mergeNote('link', l.id, l.note);
      this.changed = true;
      this.tally.link('new');
      return;
    }
    const relationId = l.deleted ? local.relation_id : this.relationFor(l.relation);
    const same = !local.deleted_at === !l.deleted && (local.deleted_at !== null || local.relation_id === relationId);
    const d = decide(this.bases.get('link', l.id), local.modified_at, l.modified, same);
    const relName = (id: string) => this.sql('SELECT name FROM relation_types WHERE id = ?').pluck().get(id) as string;
    let outcome: Outcome = 'unchanged';
    if (d === 'conflict-keep') {
      this.conflict('link', l.id, 'theirs', { relation: l.relation.name, deleted: l.deleted, modified: l.modified });
      outcome = 'conflicts';
    } else if (d === 'take' || d === 'conflict-take') {
      if (d === 'conflict-take') this.conflict('link', l.id, 'mine', { relation: relName(local.relation_id), deleted: local.deleted_at, modified: local.modified_at });
      const endsLive = this.sql('SELECT count(*) FROM annotations WHERE id IN (?, ?) AND deleted_at IS NULL')
        .pluck()
        .get(local.from_id, local.to_id) as number;
      if (l.deleted || endsLive === 2) {
        this.sql('UPDATE links SET relation_id = ?, deleted_at = ?, modified_at = ? WHERE id = ?').run(relationId, l.deleted, l.modified, l.id);
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

  /**
   * Whether a live link with this relation already joins the two claims (either way round for a
   * symmetric relation). Looked up by the claims' index: on the relation's own index SQLite
   * visited every link of the relation for each new one, which made importing links quadratic.
   */
  private hasTwin(relationId: string, fromId: string, toId: string): boolean {
    let symmetric = this.symmetric.get(relationId);
    if (symmetric === undefined) this.symmetric.set(relationId, (symmetric = this.project.relations.get(relationId).symmetric));
    const find = this.sql('SELECT 1 FROM links WHERE from_id = ? AND to_id = ? AND +relation_id = ? AND deleted_at IS NULL');
    return find.get(fromId, toId, relationId) !== undefined || (symmetric && find.get(toId, fromId, relationId) !== undefined);
  }

  /** Keeps a link to an orphaned claim until the orphan is re-attached (service.ts, reattach). */
  private addPendingLink(l: SharedLink): void {
    const existing = this.sql('SELECT modified_at FROM pending_links WHERE id = ?').pluck().get(l.id) as string | undefined;
    if (existing !== undefined && existing >= l.modified) {
      this.tally.link('unchanged');
      return;
    }
    this.sql(
        `INSERT INTO pending_links (id, from_id, to_id, relation_id, note_json, author, created_at, modified_at, source_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET relation_id = excluded.relation_id, note_json = excluded.note_json, modified_at = excluded.modified_at`,
      )
      .run(l.id, l.fromId, l.toId, this.relationFor(l.relation), l.note?.json ?? null, l.author, l.created, l.modified, this.fileName);
    this.changed = true;
    this.tally.link(existing === undefined ? 'orphans' : 'updated');
  }

}
