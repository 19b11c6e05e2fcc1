/**
 * Favourite tags: the ones the claim popover gives the number keys 1–9 to, once any are starred.
 * A personal choice of the analyst, not part of the code system: the share file leaves it out and a
 * merge never changes it. Starring is an undo step, so the tags' undo triggers are made again with
 * the new column (as in 0008).
 */
import { tombstonedTableTriggers } from './0002_links_notes_history';
import { TAG_COLUMNS } from './0008_code_system';

export const TAG_COLUMNS_WITH_FAVOURITE = [...TAG_COLUMNS, 'favourite'];

export const sql = `
ALTER TABLE tags ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1));

DROP TRIGGER tags_undo_insert;
DROP TRIGGER tags_undo_update;
DROP TRIGGER tags_undo_delete;
${tombstonedTableTriggers('tags', TAG_COLUMNS_WITH_FAVOURITE)}
`;
