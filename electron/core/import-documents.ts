import type { ImportResult } from '../../shared/contract';
import { AppError } from './errors';
import { extractDocument } from './import';
import { contentHash } from './store/documents';
import type { Project } from './store/project';

/**
 * Imports a batch of files. Each file stands alone: one that fails is reported with its reason and
 * changes nothing; a file whose text is already in the project is reported as a duplicate.
 */
export async function importDocuments(
  project: Project,
  files: readonly { name: string; dataBase64: string }[],
): Promise<ImportResult> {
  if (project.readOnly) project.write(() => undefined);
  const result: ImportResult = { imported: [], duplicates: [], failed: [] };
  for (const file of files) {
    // Only the file's own name is kept: a path inside it must never choose anything on disk later.
    const name = file.name.split(/[\\/]/).pop() || 'untitled';
    try {
      const doc = await extractDocument({ name, bytes: Buffer.from(file.dataBase64, 'base64') });
      const existing = project.documents.findByHash(contentHash(doc.text));
      if (existing) {
        result.duplicates.push({ name, existingId: existing.id, title: existing.title });
        continue;
      }
      result.imported.push(project.write((now) => project.documents.insert(doc, name, now)));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.failed.push({ name, message: err.message });
    }
  }
  return result;
}
