import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Layout, type ProjectInfo } from '../../../shared/contract';
import { AppError } from '../errors';
import { Annotations } from './annotations';
import { createProjectDb, openProjectDb, type Db, type OpenedDb } from './db';
import { Documents } from './documents';
import { Meta } from './meta';
import { DEFAULT_TAGS, Tags } from './tags';

/** The extension of project files. */
export const PROJECT_EXTENSION = '.crossread';

/** One open project file and its repositories. Every write goes through `write`. */
export class Project {
  readonly documents: Documents;
  readonly tags: Tags;
  readonly annotations: Annotations;
  readonly meta: Meta;
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
    this.documents = new Documents(this.db);
    this.tags = new Tags(this.db);
    this.annotations = new Annotations(this.db, this.documents, this.tags);
    this.meta = new Meta(this.db);
  }

  static create(file: string): Project {
    const project = new Project(path.resolve(file), createProjectDb(path.resolve(file)));
    project.write((now) => {
      project.meta.set('project_id', randomUUID());
      for (const t of DEFAULT_TAGS) project.tags.create(t.name, t.color, now);
    });
    return project;
  }

  static open(file: string): Project {
    return new Project(path.resolve(file), openProjectDb(path.resolve(file)));
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
    return this.db.transaction(() => fn(new Date().toISOString()))();
  }

  layout(): Layout {
    const raw = this.meta.get('layout');
    let parsed: Layout = { panes: [], sidebar: true };
    if (raw) {
      // A layout is only a convenience: a damaged one falls back to none instead of blocking the project.
      let json: unknown = null;
      try {
        json = JSON.parse(raw);
      } catch {
        json = null;
      }
      const result = Layout.safeParse(json);
      if (result.success) parsed = result.data;
    }
    const live = new Set(this.documents.list().map((d) => d.id));
    return { ...parsed, panes: parsed.panes.filter((p) => live.has(p.documentId)) };
  }

  setLayout(layout: Layout): Layout {
    this.write(() => this.meta.set('layout', JSON.stringify(layout)));
    return this.layout();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
