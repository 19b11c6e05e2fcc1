import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db';

/** The kinds of item a merge compares; `note` ids are `annotation:<id>` or `link:<id>`. */
export type ItemKind = 'annotation' | 'link' | 'note' | 'tag' | 'relation' | 'document' | 'summary';

/**
 * What a merge does with one item, given the modified time of the version last exchanged with a
 * colleague (the base), this project's version and the file's. Versions with the same content are
 * always `same`. Without a base, both sides count as changed.
 */
export type Decision = 'same' | 'keep' | 'take' | 'conflict-take' | 'conflict-keep';

export function decide(base: string | undefined, mine: string, theirs: string, sameContent: boolean): Decision {
  if (sameContent) return 'same';
  const theirsChanged = base === undefined || theirs !== base;
  const mineChanged = base === undefined || mine !== base;
  if (!theirsChanged) return 'keep';
  if (!mineChanged) return 'take';
  // Both changed: the newer wins; on a tie, this project's version stays.
  return theirs > mine ? 'conflict-take' : 'conflict-keep';
}

/** The merge bases (table share_bases, migration 0004). */
export class Bases {
  // Prepared once: a merge or an export of 10,000 claims reads or writes a base per item.
  private readonly select: Statement;
  private readonly upsert: Statement;

  constructor(db: Db) {
    this.select = db.prepare('SELECT modified_at FROM share_bases WHERE item_kind = ? AND item_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO share_bases (item_kind, item_id, modified_at) VALUES (?, ?, ?)
       ON CONFLICT (item_kind, item_id) DO UPDATE SET modified_at = excluded.modified_at WHERE modified_at <> excluded.modified_at`,
    );
  }

  get(kind: ItemKind, id: string): string | undefined {
    // The mode is set on each use: the statement may be shared (a connection-wide statement cache).
    return this.select.pluck().get(kind, id) as string | undefined;
  }

  /** Records the exchanged version; writes nothing when it is already recorded. */
  set(kind: ItemKind, id: string, modified: string): void {
    this.upsert.run(kind, id, modified);
  }
}
