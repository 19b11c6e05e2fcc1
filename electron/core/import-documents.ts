import type { ImportResult } from '../../shared/contract';
import { AppError } from './errors';
import { quoted, refuse } from './import/refuse';
import { Isolate, IsolateError, type IsolateLimits } from './isolate';
import { contentHash } from './store/documents';
import type { Project } from './store/project';

export interface ImportProgress {
  /** Files finished so far (imported, duplicate or failed). */
  done: number;
  total: number;
  /** The file just finished. */
  name: string;
}

export interface ImportOptions {
  /** Called after each file. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Cancels the import: the file being read is dropped at once and the files not yet read are
   * reported as failed, each saying it was cancelled. Files already imported stay.
   */
  signal?: AbortSignal;
  /** Limits of the worker that reads the files (see electron/core/isolate). */
  limits?: Partial<IsolateLimits>;
}

/**
 * Imports a batch of files. Each file stands alone: one that fails is reported with its reason and
 * changes nothing; a file whose text is already in the project is reported as a duplicate. The
 * bytes are read in an isolate (a worker with heap and time limits), so a file built to exhaust
 * memory or time is refused and the process carries on. A failure's message names the file once.
 */
export async function importDocuments(
  project: Project,
  files: readonly { name: string; dataBase64: string }[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (project.readOnly) project.write(() => undefined);
  const result: ImportResult = { imported: [], duplicates: [], failed: [] };
  const isolate = new Isolate({ limits: options.limits });
  try {
    for (const [index, file] of files.entries()) {
      // Only the file's own name is kept: a path inside it must never choose anything on disk later.
      const name = file.name.split(/[\\/]/).pop() || 'untitled';
      try {
        if (options.signal?.aborted) throw cancelled(name);
        const doc = await extract(isolate, name, Buffer.from(file.dataBase64, 'base64'), options.signal);
        const existing = project.documents.findByHash(contentHash(doc.text));
        if (existing) result.duplicates.push({ name, existingId: existing.id, title: existing.title });
        else result.imported.push(project.write((now) => project.documents.insert(doc, name, now)));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        result.failed.push({ name, message: err.message });
      }
      options.onProgress?.({ done: index + 1, total: files.length, name });
    }
  } finally {
    await isolate.close();
  }
  return result;
}

async function extract(isolate: Isolate, name: string, bytes: Uint8Array, signal: AbortSignal | undefined) {
  try {
    return await isolate.run('documents.extract', { name, bytes }, { signal });
  } catch (error) {
    if (!(error instanceof IsolateError)) throw error;
    throw refusal(name, error, isolate.limits);
  }
}

const SAVE_AGAIN = 'open it in the program that made it, save it again and import that copy.';

/** What the user reads when the isolate stopped reading a file; never the worker's own message. */
function refusal(name: string, error: IsolateError, limits: Readonly<IsolateLimits>): AppError {
  switch (error.reason) {
    case 'out-of-memory':
      return refuse(
        `${quoted(name)} needs more than the ${String(limits.heapMb)} MB of memory Crossread gives one document, so it was not imported; a file like this is damaged or built to overload the app: ${SAVE_AGAIN}`,
      );
    case 'timeout': {
      const seconds = Math.max(1, Math.round(limits.timeoutMs / 1000));
      return refuse(
        `${quoted(name)} took longer than ${String(seconds)} ${seconds === 1 ? 'second' : 'seconds'} to read, so Crossread stopped and did not import it; if it is very long, split it into smaller files, otherwise it may be damaged or built to overload the app: ${SAVE_AGAIN}`,
      );
    }
    case 'aborted':
      return cancelled(name);
    case 'crashed':
    case 'failed':
      return refuse(`${quoted(name)} could not be read; check that the file opens in another program, or ${SAVE_AGAIN}`);
  }
}

function cancelled(name: string): AppError {
  return refuse(`${quoted(name)} was not imported: the import was cancelled.`);
}
