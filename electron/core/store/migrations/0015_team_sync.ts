/**
 * Live team work (electron/core/team). The bridge to a team server must learn what changed locally
 * whatever wrote it — the UI, undo, the CLI, a file or REFI-QDA import — without each write path
 * telling it. Triggers on every table the share file carries append (kind, id) to `sync_changes`.
 * They are created when a project is first bound to a team (installSyncTriggers), not here: a
 * project that is never shared live pays nothing for them on its writes. The bridge deletes the
 * rows it has pushed, and the rows its own applying of colleagues' changes wrote, so what is left
 * is the count of pending changes.
 *
 * `sync_bases` is share_bases per source: what was last exchanged with one team. A file exported
 * to a colleague must not move the team's base (a change not yet synced would then look unchanged,
 * and a colleague's version would silently replace it).
 */
import type { Db } from '../db';

/** Each synced table and the expression naming the changed record in it. */
export const SYNCED_TABLES: readonly { table: string; kind: string; id: string; when?: string }[] = [
  { table: 'annotations', kind: 'annotation', id: 'id' },
  { table: 'annotation_tags', kind: 'annotation', id: 'annotation_id' },
  { table: 'annotation_anchors', kind: 'annotation', id: 'annotation_id' },
  { table: 'orphans', kind: 'annotation', id: 'id' },
  { table: 'links', kind: 'link', id: 'id' },
  { table: 'pending_links', kind: 'link', id: 'id' },
  { table: 'tags', kind: 'tag', id: 'id' },
  { table: 'relation_types', kind: 'relation', id: 'id' },
  { table: 'documents', kind: 'document', id: 'id' },
  { table: 'notes', kind: 'note', id: "owner_kind || ':' || owner_id" },
  { table: 'project_meta', kind: 'summary', id: 'key', when: "key = 'dossier.summary'" },
  { table: 'attributes', kind: 'attribute', id: 'id' },
  { table: 'attribute_values', kind: 'attribute_value', id: 'id' },
  { table: 'hypothesis_analyses', kind: 'hypothesis_analysis', id: 'id' },
  { table: 'hypotheses', kind: 'hypothesis', id: 'id' },
  { table: 'hypothesis_rows', kind: 'hypothesis_row', id: 'id' },
  { table: 'hypothesis_ratings', kind: 'hypothesis_rating', id: 'id' },
  { table: 'cluster_titles', kind: 'cluster_title', id: 'id' },
];

function triggers(t: (typeof SYNCED_TABLES)[number]): string {
  return (['INSERT', 'UPDATE', 'DELETE'] as const)
    .map((op) => {
      const row = op === 'DELETE' ? 'OLD' : 'NEW';
      const id = t.id.replace(/\b(owner_kind|owner_id|annotation_id|id|key)\b/g, `${row}.$1`);
      const when = t.when ? ` WHEN ${t.when.replace(/\bkey\b/, `${row}.key`)}` : '';
      return `CREATE TRIGGER IF NOT EXISTS sync_${t.table}_${op.toLowerCase()} AFTER ${op} ON ${t.table}${when}
BEGIN INSERT INTO sync_changes (kind, id) VALUES ('${t.kind}', ${id}); END;`;
    })
    .join('\n');
}

export const sql = `
CREATE TABLE sync_changes (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  id TEXT NOT NULL
) STRICT;

CREATE TABLE sync_bases (
  source TEXT NOT NULL,
  item_kind TEXT NOT NULL,
  item_id TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  PRIMARY KEY (source, item_kind, item_id)
) STRICT, WITHOUT ROWID;
`;

/** Starts the change log of a project bound to a team (idempotent). */
export function installSyncTriggers(db: Db): void {
  db.exec(SYNCED_TABLES.map(triggers).join('\n'));
}
