/**
 * One writer per project. A Crossread that edits a project (the desktop app, browser mode)
 * records itself in the file (project_meta `writer_lock`: process, host, since); another one that
 * wants to write the same file is refused with a message saying who has it, rather than both
 * writing and each showing a stale picture of the other's work. SQLite keeps every single write
 * safe either way; this is about two people (or two windows) editing one project unawares.
 *
 * A lock whose process is gone (a crash, a kill) is stale and taken over. A holder on another host
 * (a project on a shared drive) cannot be checked from here and is trusted.
 *
 * Modes: 'hold' claims the project while it is open; 'respect' only refuses to open a project
 * someone else holds (one-off CLI writes); 'ignore' neither (read-only CLI commands, which may
 * run while the app has the project open).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors';
import type { Project } from './store/project';

export type ProjectLockMode = 'hold' | 'respect' | 'ignore';

const KEY = 'writer_lock';

const Holder = z.object({ id: z.string(), pid: z.number().int(), host: z.string(), since: z.string(), app: z.string() });
type Holder = z.infer<typeof Holder>;

/** Whether the process that wrote `holder` may still be running. */
export function holderAlive(holder: Pick<Holder, 'pid' | 'host'>): boolean {
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, just not ours to signal
  }
}

export class ProjectLock {
  private readonly id = randomUUID();

  constructor(
    private readonly mode: ProjectLockMode,
    /** Who we are, for the message another instance shows ("the desktop app", "browser mode"). */
    private readonly app: string,
    private readonly alive: (holder: Pick<Holder, 'pid' | 'host'>) => boolean = holderAlive,
  ) {}

  /** Refuses (AppError 'conflict') when another live Crossread holds `project`; in 'hold' mode, takes it. */
  claim(project: Project): void {
    if (this.mode === 'ignore' || project.readOnly) return;
    project.write((now) => {
      const holder = readHolder(project);
      if (holder && holder.id !== this.id && this.alive(holder)) {
        const where = holder.host === os.hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
        throw new AppError(
          'conflict',
          `${path.basename(project.file)} is open in another Crossread (${holder.app}, ${where}, since ${holder.since.slice(0, 16).replace('T', ' ')} UTC). Close it there first, then open it here.`,
        );
      }
      if (this.mode === 'hold') {
        const mine: Holder = { id: this.id, pid: process.pid, host: os.hostname(), since: now, app: this.app };
        project.meta.set(KEY, JSON.stringify(mine));
      }
    });
  }

  /** Gives the project up (before it is closed), if we hold it. */
  release(project: Project): void {
    if (this.mode !== 'hold' || project.readOnly) return;
    try {
      project.write(() => {
        if (readHolder(project)?.id === this.id) project.meta.set(KEY, '');
      });
    } catch {
      // A project that can no longer be written keeps a lock whose process will be gone: stale, taken over.
    }
  }
}

function readHolder(project: Project): Holder | null {
  const raw = project.meta.get(KEY);
  if (!raw) return null;
  try {
    const parsed = Holder.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
