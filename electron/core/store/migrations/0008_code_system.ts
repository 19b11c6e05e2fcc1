/**
 * Schema 6: a code system. Tags nest (a parent, any depth, ordered among their siblings by
 * `position`), carry a codebook entry (definition, when to use, when not, an example), and a tag
 * merged into another stays as a tombstone that names its survivor in `merged_into`, so a
 * colleague's claims coded with it follow it to the survivor when their file is merged.
 *
 * The tags' undo triggers of 0005 list the columns they restore, so they are recreated with the new
 * ones: nesting, reordering, describing and merging are then undo steps like any other change.
 */
import { tombstonedTableTriggers } from './0002_links_notes_history';

export const TAG_COLUMNS = [
  'id',
  'name',
  'color',
  'position',
  'parent_id',
  'definition',
  'use_when',
  'avoid_when',
  'example',
  'merged_into',
  'created_at',
  'modified_at',
  'deleted_at',
];

export const sql = `
-- NULL: a top-level tag. The app refuses a parent that is the tag itself or one of its descendants.
ALTER TABLE tags ADD COLUMN parent_id TEXT REFERENCES tags (id);
ALTER TABLE tags ADD COLUMN definition TEXT NOT NULL DEFAULT '';
ALTER TABLE tags ADD COLUMN use_when TEXT NOT NULL DEFAULT '';
ALTER TABLE tags ADD COLUMN avoid_when TEXT NOT NULL DEFAULT '';
ALTER TABLE tags ADD COLUMN example TEXT NOT NULL DEFAULT '';
-- Set on the tombstone of a tag merged into another: the survivor.
ALTER TABLE tags ADD COLUMN merged_into TEXT REFERENCES tags (id);
CREATE INDEX tags_by_parent ON tags (parent_id) WHERE deleted_at IS NULL;

DROP TRIGGER tags_undo_insert;
DROP TRIGGER tags_undo_update;
DROP TRIGGER tags_undo_delete;
${tombstonedTableTriggers('tags', TAG_COLUMNS)}
`;
