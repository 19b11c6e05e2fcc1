/**
 * When backups are made, and the backups.* API: list, back up now, restore.
 *
 * - Before a migration: always (synchronously, while the file is opened; see backups.ts).
 * - On open, when the newest copy is older than `afterOpenMs` (or there is none).
 * - While editing: after a call, when something changed since the last copy and that copy is
 *   older than `whileEditingMs`.
 * The scheduled copies run in the background; a failure is logged, never shown as the failure of
 * the user's call.
 */
import fs from 'node:fs';
import type { ApiOutput, ApiParsedInput, BackupInfo, ProjectInfo } from '../../shared/contract';
import { Backups } from './backups';
import { AppError } from './errors';
import { log } from './log';
import type { OpenHooks } from './store/db';
import { Project } from './store/project';

export interface BackupSchedule {
  afterOpenMs: number;
  whileEditingMs: number;
}

export const DEFAULT_SCHEDULE: BackupSchedule = { afterOpenMs: 24 * 60 * 60 * 1000, whileEditingMs: 30 * 60 * 1000 };

export interface BackupServiceOptions {
  homeDir: string;
  /** false: no scheduled copies (the CLI's one-off commands); pre-migration copies are still made. */
  schedule: BackupSchedule | false;
  now?: () => Date;
  current(): Project | null;
  /** Closes the open project, runs `open` and makes its result the open project. */
  replace(open: () => Project): ProjectInfo;
}

type BackupName = 'backups.list' | 'backups.create' | 'backups.restore';
export type BackupHandlers = { [N in BackupName]: (input: ApiParsedInput<N>) => Promise<ApiOutput<N>> | ApiOutput<N> };

export interface BackupService {
  /** Pass to Project.open: backs the file up before a migration changes it. */
  readonly openHooks: OpenHooks;
  /** A project was just opened; `created` when it is a new, empty one (nothing to back up yet). */
  opened(project: Project, created?: boolean): void;
  /** An API call finished. */
  afterCall(): void;
  /** Resolves once no backup is running. */
  idle(): Promise<void>;
  readonly handlers: BackupHandlers;
}

export function createBackupService(opts: BackupServiceOptions): BackupService {
  const now = opts.now ?? (() => new Date());
  const backupsOf = (file: string) => new Backups(opts.homeDir, file, now);
  let running: Promise<void> | null = null;
  /** Per open project: when its newest copy was made, and its change count then. */
  let last: { project: Project; at: number; changes: number } | null = null;

  const requireProject = (): Project => {
    const project = opts.current();
    if (!project) throw new AppError('no-project', 'No project is open. Create or open a project first.');
    return project;
  };

  const backUp = (project: Project, reason: 'scheduled' | 'manual' | 'before-restore'): Promise<BackupInfo> => {
    const changes = project.changeCount();
    const made = project.backupInto(backupsOf(project.file), reason).then((info) => {
      last = { project, at: Date.parse(info.createdAt), changes };
      return info;
    });
    // `running` only tracks completion and never rejects: the caller of `made` handles its failure.
    const settled: Promise<void> = made.then(
      () => undefined,
      () => undefined,
    );
    running = settled;
    void settled.then(() => {
      if (running === settled) running = null;
    });
    return made;
  };

  const inBackground = (project: Project): void => {
    if (running || project.readOnly) return;
    backUp(project, 'scheduled').catch((err: unknown) => {
      // Closed meanwhile (the user switched projects): the copy is simply not made; it will be on the next open.
      if (project.isOpen()) log.error(`scheduled backup of ${project.file} failed`, err);
    });
  };

  const idle = async (): Promise<void> => {
    while (running) await running;
  };

  return {
    openHooks: {
      beforeMigrate: (db, file) => {
        backupsOf(file).createSync(db, 'migration');
      },
    },

    opened(project, created = false) {
      const backups = backupsOf(project.file);
      backups.sweepPartials();
      const newest = backups.latest();
      const since = created ? now().getTime() : -Infinity;
      last = { project, at: newest ? Date.parse(newest.createdAt) : since, changes: project.changeCount() };
      if (opts.schedule === false || created) return;
      if (now().getTime() - last.at >= opts.schedule.afterOpenMs) inBackground(project);
    },

    afterCall() {
      const project = opts.current();
      if (opts.schedule === false || !project || !last || last.project !== project) return;
      if (project.changeCount() === last.changes) return;
      if (now().getTime() - last.at >= opts.schedule.whileEditingMs) inBackground(project);
    },

    idle,

    handlers: {
      'backups.list': () => backupsOf(requireProject().file).list(),
      'backups.create': async () => {
        await idle();
        const project = requireProject();
        return backUp(project, 'manual');
      },
      'backups.restore': async ({ id }) => {
        await idle();
        const project = requireProject();
        if (project.readOnly) throw new AppError('read-only', 'This project is read-only, so a backup cannot be restored into it.');
        const file = project.file;
        const source = backupsOf(file).fileOf(id);
        // Check (and upgrade, if it is older) a copy of the backup before anything is replaced.
        const staged = `${file}.restoring-${process.pid}`;
        fs.copyFileSync(source, staged);
        try {
          Project.open(staged).close();
        } catch (err) {
          removeDbFiles(staged);
          throw new AppError('project-invalid', `The backup ${id} cannot be opened, so nothing was restored: ${(err as Error).message}`);
        }
        // The current state stays recoverable: restoring is itself undone by restoring this copy.
        await backUp(project, 'before-restore');
        return opts.replace(() => {
          if (fs.existsSync(`${file}-wal`)) {
            removeDbFiles(staged);
            // Our connection is closed, so another program still has the file open.
            throw new AppError('conflict', `Another program has ${file} open; close it and restore again.`);
          }
          fs.renameSync(staged, file);
          return Project.open(file);
        });
      },
    },
  };
}

function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
