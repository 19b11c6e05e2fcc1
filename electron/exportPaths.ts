/**
 * In the desktop app a dossier or an annotation file is written only where the user chose in the
 * native save dialog. The page is treated as untrusted: were it compromised, `export.write` or
 * `share.exportTo` with a path of its own
 * could put text it controls into any file the user can write (a shell profile, say). So the
 * shell remembers each path the save dialogs returned and lets one of these writes use it once.
 */
import path from 'node:path';
import type { ApiResponse } from '../shared/contract';
import type { Dispatcher } from './ipc';

export class ApprovedExportPaths {
  private readonly paths = new Set<string>();

  approve(file: string): void {
    this.paths.add(path.resolve(file));
  }

  /** True once for a path the user chose; the approval is used up. */
  consume(file: string): boolean {
    return this.paths.delete(path.resolve(file));
  }
}

/** The API entries that write a file at a path the renderer sends. */
const WRITES_TO_CHOSEN_PATH: ReadonlySet<string> = new Set(['export.write', 'share.exportTo']);

const REFUSED: ApiResponse<never> = {
  ok: false,
  error: { code: 'bad-input', message: 'A file can only be saved to a place chosen in the save dialog. Export again and choose where to save it.' },
};

export function guardExportWrites(backend: Dispatcher, approved: ApprovedExportPaths): Dispatcher {
  return {
    dispatch(name, input) {
      if (WRITES_TO_CHOSEN_PATH.has(name)) {
        const file = typeof input === 'object' && input !== null ? (input as { path?: unknown }).path : undefined;
        if (typeof file !== 'string' || !approved.consume(file)) return Promise.resolve(REFUSED);
      }
      return backend.dispatch(name, input);
    },
  };
}
