/** Test helpers for hostile imports: the project's rows, and the hostile files' builders. */
import Database from 'better-sqlite3';

export { deflateBomb, docxBomb, docxWithDocument, nestedDocumentXml, zipArchive } from '../../fixtures/hostile-docx';

/** Every row of every table of a project file, to prove that a refused import changed nothing. */
export function projectRows(projectPath: string): Record<string, unknown[]> {
  const db = new Database(projectPath, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort()]),
    );
  } finally {
    db.close();
  }
}
