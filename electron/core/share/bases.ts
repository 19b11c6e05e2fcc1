import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db';

/** The kinds of item a merge compares; `note` ids are `annotation:<id>` or `link:<id>`. */
export type ItemKind = 'annotation' | 'link' | 'note' | 'tag' | 'relation' | 'document' | 'summary' | 'attribute' | 'attribute_value'
  | 'hypothesis_analysis' | 'hypothesis' | 'hypothesis_row' | 'hypothesis_rating' | 'cluster_title';

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

/**
 * The merge bases: table share_bases (migration 0004) for files, or, with a `source`, the bases
 * kept for one live team in sync_bases (migration 0015), which files never move.
 */
export class Bases {
  /**
   * Every base, read in one query on first use: a merge or an export of 10,000 claims asks for or
   * records a base per item, and one lookup each was a large share of an import.
   */
  private known: Map<string, string> | null = null;
  private upsert: Statement | null = null;

  constructor(
    private readonly db: Db,
    private readonly source: string | null = null,
  ) {}

  private all(): Map<string, string> {
    if (!this.known) {
      const rows = (
        this.source === null
          ? this.db.prepare('SELECT item_kind, item_id, modified_at FROM share_bases').all()
          : this.db.prepare('SELECT item_kind, item_id, modified_at FROM sync_bases WHERE source = ?').all(this.source)
      ) as { item_kind: string; item_id: string; modified_at: string }[];
      this.known = new Map(rows.map((r) => [key(r.item_kind, r.item_id), r.modified_at]));
    }
    return this.known;
  }

  get(kind: ItemKind, id: string): string | undefined {
    return this.all().get(key(kind, id));
  }

  /** Records the exchanged version without looking at the others (for a handful of items). */
  put(kind: ItemKind, id: string, modified: string): void {
    this.known?.set(key(kind, id), modified);
    this.write(kind, id, modified);
  }

  /** Records the exchanged version; writes nothing when it is already recorded. */
  set(kind: ItemKind, id: string, modified: string): void {
    const known = this.all();
    const k = key(kind, id);
    if (known.get(k) === modified) return;
    known.set(k, modified);
    this.write(kind, id, modified);
  }

  private write(kind: ItemKind, id: string, modified: string): void {
    if (this.source === null) {
      this.upsert ??= this.db.prepare(
        `INSERT INTO share_bases (item_kind, item_id, modified_at) VALUES (?, ?, ?)
         ON CONFLICT (item_kind, item_id) DO UPDATE SET modified_at = excluded.modified_at`,
      );
      this.upsert.run(kind, id, modified);
    } else {
      this.upsert ??= this.db.prepare(
        `INSERT INTO sync_bases (source, item_kind, item_id, modified_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (source, item_kind, item_id) DO UPDATE SET modified_at = excluded.modified_at`,
      );
      this.upsert.run(this.source, kind, id, modified);
    }
  }
}

const key = (kind: string, id: string) => `${kind}\u0000${id}`;
