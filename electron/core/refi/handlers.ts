/**
 * The API handlers of REFI-QDA exchange: the project as a `.qdpx` (a download in browser mode, a
 * file the native Save dialog chose on the desktop) and importing one, preview or apply. The file is
 * read in an isolate (electron/core/isolate): a project built to exhaust memory or time costs one
 * refusal, and the app carries on.
 */
import path from 'node:path';
import type { ApiName, ApiOutput, ApiParsedInput } from '../../../shared/contract';
import { REFI_PROJECT_EXTENSION } from '../../../shared/refi';
import { AppError } from '../errors';
import { writeFileAtomic } from '../export/index';
import { readRegularFile } from '../files/read';
import { Isolate, IsolateError } from '../isolate';
import type { Project } from '../store/project';
import { exportQdpx } from './export';
import { applyRefi } from './import';
import { REFI_LIMITS } from './limits';
import type { RefiFile } from './model';

type RefiName = Extract<ApiName, `refi.${string}`>;
export type RefiHandlers = { [N in RefiName]: (input: ApiParsedInput<N>) => Promise<ApiOutput<N>> };

/** Room for the largest project the limits allow, and a refusal well before a user gives up waiting. */
const READ_LIMITS = { heapMb: 1024, timeoutMs: REFI_LIMITS.maxMs + 5_000 };

/** Reads a .qdpx in an isolate; what stopped it is told in words, never with the worker's own message. */
export async function readQdpxIsolated(bytes: Uint8Array): Promise<RefiFile> {
  const isolate = new Isolate({ limits: READ_LIMITS });
  try {
    return await isolate.run('refi.read', { bytes });
  } catch (error) {
    if (!(error instanceof IsolateError)) throw error;
    const why =
      error.reason === 'out-of-memory'
        ? `it needs more than the ${READ_LIMITS.heapMb} MB of memory Crossread gives one file`
        : error.reason === 'timeout'
          ? `reading it took longer than ${Math.round(READ_LIMITS.timeoutMs / 1000)} seconds`
          : 'it could not be read (it may be damaged)';
    throw new AppError('bad-input', `This REFI-QDA project cannot be read: ${why}. Nothing was imported.`);
  } finally {
    await isolate.close();
  }
}

/** The file name of a project's .qdpx: the project's own name, no folder in it. */
export function qdpxFileName(project: Project): string {
  return `${project.info().name}${REFI_PROJECT_EXTENSION}`;
}

export function refiHandlers(requireProject: () => Project, author: () => string): RefiHandlers {
  return {
    'refi.export': async () => {
      const p = requireProject();
      const data = await exportQdpx(p);
      return { fileName: qdpxFileName(p), mime: 'application/zip', dataBase64: data.toString('base64') };
    },
    'refi.exportTo': async ({ path: file }) => {
      const target = file.toLowerCase().endsWith(REFI_PROJECT_EXTENSION) ? file : `${file}${REFI_PROJECT_EXTENSION}`;
      const data = await exportQdpx(requireProject());
      writeFileAtomic(target, data);
      return { path: target, bytes: data.length };
    },
    'refi.import': async ({ file, path: filePath, dryRun }) => {
      const p = requireProject();
      // A regular file only, its size checked while reading: never a device, a pipe or a link out of its folder.
      const bytes = file ? Buffer.from(file.dataBase64, 'base64') : readRegularFile(filePath!, { maxBytes: REFI_LIMITS.maxFileBytes, what: 'REFI-QDA projects' });
      const name = file ? file.name : path.basename(filePath!);
      const read = await readQdpxIsolated(bytes);
      // The project may have been closed or switched while the file was read.
      if (requireProject() !== p) throw new AppError('conflict', 'The project was closed while the REFI-QDA file was being read; nothing was imported.');
      return applyRefi(p, read, name.split(/[\\/]/).pop() || 'project.qdpx', author(), dryRun);
    },
  };
}
