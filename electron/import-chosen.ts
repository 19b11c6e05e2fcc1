/**
 * Documents chosen in the native Import dialog are read and imported here, in the main process,
 * one file at a time. Their bytes never cross IPC: sending them to the page and back (as base64)
 * put up to a gigabyte into single IPC messages, past what Electron can carry, and the page had no
 * use for them. The page gets the report and a progress event per file.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { ApiOutput, ApiResponse, ChosenImportResult, ImportProgress } from '../shared/contract';
import { AppError } from './core/errors';
import { readRegularFile } from './core/files/read';
import { IMPORT_LIMITS } from './core/import/types';
import type { Dispatcher } from './ipc';

export type ChosenImport = z.infer<typeof ChosenImportResult>;

export async function importChosenFiles(
  files: readonly string[],
  backend: Dispatcher,
  onProgress: (progress: ImportProgress) => void,
): Promise<ChosenImport> {
  const report: ChosenImport = { imported: [], duplicates: [], failed: [], tooLarge: [] };
  const total = files.length;
  for (const [index, file] of files.entries()) {
    const name = path.basename(file);
    onProgress({ done: index, total, name });
    let bytes: Buffer;
    try {
      const { size } = await stat(file);
      // Not read at all when over the limit: the page explains the limit.
      if (size > IMPORT_LIMITS.maxFileBytes) {
        report.tooLarge.push({ name, size });
        continue;
      }
      // A regular file only (never a device, a pipe or a link out of its folder), the limit
      // checked again while reading: the file may have grown since the dialog.
      bytes = readRegularFile(file, { maxBytes: IMPORT_LIMITS.maxFileBytes, what: 'documents' });
    } catch (error) {
      // The reader's refusals name the file themselves and never quote its content.
      const code = (error as NodeJS.ErrnoException).code;
      const message = error instanceof AppError ? error.message : code === 'ENOENT' ? `${name} does not exist.` : `${name} could not be read (${code ?? 'unknown error'}).`;
      report.failed.push({ name, message });
      continue;
    }
    const answer = (await backend.dispatch('documents.import', {
      files: [{ name, dataBase64: bytes.toString('base64') }],
    })) as ApiResponse<ApiOutput<'documents.import'>>;
    // A refusal of the whole call (no project open, read-only project) stops the batch: every
    // later file would be refused the same way.
    if (!answer.ok) throw new AppError(answer.error.code, answer.error.message);
    report.imported.push(...answer.value.imported);
    report.duplicates.push(...answer.value.duplicates);
    report.failed.push(...answer.value.failed);
  }
  onProgress({ done: total, total, name: '' });
  return report;
}
