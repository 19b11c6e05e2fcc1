/**
 * The project-wide part of a merge (merge.ts): relation types, tags, documents and the dossier
 * summary, plus what every part shares — the merge bases, the tally and the conflict record.
 * Claims and links, which refer to all of these, are merged by the subclass in merge.ts.
 */
import type { Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import { contentHash } from '../store/documents';
import type { Db } from '../store/db';
import type { Project } from '../store/project';
import { Bases, decide, type ItemKind } from './bases';
import { CodeSystemMerge, codeFieldsDiffer, keepsMergedTag, localCodeVersion, resolveMerged, theirCodeVersion } from './codes';
import { readSummary, SUMMARY_META_KEY } from './export';
import { SHARE_LIMITS } from './limits';
import type { SharedFile, SharedLink, SharedTagRef } from './model';
import { type Outcome, Tally } from './stats';
import { sharedPageStarts } from './pages';

const TAG_PALETTE = ['#3b7dd8', '#9b59b6', '#e67e22', '#16a2b8', '#c2185b', '#7f8c2d', '#5d6d7e'];

export const lower = (s: string) => s.toLocaleLowerCase();

export interface MergeOptions {
  /** Compare against the bases of this live team (sync_bases) instead of the file bases. */
  basesSource?: string;
  /**
   * Keep the undo history. A live team's changes arrive all the time; forgetting the user's own
   * steps at each would leave no undo at all. Undoing a step later restores its rows as a new change.
   */
  keepHistory?: boolean;
  /** A document added from the file keeps the file's modified time, so both sides hold the same version. */
  keepFileTimes?: boolean;
  /**
   * Whether a note, memo or the summary is edited together through the team's shared text
   * (team/shared-texts.ts): then that text is its carrier, and the merge leaves the note as it is
   * (recording only the base), so two people typing in it are merged character by character rather
   * than one version winning.
   */
  textShared?(field: SharedTextField): boolean;
}

/** A note or memo by its notes-table key, or the dossier summary. */
export type SharedTextField = { kind: 'note'; owner: string; id: string } | { kind: 'summary' };

export abstract class MergeVocabulary {
  readonly tally = new Tally();
  /** Whether anything but the merge bases was written. */
  changed = false;
  protected readonly db: Db;
  protected readonly bases: Bases;
  private readonly tagIds = new Map<string, string>();
  private readonly relationIds = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  private readonly statements = new Map<string, Statement>();
  private liveTagIndex: { ids: Set<string>; byName: Map<string, string> } | null = null;

  constructor(
    protected readonly project: Project,
    protected readonly file: SharedFile,
    protected readonly fileName: string,
    protected readonly now: string,
    protected readonly options: MergeOptions = {},
  ) {
    this.db = project.database;
    this.bases = new Bases(this.db, options.basesSource ?? null);
  }

  /**
   * The statement for `source`, compiled once per merge: a 10,000-claim file runs each of a few
   * dozen statements thousands of times, and compiling them again each time was a third of an
   * import's time. Its result mode is reset on every use (a caller wanting single values calls
   * pluck() after), so whatever mode an earlier use or another holder of it set cannot leak.
   */
  protected sql(source: string): Statement {
    let s = this.statements.get(source);
    if (!s) this.statements.set(source, (s = this.db.prepare(source)));
    if (s.reader) s.raw(false).pluck(false);
    return s;
  }

  /** Whether `id` already names an item of another kind here (claims, orphans, links, tags and link types share one id space). */
  protected idOfAnotherKind(id: string, kind: 'annotation' | 'link'): boolean {
    const tables = kind === 'annotation' ? ['links', 'pending_links', 'tags', 'relation_types'] : ['annotations', 'orphans', 'tags', 'relation_types'];
    // One statement for the four look-ups: a file of 100,000 new claims asks this for each.
    return this.sql(tables.map((t) => `SELECT 1 FROM ${t} WHERE id = @id`).join(' UNION ALL ')).get({ id }) !== undefined;
  }

  // ---- conflicts ----

  protected conflict(kind: ItemKind, id: string, losingSide: 'mine' | 'theirs', losing: unknown): void {
    this.sql(`INSERT INTO merge_conflicts (item_kind, item_id, losing_side, losing, source_file, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(kind, id, losingSide, JSON.stringify(losing), this.fileName, this.now);
    this.tally.conflictRecorded(kind);
    this.changed = true;
  }

  // ---- relations ----

  protected mergeRelations(): void {
    const live = this.project.relations.list();
    for (const r of this.file.relations) {
      const local = live.find((l) => l.id === r.id) ?? live.find((l) => r.builtin !== null && l.builtin === r.builtin) ?? live.find((l) => lower(l.name) === lower(r.name));
      if (!local) {
        const taken = this.sql('SELECT 1 FROM relation_types WHERE id = ?').get(r.id);
        const id = taken ? randomUUID() : r.id;
        const pos = this.sql('SELECT coalesce(max(position), -1) + 1 FROM relation_types WHERE deleted_at IS NULL').pluck().get() as number;
        this.sql(
            `INSERT INTO relation_types (id, name, inverse_name, symmetric, builtin, position, created_at, modified_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)`,
          )
          .run(id, r.name, r.symmetric ? r.name : r.inverseName, r.symmetric ? 1 : 0, pos, r.modified, r.modified);
        this.relationCreated();
        this.relationIds.set(r.id, id);
        this.bases.set('relation', id, r.modified);
        continue;
      }
      this.relationIds.set(r.id, local.id);
      // A built-in relation's names belong to this project (and its translations): a file never renames one.
      const same = local.builtin !== null || (local.name === r.name && local.inverseName === r.inverseName);
      const d = decide(this.bases.get('relation', local.id), local.modifiedAt, r.modified, same);
      if (d === 'conflict-keep') {
        this.conflict('relation', local.id, 'theirs', { name: r.name, inverseName: r.inverseName, modified: r.modified });
        this.tally.item('relations', 'conflicts');
      } else if (d === 'take' || d === 'conflict-take') {
        const clash = live.some((l) => l.id !== local.id && lower(l.name) === lower(r.name));
        if (!clash) {
          if (d === 'conflict-take') this.conflict('relation', local.id, 'mine', { name: local.name, inverseName: local.inverseName, modified: local.modifiedAt });
          this.sql('UPDATE relation_types SET name = ?, inverse_name = ?, modified_at = ? WHERE id = ?')
            .run(r.name, local.symmetric ? r.name : r.inverseName, r.modified, local.id);
          this.changed = true;
        }
        this.tally.item('relations', clash ? 'unchanged' : d === 'conflict-take' ? 'conflicts' : 'updated');
      } else this.tally.item('relations', 'unchanged');
      this.bases.set('relation', local.id, r.modified);
    }
  }

  protected relationFor(ref: SharedLink['relation']): string {
    if (ref.id) {
      const mapped = this.relationIds.get(ref.id);
      if (mapped) return mapped;
      const live = this.sql('SELECT id FROM relation_types WHERE id = ? AND deleted_at IS NULL').pluck().get(ref.id) as string | undefined;
      if (live) return live;
    }
    const byName = this.project.relations.list().find((r) => lower(r.name) === lower(ref.name) || lower(r.inverseName) === lower(ref.name));
    if (byName) return byName.id;
    const created = this.project.relations.create({ name: ref.name, symmetric: false }, this.now);
    this.relationCreated();
    return created.id;
  }

  /** Counts a new link type, refusing a file that would add more than a project's worth of them. */
  private relationCreated(): void {
    this.changed = true;
    this.tally.item('relations', 'new');
    if (this.tally.other.relations.new > SHARE_LIMITS.maxNewRelations) {
      throw new AppError('bad-input', `${this.fileName} is not a usable annotation file: it would add more than ${SHARE_LIMITS.maxNewRelations} link types.`);
    }
  }

  // ---- tags ----

  private liveTags(): { id: string; name: string; color: string; modified_at: string }[] {
    return this.sql('SELECT id, name, color, modified_at FROM tags WHERE deleted_at IS NULL').all() as {
      id: string;
      name: string;
      color: string;
      modified_at: string;
    }[];
  }

  /** Live tags by id and by name (first of a name wins, as a scan would), read once until a tag is written. */
  private tagIndex(): { ids: Set<string>; byName: Map<string, string> } {
    if (!this.liveTagIndex) {
      const ids = new Set<string>();
      const byName = new Map<string, string>();
      for (const t of this.liveTags()) {
        ids.add(t.id);
        if (!byName.has(lower(t.name))) byName.set(lower(t.name), t.id);
      }
      this.liveTagIndex = { ids, byName };
    }
    return this.liveTagIndex;
  }

  protected mergeTags(): void {
    const codes = new CodeSystemMerge(this.db, (fileId) => this.tagIds.get(fileId));
    for (const t of this.file.tags) {
      const byId = this.sql('SELECT id, name, color, modified_at, deleted_at FROM tags WHERE id = ?').get(t.id) as
        | { id: string; name: string; color: string; modified_at: string; deleted_at: string | null }
        | undefined;
      const local = byId ?? this.liveTags().find((l) => lower(l.name) === lower(t.name));
      if (!local) {
        if (!t.deleted) {
          const id = this.createTag(t.name, t.color, t.id, t.modified);
          this.tagIds.set(t.id, id);
          codes.take(t, id);
          // The version exchanged, so the colleague's next rename is taken, not a conflict.
          this.bases.set('tag', id, t.modified);
        }
        continue;
      }
      this.tagIds.set(t.id, local.id);
      if (keepsMergedTag(this.db, local.id, t)) continue;
      const localDeleted = 'deleted_at' in local ? local.deleted_at : null;
      const same =
        local.name === t.name && local.color === t.color && !localDeleted === !t.deleted && !codeFieldsDiffer(this.db, local.id, t, (id) => this.tagIds.get(id) ?? id);
      const d = decide(this.bases.get('tag', local.id), local.modified_at, t.modified, same);
      const mine = { name: local.name, color: local.color, deleted: localDeleted, modified: local.modified_at, ...localCodeVersion(this.db, local.id) };
      const theirCode = theirCodeVersion(t, (id) => this.tagIds.get(id) ?? id);
      let outcome: Outcome = 'unchanged';
      if (d === 'conflict-keep') {
        this.conflict('tag', local.id, 'theirs', { name: t.name, color: t.color, deleted: t.deleted, modified: t.modified, ...theirCode });
        outcome = 'conflicts';
      }
      if (d === 'take' || d === 'conflict-take') {
        const clash = this.liveTags().some((l) => l.id !== local.id && lower(l.name) === lower(t.name));
        if (!clash || t.deleted) {
          if (d === 'conflict-take') this.conflict('tag', local.id, 'mine', mine);
          this.sql('UPDATE tags SET name = ?, color = ?, deleted_at = ?, modified_at = ? WHERE id = ?')
            .run(clash ? local.name : t.name, t.color, t.deleted, t.modified, local.id);
          codes.take(t, local.id);
          this.liveTagIndex = null;
          this.changed = true;
          outcome = d === 'conflict-take' ? 'conflicts' : t.deleted && !localDeleted ? 'deleted' : 'updated';
        }
      }
      this.tally.item('tags', outcome);
      this.bases.set('tag', local.id, t.modified);
    }
    if (codes.finish()) {
      this.liveTagIndex = null;
      this.changed = true;
    }
  }

  private createTag(name: string, color: string | null, wantedId: string | null, modified: string): string {
    const free = wantedId && !this.sql('SELECT 1 FROM tags WHERE id = ?').get(wantedId);
    const id = free ? wantedId : randomUUID();
    const { n, maxPos } = this.sql('SELECT count(*) AS n, coalesce(max(position), -1) AS maxPos FROM tags WHERE deleted_at IS NULL')
      .get() as { n: number; maxPos: number };
    this.sql('INSERT INTO tags (id, name, color, position, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, name, color ?? TAG_PALETTE[n % TAG_PALETTE.length]!, maxPos + 1, modified, modified);
    this.liveTagIndex = null;
    this.tally.tagsCreated++;
    this.tally.item('tags', 'new');
    this.changed = true;
    return id;
  }

  /** The local tag for a reference, or null when the project has none (yet). */
  protected findTag(ref: SharedTagRef): string | null {
    const index = this.tagIndex();
    if (ref.id) {
      const mapped = this.tagIds.get(ref.id) ?? ref.id;
      if (index.ids.has(mapped)) return mapped;
      // A tag merged here: the colleague's claims follow it to its survivor.
      const survivor = resolveMerged(this.db, mapped);
      if (survivor && index.ids.has(survivor)) return survivor;
    }
    return index.byName.get(lower(ref.name)) ?? null;
  }

  protected tagFor(ref: SharedTagRef): string {
    return this.findTag(ref) ?? this.createTag(ref.name, null, ref.id, this.now);
  }

  // ---- documents ----

  protected mergeDocuments(): void {
    for (const [i, d] of this.file.documents.entries()) {
      const local = this.project.documents.findByHash(d.hash);
      if (local) {
        const same = local.title === d.title && local.outlet === d.outlet && local.author === d.author && local.date === d.date && local.language === d.language;
        const dec = decide(this.bases.get('document', d.hash), local.modifiedAt, d.modified, same);
        const theirs = { title: d.title, outlet: d.outlet, author: d.author, date: d.date, language: d.language, modified: d.modified };
        if (dec === 'conflict-keep') this.conflict('document', d.hash, 'theirs', theirs);
        this.tally.item('documents', dec === 'conflict-keep' || dec === 'conflict-take' ? 'conflicts' : dec === 'take' ? 'updated' : 'unchanged');
        if (dec === 'take' || dec === 'conflict-take') {
          if (dec === 'conflict-take') {
            this.conflict('document', d.hash, 'mine', { title: local.title, outlet: local.outlet, author: local.author, date: local.date, language: local.language, modified: local.modifiedAt });
          }
          this.sql('UPDATE documents SET title = ?, outlet = ?, author = ?, date = ?, language = ?, modified_at = ? WHERE id = ?')
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
        {
          text: d.text,
          title: d.title || d.sourceName || 'Untitled',
          outlet: d.outlet,
          author: d.author,
          date: d.date,
          language: d.language,
          format: d.format,
          encoding: 'utf-8',
          pageStarts: sharedPageStarts(this.fileName, i, d['cr:pages'], d.text.length),
        },
        d.sourceName.split(/[\\/]/).pop() ?? '',
        this.options.keepFileTimes ? d.modified : this.now,
      );
      this.tally.documentsCreated++;
      this.tally.item('documents', 'new');
      this.changed = true;
      this.bases.set('document', d.hash, created.modifiedAt);
    }
  }

  protected text(documentId: string): string {
    let t = this.texts.get(documentId);
    if (t === undefined) this.texts.set(documentId, (t = this.project.documents.text(documentId)));
    return t;
  }

  /** Finds where a claim belongs: by hash and offsets, by quote in that document, or by quote anywhere. */
  // ---- the dossier summary ----

  protected mergeSummary(): void {
    const s = this.file.summary;
    if (!s) return;
    if (this.options.textShared?.({ kind: 'summary' })) {
      this.tally.item('summary', 'unchanged');
      this.bases.set('summary', SUMMARY_META_KEY, s.modifiedAt);
      return;
    }
    const local = readSummary(this.project);
    const d = local ? decide(this.bases.get('summary', SUMMARY_META_KEY), local.modifiedAt, s.modifiedAt, local.json === s.json) : 'take';
    if (d === 'conflict-keep') this.conflict('summary', SUMMARY_META_KEY, 'theirs', s);
    this.tally.item('summary', d === 'conflict-keep' || d === 'conflict-take' ? 'conflicts' : d === 'take' ? (local ? 'updated' : 'new') : 'unchanged');
    if (d === 'take' || d === 'conflict-take') {
      if (d === 'conflict-take' && local) this.conflict('summary', SUMMARY_META_KEY, 'mine', local);
      this.project.meta.set(SUMMARY_META_KEY, JSON.stringify({ json: s.json, text: s.text, author: s.author, modifiedAt: s.modifiedAt }));
      this.changed = true;
    }
    this.bases.set('summary', SUMMARY_META_KEY, s.modifiedAt);
  }
}
