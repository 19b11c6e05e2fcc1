/**
 * Schema 5: every change the user makes is an undo step. The journal of 0002 grows to tags, link
 * types (relation_types), document details and deletion, and the clearing of a note; undo steps
 * get a structured label (a kind and its parameters) so each UI language can name them.
 *
 * Documents are journaled by UPDATE only, and only their details and tombstone: their text never
 * changes after import, and an import is not an undo step, so the inverse SQL never carries a
 * document's text. Notes are journaled by UPDATE only too (the app records just the save that
 * clears one); their inverse names the note's modified time, so a note typed again since is never
 * overwritten by an undo: the replay then changes no row and is refused.
 */
import { CURRENT_STEP, lit, logRow, NOW, tombstonedTableTriggers } from './0002_links_notes_history';

const TAG_COLUMNS = ['id', 'name', 'color', 'position', 'created_at', 'modified_at', 'deleted_at'];
const RELATION_COLUMNS = ['id', 'name', 'inverse_name', 'symmetric', 'builtin', 'position', 'created_at', 'modified_at', 'deleted_at'];
/** The document columns an undo step may change (documents.update and documents.delete). */
export const DOCUMENT_UNDO_COLUMNS = ['title', 'outlet', 'author', 'date', 'language', 'deleted_at'];
export const NOTE_UNDO_COLUMNS = ['json', 'text', 'author'];

const assignments = (columns: readonly string[]) =>
  columns.map((c) => `${lit(`"${c}" = `)} || quote(old."${c}")`).join(` || ', ' || `);

export const sql = `
-- NULL for steps recorded before labels were structured: their English label stands.
ALTER TABLE undo_steps ADD COLUMN kind TEXT;
-- A JSON object of the label's parameters (names, quotes, counts).
ALTER TABLE undo_steps ADD COLUMN params TEXT;

${tombstonedTableTriggers('tags', TAG_COLUMNS)}
${tombstonedTableTriggers('relation_types', RELATION_COLUMNS)}

CREATE TRIGGER documents_undo_update AFTER UPDATE ON documents WHEN ${CURRENT_STEP} IS NOT NULL
BEGIN
  ${logRow('documents', 'old.id', `${lit('UPDATE documents SET ')} || ${assignments(DOCUMENT_UNDO_COLUMNS)} || ${lit(`, modified_at = ${NOW} WHERE id = `)} || quote(old.id)`)}
END;

CREATE TRIGGER notes_undo_update AFTER UPDATE ON notes WHEN ${CURRENT_STEP} IS NOT NULL
BEGIN
  ${logRow(
    'notes',
    `old.owner_kind || ':' || old.owner_id`,
    `${lit('UPDATE notes SET ')} || ${assignments(NOTE_UNDO_COLUMNS)} || ${lit(`, modified_at = ${NOW} WHERE owner_kind = `)} || quote(old.owner_kind) || ${lit(' AND owner_id = ')} || quote(old.owner_id) || ${lit(' AND modified_at = ')} || quote(new.modified_at)`,
  )}
END;
`;
