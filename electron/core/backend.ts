import fs from 'node:fs';
import path from 'node:path';
import { ZodError } from 'zod';
import {
  api,
  type ApiInput,
  isApiName,
  type ApiName,
  type ApiOutput,
  type ApiParsedInput,
  type ApiResponse,
  type ProjectInfo,
} from '../../shared/contract';
import { createBackupService, DEFAULT_SCHEDULE, type BackupSchedule } from './backup-service';
import { AppError } from './errors';
import { log } from './log';
import { ProjectLock, type ProjectLockMode } from './project-lock';
import { runtimeVersions } from './versions';
import { codebookHandlers } from './codebook/index';
import { exportHandlers } from './export/handlers';
import { openProjectFile, projectFileHandlers } from './files/project-handlers';
import type { PdfPrinter } from './export/index';
import { importDocuments } from './import-documents';
import { pasteDocument } from './paste-document';
import { openSampleProject, SAMPLE_FILE_NAME } from './sample';
import { autocode } from './search/autocode';
import { recordSearchHandlers } from './search/handlers';
import { favouriteHandlers } from './favourites/handlers';
import { shareHandlers, shareJobHandlers } from './share/handlers';
import { attributeHandlers } from './attributes/handlers';
import { memoHandlers } from './memos/handlers';
import { agreementHandlers } from './agreement/handlers';
import { refiHandlers } from './refi/handlers';
import { graphHandlers } from './graph/handlers';
import { hypothesisHandlers } from './hypotheses/handlers';
import { clusterHandlers } from './clusters/handlers';
import { teamService } from './team/service';
import { figureHandlers } from './figures/handlers';
import { Memos } from './memos/memos';
import { SettingsStore } from './settings';
import { rememberSaveBase } from './team/save-bases';
import { Project } from './store/project';

export interface BackendOptions {
  /** The app's own folder: settings, the sample project. */
  homeDir: string;
  /** The shipped resources (the sample corpus lives in `sample/`). */
  resourcesDir: string;
  version: string;
  /** A project to open at start; otherwise the most recent one, if it still opens. */
  projectPath?: string | undefined;
  /** Add opened projects to the recent list (the CLI's one-off commands do not). Default true. */
  rememberRecent?: boolean;
  /** Check every answer against the contract too (tests turn this on). */
  validateOutput?: boolean;
  /** When scheduled backups are made; false for one-off processes. Default DEFAULT_SCHEDULE. */
  backupSchedule?: BackupSchedule | false;
  /** The clock of the backup schedule (tests move it). */
  now?: () => Date;
  /** One writer per project (project-lock.ts). Default 'hold'. */
  projectLock?: ProjectLockMode;
  /** Where the project browser (files.browse) starts; the user's home folder by default. */
  browseFrom?: string;
  /** Take `projectPath` over even if another Crossread holds it (the user asked, after a warning). */
  takeOver?: boolean;
  /** Names this process in another instance's "open in another Crossread" message. */
  appName?: string;
  /** How dossier PDFs are printed; headless Chromium when not given (the desktop passes its own). */
  printPdf?: PdfPrinter | undefined;
}

export interface Backend {
  /** The transport entry: validates the name and input, never throws. */
  dispatch(name: string, input: unknown): Promise<ApiResponse<unknown>>;
  /** Typed call for the CLI and tests: throws AppError on failure. */
  call<N extends ApiName>(name: N, input: ApiInput<N> | Record<string, never>): Promise<ApiOutput<N>>;
  /** The open project, for the CLI and server start-up. */
  project(): Project | null;
  /** Resolves once no background work (a scheduled backup) is running. */
  idle(): Promise<void>;
  close(): void;
}

type Handlers = { [N in ApiName]: (input: ApiParsedInput<N>) => ApiOutput<N> | Promise<ApiOutput<N>> };

export function createBackend(opts: BackendOptions): Backend {
  const settings = new SettingsStore(opts.homeDir);
  let current: Project | null = null;

  const requireProject = (): Project => {
    if (!current) throw new AppError('no-project', 'No project is open. Create or open a project first.');
    return current;
  };

  const lock = new ProjectLock(opts.projectLock ?? 'hold', opts.appName ?? 'Crossread');
  /** `keepLock`: the same file is being reopened, and the new connection has already claimed it. */
  const closeCurrent = (keepLock = false): void => {
    if (current && !keepLock) lock.release(current);
    current?.close();
    current = null;
  };

  const switchTo = (next: Project, { created = false, takeOver = false }: { created?: boolean; takeOver?: boolean } = {}): ProjectInfo => {
    try {
      lock.claim(next, takeOver);
    } catch (err) {
      next.close();
      throw err;
    }
    closeCurrent(current?.file === next.file);
    current = next;
    if (opts.rememberRecent !== false) settings.remember(next.file);
    backups.opened(next, created);
    return next.info();
  };

  const backups = createBackupService({
    homeDir: opts.homeDir,
    schedule: opts.backupSchedule ?? DEFAULT_SCHEDULE,
    ...(opts.now ? { now: opts.now } : {}),
    current: () => current,
    replace: (open) => {
      const previous = current?.file;
      closeCurrent();
      try {
        return switchTo(open());
      } catch (err) {
        // Whatever failed, leave the user in the project they were in.
        if (previous) switchTo(Project.open(previous, backups.openHooks));
        throw err;
      }
    },
  });

  if (opts.projectPath) {
    switchTo(openProjectFile(opts.projectPath, backups.openHooks), { takeOver: opts.takeOver ?? false });
  } else {
    const last = settings.recent()[0];
    if (last && fs.existsSync(last)) {
      try {
        switchTo(openProjectFile(last, backups.openHooks));
      } catch {
        // The welcome screen offers the recent list; a project that no longer opens says why there.
      }
    }
  }

  const team = teamService({ current: () => current, requireProject, homeDir: opts.homeDir, author: () => settings.get().author });

  const handlers: Handlers = {
    'app.info': () => ({
      version: opts.version,
      defaultProjectDir: opts.homeDir,
      versions: runtimeVersions(),
      dataDir: opts.homeDir,
      logFile: log.path(),
    }),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),

    'project.current': () => current?.info() ?? null,
    ...projectFileHandlers({ openHooks: backups.openHooks, recent: () => settings.recent(), switchTo, browseFrom: opts.browseFrom }),
    'project.openSample': async () =>
      switchTo(await openSampleProject(path.join(opts.homeDir, SAMPLE_FILE_NAME), path.join(opts.resourcesDir, 'sample'), backups.openHooks)),
    'project.close': () => {
      closeCurrent();
      return null;
    },

    'documents.list': () => requireProject().documents.list(),
    'documents.get': ({ id }) => {
      const p = requireProject();
      return { ...p.documents.get(id), text: p.documents.text(id), pageStarts: p.documents.pageStarts(id) };
    },
    'documents.import': ({ files }) => importDocuments(requireProject(), files),
    'documents.paste': (input) => pasteDocument(requireProject(), input),
    'documents.update': ({ id, patch }) => {
      const p = requireProject();
      return p.undoable(() => p.labels.document('document.update', id), (now) => p.documents.update(id, patch, now));
    },
    'documents.delete': ({ id }) => {
      const p = requireProject();
      return p.undoableStep(p.labels.document('document.delete', id), (now) => p.documents.delete(id, now));
    },

    'tags.list': () => requireProject().tags.list(),
    'tags.create': ({ name, color }) => {
      const p = requireProject();
      return p.undoable((t: { id: string }) => p.labels.tag('tag.create', t.id), (now) => p.tags.create(name, color, now));
    },
    'tags.update': ({ id, name, color }) => {
      const p = requireProject();
      return p.undoable(p.labels.tagUpdate(id, { name, color }), (now) => p.tags.update(id, { name, color }, now));
    },
    'tags.usage': ({ id }) => requireProject().tags.usage(id),
    'tags.delete': ({ id }) => {
      const p = requireProject();
      return p.undoableStep(p.labels.tag('tag.delete', id), (now) => p.tags.delete(id, now));
    },
    'tags.move': ({ id, parentId, index }) => {
      const p = requireProject();
      p.undoable(p.labels.tagMove(id, parentId), (now) => p.tags.move(id, parentId, index, now));
      return p.tags.list();
    },
    'tags.describe': ({ id, ...patch }) => {
      const p = requireProject();
      return p.undoable(p.labels.tag('tag.describe', id), (now) => p.tags.describe(id, patch, now));
    },
    'tags.merge': ({ sourceId, targetId }) => {
      const p = requireProject();
      const label = (moved: number) => p.labels.tagRecode('tag.merge', sourceId, targetId, moved);
      // The label names the source, which is a tombstone once merged: it is made before the merge.
      const named = label(p.tags.usage(sourceId).claims);
      const moved = p.undoable(named, (now) => p.recoding.merge(sourceId, targetId, now));
      return { moved, step: p.history.lastRecorded() };
    },
    'tags.moveClaims': ({ sourceId, targetId }) => {
      const p = requireProject();
      const moved = p.undoable((n: number) => p.labels.tagRecode('tag.moveClaims', sourceId, targetId, n), (now) => p.recoding.moveClaims(sourceId, targetId, now));
      return { moved, step: moved > 0 ? p.history.lastRecorded() : null };
    },

    'annotations.list': ({ documentId }) => requireProject().annotations.list(documentId),
    'annotations.create': (input) => {
      const p = requireProject();
      return p.undoable((a: { id: string }) => p.labels.claim('claim.create', a.id), (now) => p.annotations.create(input, settings.get().author, now));
    },
    'annotations.update': ({ id, tagIds }) => {
      const p = requireProject();
      return p.undoable((a: { id: string }) => p.labels.claim('claim.retag', a.id), (now) => p.annotations.setTags(id, tagIds, now));
    },
    'annotations.delete': ({ id }) => {
      const p = requireProject();
      return p.undoableStep(p.labels.claim('claim.delete', id), (now) => p.annotations.delete(id, now));
    },

    'relations.list': () => requireProject().relations.list(),
    'relations.create': (input) => {
      const p = requireProject();
      return p.undoable((r: { id: string }) => p.labels.relation('relation.create', r.id), (now) => p.relations.create(input, now));
    },
    'relations.update': ({ id, ...patch }) => {
      const p = requireProject();
      return p.undoable((r: { id: string }) => p.labels.relation('relation.update', r.id), (now) => p.relations.update(id, patch, now));
    },
    'relations.delete': ({ id }) => {
      const p = requireProject();
      return p.undoableStep(p.labels.relation('relation.delete', id), (now) => p.relations.delete(id, now));
    },

    'links.list': ({ annotationId }) => requireProject().links.list(annotationId),
    'links.create': (input) => {
      const p = requireProject();
      return p.undoable((l: { id: string }) => p.labels.link('link.create', l.id), (now) => p.links.create(input, settings.get().author, now));
    },
    'links.update': ({ id, relationId }) => {
      const p = requireProject();
      return p.undoable((l: { id: string }) => p.labels.link('link.update', l.id), (now) => p.links.update(id, relationId, now));
    },
    'links.delete': ({ id }) => {
      const p = requireProject();
      return p.undoableStep(p.labels.link('link.delete', id), (now) => p.links.delete(id, now));
    },

    'notes.get': (owner) => requireProject().notes.get(owner),
    'notes.save': ({ owner, json, base }) => {
      const p = requireProject();
      rememberSaveBase(p, `${owner.kind}:${owner.id}`, base);
      const save = (now: string) => p.notes.save(owner, json, settings.get().author, now);
      // Clearing a note is how it is deleted, so that save (alone) is an undo step.
      return p.notes.wouldClear(owner, json) ? p.undoable(p.labels.noteClear(owner), save) : p.write(save);
    },

    'search.query': ({ q, limit, offset }) => {
      const p = requireProject();
      return { ...p.search.run(q, { limit, offset, notes: true }), memos: offset === 0 ? new Memos(p).search(q) : [] };
    },
    'search.autocode': ({ q, tagId, scope }) => {
      const p = requireProject();
      return { ...autocode(p, q, tagId, scope, settings.get().author), step: p.history.lastRecorded() };
    },

    'history.state': () => requireProject().history.state(),
    'history.undo': ({ expectedStep }) => requireProject().undo(expectedStep),
    'history.redo': ({ expectedStep }) => requireProject().redo(expectedStep),

    'layout.get': () => requireProject().layout(),
    'layout.set': (layout) => requireProject().setLayout(layout),

    ...backups.handlers,
    ...exportHandlers({ project: requireProject, author: () => settings.get().author, generator: `Crossread ${opts.version}`, printPdf: opts.printPdf }),
    ...shareHandlers(requireProject, () => settings.get().author, opts.version),
    ...shareJobHandlers(requireProject, () => current),
    ...attributeHandlers(requireProject, () => settings.get().author),
    ...memoHandlers(requireProject, () => settings.get().author),
    ...codebookHandlers(requireProject),
    ...agreementHandlers(requireProject),
    ...recordSearchHandlers(requireProject),
    ...favouriteHandlers(requireProject),
    ...refiHandlers(requireProject, () => settings.get().author),
    ...graphHandlers(requireProject),
    ...hypothesisHandlers(requireProject, () => settings.get().author),
    ...clusterHandlers(requireProject, () => settings.get().author),
    ...team.handlers,
    ...figureHandlers(),
  };

  async function run(name: ApiName, input: unknown): Promise<unknown> {
    const entry = api[name];
    const parsed = entry.input.parse(input ?? {});
    const handler = handlers[name] as (i: unknown) => unknown;
    const value = await handler(parsed);
    return opts.validateOutput ? entry.output.parse(value) : value;
  }

  return {
    async dispatch(name, input) {
      if (!isApiName(name)) return { ok: false, error: { code: 'bad-input', message: `Unknown API call “${String(name).slice(0, 80)}”.` } };
      try {
        return { ok: true, value: await run(name, input) };
      } catch (err) {
        return { ok: false, error: toErrorBody(err) };
      } finally {
        backups.afterCall();
      }
    },
    async call(name, input) {
      try {
        return (await run(name, input)) as ApiOutput<typeof name>;
      } catch (err) {
        if (err instanceof AppError) throw err;
        const body = toErrorBody(err);
        throw new AppError(body.code, body.message);
      }
    },
    project: () => current,
    idle: () => backups.idle(),
    close() {
      team.stop();
      closeCurrent();
    },
  };
}

function toErrorBody(err: unknown): { code: AppError['code']; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    return { code: 'bad-input', message: `Invalid request — ${where}${first?.message ?? 'malformed input'}.` };
  }
  log.error('unexpected error', err);
  return { code: 'internal', message: `Something went wrong: ${(err as Error)?.message ?? String(err)}` };
}
