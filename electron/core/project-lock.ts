/**
 * One writer per project. A Crossread that edits a project (the desktop app, browser mode)
 * records itself in the file (project_meta `writer_lock`); another one that wants to write the
 * same file is refused with a message saying who has it, rather than both writing and each showing
 * a stale picture of the other's work. SQLite keeps every single write safe either way; this is
 * about two people (or two windows) editing one project unawares.
 *
 * The holder is identified by more than its process id, which is reused: after a crash the same
 * number may belong to an unrelated process, and in a container every first process is number 1.
 * So the record also carries the host, and (where /proc exists) the boot and the process's start
 * time. A holder on this host whose process is gone, or whose number now belongs to a process
 * started at another time, is stale and taken over silently. A holder on another host (a project
 * on a shared drive, or a container with its own host name) cannot be checked from here: the
 * refusal says so plainly, and the user may take the project over after a warning.
 *
 * Modes: 'hold' claims the project while it is open; 'respect' only refuses to open a project
 * someone else holds (one-off CLI writes); 'ignore' neither (read-only CLI commands, which may
 * run while the app has the project open).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors';
import { log } from './log';
import type { Project } from './store/project';

export type ProjectLockMode = 'hold' | 'respect' | 'ignore';

const KEY = 'writer_lock';

const Holder = z.object({
  id: z.string(),
  pid: z.number().int(),
  host: z.string(),
  since: z.string(),
  app: z.string(),
  /** `<boot id>/<start time in clock ticks>` of the holding process; absent where /proc is not. */
  started: z.string().nullable().optional(),
});
export type Holder = z.infer<typeof Holder>;

export type HolderState = 'alive' | 'gone' | 'elsewhere';

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * When process `pid` started, as `<boot id>/<ticks since boot>`, or null where /proc cannot say.
 * The boot id makes the ticks comparable: after a reboot they restart from zero.
 */
export function processStart(pid: number, procDir = '/proc'): string | null {
  const stat = readProc(path.join(procDir, String(pid), 'stat'));
  const boot = readProc(path.join(procDir, 'sys', 'kernel', 'random', 'boot_id'));
  if (stat === null || boot === null) return null;
  // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = fields[19]; // field 22 of the whole line
  return ticks ? `${boot.trim()}/${ticks}` : null;
}

/** Whether the process that wrote `holder` may still be running. */
export function holderState(holder: Pick<Holder, 'pid' | 'host' | 'started'>, startOf: (pid: number) => string | null = processStart): HolderState {
  if (holder.host !== os.hostname()) return 'elsewhere';
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    // EPERM: alive, just not ours to signal.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return 'gone';
  }
  if (holder.started) {
    const now = startOf(holder.pid);
    // The number now belongs to a process started at another time (or after a reboot): not the holder.
    if (now !== null && now !== holder.started) return 'gone';
  }
  return 'alive';
}

const when = (since: string) => `${since.slice(0, 16).replace('T', ' ')} UTC`;

/** The refusal for a project someone else holds: who, where, since when, and what the user can do. */
export function heldMessage(file: string, holder: Holder, state: Exclude<HolderState, 'gone'>): string {
  const name = path.basename(file);
  if (state === 'elsewhere') {
    return `${name} is held by a Crossread on another computer (${holder.app} on ${holder.host}, process ${holder.pid}, since ${when(holder.since)}). Crossread cannot check from here whether it is still running. Close it there; if it is no longer running (it crashed, or that computer is off), you can take the project over.`;
  }
  return `${name} is open in another Crossread (${holder.app}, process ${holder.pid}, since ${when(holder.since)}). Close it there first, or take the project over.`;
}

export class ProjectLock {
  private readonly id = randomUUID();
  private readonly started: string | null;

  constructor(
    private readonly mode: ProjectLockMode,
    /** Who we are, for the message another instance shows ("the desktop app", "browser mode"). */
    private readonly app: string,
    private readonly state: (holder: Holder) => HolderState = (h) => holderState(h),
  ) {
    this.started = processStart(process.pid);
  }

  /**
   * Refuses (AppError 'locked') when another Crossread that may be running holds `project`, unless
   * `takeOver`; in 'hold' mode, takes it.
   */
  claim(project: Project, takeOver = false): void {
    if (this.mode === 'ignore' || project.readOnly) return;
    // IMMEDIATE: two Crossreads claiming at the same instant queue on the write lock (busy_timeout)
    // instead of one failing to upgrade its read to a write with "database is locked".
    project.database
      .transaction(() => {
        const holder = readHolder(project);
        if (holder && holder.id !== this.id) {
          const state = this.state(holder);
          if (state !== 'gone' && !takeOver) throw new AppError('locked', heldMessage(project.file, holder, state));
          if (state !== 'gone') log.info(`took ${project.file} over from ${holder.app} (process ${holder.pid} on ${holder.host})`);
        }
        if (this.mode === 'hold') {
          const mine: Holder = { id: this.id, pid: process.pid, host: os.hostname(), since: new Date().toISOString(), app: this.app, started: this.started };
          project.meta.set(KEY, JSON.stringify(mine));
        }
      })
      .immediate();
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
