/**
 * In the desktop app, files named by the page are only written or read where the user chose in a
 * native dialog. The page is treated as untrusted: were it compromised, `export.write` or
 * `share.exportTo` with a path of its own could put text it controls into any file the user can
 * write (a shell profile, say), and `share.import` with a path of its own could make the backend
 * read any file and report on it. So the shell remembers each path the dialogs returned:
 * - a path from a save dialog allows one write to it;
 * - a path from the annotation-file (or REFI-QDA project) open dialog allows any number of previews
 *   (dry runs) and one import that applies.
 */
import path from 'node:path';
import type { ApiResponse } from '../shared/contract';
import type { Dispatcher } from './ipc';

/** What the dialogs report: each path the user chose to save to or to open. */
export interface PathApprovals {
  write(file: string): void;
  read(file: string): void;
}

export class ChosenPaths implements PathApprovals {
  private readonly writes = new Set<string>();
  private readonly reads = new Set<string>();

  write(file: string): void {
    this.writes.add(path.resolve(file));
  }

  read(file: string): void {
    this.reads.add(path.resolve(file));
  }

  /** True once for a path chosen in a save dialog; the approval is used up. */
  consumeWrite(file: string): boolean {
    return this.writes.delete(path.resolve(file));
  }

  /** True for a path chosen in an open dialog; `last` uses the approval up. */
  allowRead(file: string, last: boolean): boolean {
    const key = path.resolve(file);
    return last ? this.reads.delete(key) : this.reads.has(key);
  }
}

/** The API entries that write a file at a path the renderer sends. */
export const WRITES_TO_CHOSEN_PATH: ReadonlySet<string> = new Set(['export.write', 'codebook.write', 'share.exportTo', 'project.create', 'agreement.write', 'refi.exportTo', 'figure.write']);

/**
 * The API entries that read a file at a path the renderer sends: previews (dryRun) as often as
 * needed and one call that applies; a project, once chosen, may be opened again (the second try
 * that takes over a lock held by a closed app).
 */
export const READS_FROM_CHOSEN_PATH: ReadonlySet<string> = new Set(['share.import', 'share.startImport', 'refi.import', 'project.open']);

const refused = (message: string): Promise<ApiResponse<never>> => Promise.resolve({ ok: false, error: { code: 'bad-input', message } });

function fieldOf(input: unknown, key: string): unknown {
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
}

export function guardChosenPaths(backend: Dispatcher, chosen: ChosenPaths): Dispatcher {
  return {
    dispatch(name, input) {
      if (WRITES_TO_CHOSEN_PATH.has(name)) {
        const file = fieldOf(input, 'path');
        if (typeof file !== 'string' || !chosen.consumeWrite(file)) {
          return refused('A file can only be saved to a place chosen in the save dialog. Export again and choose where to save it.');
        }
      }
      // An import sent as the file's bytes (browser mode's file input) names no path: nothing to check.
      const file = READS_FROM_CHOSEN_PATH.has(name) ? fieldOf(input, 'path') : undefined;
      if (file !== undefined) {
        // The contract's default: an import without dryRun only previews. Opening a project uses nothing up.
        const applies = name !== 'project.open' && fieldOf(input, 'dryRun') === false;
        if (typeof file !== 'string' || !chosen.allowRead(file, applies)) {
          return refused(
            name === 'project.open'
              ? 'A project can only be opened from a place chosen in the open dialog or the list of recent projects.'
              : 'An annotation file can only be read from a place chosen in the open dialog. Import again and choose the file.',
          );
        }
      }
      return backend.dispatch(name, input);
    },
  };
}
