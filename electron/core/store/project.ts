import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { HistoryTravel, Layout, ProjectInfo, UndoStepRef } from '../../../shared/contract';
import type { StepLabel } from '../../../shared/history';
import { EMPTY_LAYOUT, keepPanes, restoreLayout } from '../../../shared/layout';
import { AppError } from '../errors';
import { SearchIndexer } from '../search/indexer';
import { Search } from '../search/query';
import { Attributes } from '../attributes/store';
import { Annotations } from './annotations';
import type { BackupInfo, BackupReason } from '../../../shared/contract';
import type { Backups } from '../backups';
import { createProjectDb, openProjectDb, type Db, type OpenedDb, type OpenHooks } from './db';
import { Documents } from './documents';
import { History, type Touched } from './history';
import { Links } from './links';
import { Matrix } from './matrix';
import { Meta } from './meta';
import { Notes } from './notes';
import { Relations } from './relations';
import { StepLabels } from './step-labels';
import { TagRecoding } from './tag-merge';
import { DEFAULT_TAGS, Tags } from './tags';

/** The extension of project files. */
export const PROJECT_EXTENSION = '.crossread';

/** One open project file and its repositories. Every write goes through `write`. */
export class Project {
  readonly documents: Documents;
  readonly tags: Tags;
  readonly recoding: TagRecoding;
  readonly annotations: Annotations;
  readonly relations: Relations;
  readonly links: Links;
  readonly notes: Notes;
  readonly search: Search;
  readonly matrix: Matrix;
  readonly history: History;
  readonly meta: Meta;
  readonly attributes: Attributes;
  /** Names undo steps from the project as it stands. */
  readonly labels: StepLabels;
  private readonly index: SearchIndexer;
  private readonly db: Db;
  readonly readOnly: boolean;
  private readonly schemaVersion: number;

  private constructor(
    readonly file: string,
    opened: OpenedDb,
  ) {
    this.db = opened.db;
    this.readOnly = opened.readOnly;
    this.schemaVersion = opened.schemaVersion;
    this.index = new SearchIndexer(this.db);
    this.documents = new Documents(this.db, this.index);
    this.tags = new Tags(this.db);
    this.recoding = new TagRecoding(this.db, this.tags);
    this.relations = new Relations(this.db);
    this.links = new Links(this.db, this.relations);
    this.annotations = new Annotations(this.db, this.documents, this.tags, this.links);
    this.notes = new Notes(this.db, this.index);
    this.search = new Search(this.db, this.documents, this.index);
    this.matrix = new Matrix(this.db);
    this.history = new History(this.db);
    this.meta = new Meta(this.db);
    this.attributes = new Attributes(this.db);
    this.labels = new StepLabels(this);
    // The index is derived data: one built by a version of the app that made other keys is rebuilt.
    if (!this.readOnly && !this.index.isCurrent()) this.write(() => this.index.rebuild());
  }

  static create(file: string): Project {
    const project = new Project(path.resolve(file), createProjectDb(path.resolve(file)));
    project.write((now) => {
      project.meta.set('project_id', randomUUID());
      for (const t of DEFAULT_TAGS) project.tags.create(t.name, t.color, now);
    });
    return project;
  }

  static open(file: string, hooks?: OpenHooks): Project {
    return new Project(path.resolve(file), openProjectDb(path.resolve(file), hooks));
  }

  info(): ProjectInfo {
    return {
      path: this.file,
      name: path.basename(this.file, PROJECT_EXTENSION),
      readOnly: this.readOnly,
      schemaVersion: this.schemaVersion,
    };
  }

  /** Runs `fn` in one transaction: it all lands or none of it does. */
  write<T>(fn: (now: string) => T): T {
    if (this.readOnly) {
      throw new AppError('read-only', `${path.basename(this.file)} is read-only (write-protected), so changes cannot be saved.`);
    }
    return this.db.transaction(() => fn(this.stamp()))();
  }

  private lastStamp = 0;

  /**
   * The time of a write, always later than the previous write's: undo guards and merges tell
   * versions apart by their modified times, and two writes in one millisecond (a note cleared, then
   * typed again) must not look like one version.
   */
  private stamp(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }

  /**
   * Runs `fn` as one undo step (and one transaction). `label` names it: a kind and its parameters,
   * or a function of the result for labels that name what was made or count things. Calls with
   * the same `session` key join the step the first one made while it is still the newest.
   */
  undoable<T>(label: StepLabel | ((result: T) => StepLabel), fn: (now: string) => T, session?: string): T {
    return this.write((now) => this.history.record(label, now, () => fn(now), session));
  }

  /**
   * `undoable` for deletions, which answer with the step they made (null: nothing changed) so an
   * Undo button can be bound to it. The label is made before the call, while the thing still exists.
   */
  undoableStep(label: StepLabel, fn: (now: string) => void): UndoStepRef {
    this.undoable(label, fn);
    return { step: this.history.lastRecorded() };
  }

  /** Undoes the newest step; with `expected`, only if that is the newest. */
  undo(expected?: number): HistoryTravel {
    return this.reverse(() => this.history.undo(expected));
  }

  redo(expected?: number): HistoryTravel {
    return this.reverse(() => this.history.redo(expected));
  }

  /** A step that can no longer be reversed is forgotten, and that must be kept even though the call fails. */
  private reverse(fn: () => ReturnType<History['undo']>): HistoryTravel {
    let refused: AppError | null = null;
    const done = this.write(() => {
      try {
        const result = fn();
        this.resync(result.touched);
        return result;
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
        refused = err;
        return null;
      }
    });
    if (refused || !done) throw refused ?? new AppError('internal', 'The step was not reversed.');
    return { ...this.history.state(), step: done.step };
  }

  /** The search index is derived data the journal does not replay: it follows the rows a replay touched. */
  private resync(touched: Touched): void {
    for (const id of touched.documents) this.documents.resync(id);
    for (const owner of touched.notes) this.notes.reindex(owner);
  }

  layout(): Layout {
    const raw = this.meta.get('layout');
    let parsed: Layout = EMPTY_LAYOUT;
    if (raw) {
      // A layout is only a convenience: a damaged one falls back to none instead of blocking the project.
      let json: unknown = null;
      try {
        json = JSON.parse(raw);
      } catch {
        json = null;
      }
      parsed = restoreLayout(json) ?? EMPTY_LAYOUT;
    }
    const live = new Set(this.documents.list().map((d) => d.id));
    return keepPanes(parsed, (p) => live.has(p.documentId));
  }

  setLayout(layout: Layout): Layout {
    this.write(() => this.meta.set('layout', JSON.stringify(layout)));
    return this.layout();
  }

  /** Copies this project into `backups` with SQLite's online backup; edits may go on meanwhile. */
  backupInto(backups: Backups, reason: BackupReason): Promise<BackupInfo> {
    return backups.create(this.db, reason);
  }

  /** Rows changed through this connection since it opened: tells whether a new backup is due. */
  changeCount(): number {
    return (this.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The raw handle, for electron/core/share: its queries span every table and its own (migration 0004). */
  get database(): Db {
    return this.db;
  }
}
