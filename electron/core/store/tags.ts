import { randomUUID } from 'node:crypto';
import type { Tag } from '../../../shared/contract';
import { AppError } from '../errors';
import type { Db } from './db';
import type { DbTag } from './rows';

/** The tags every new project starts with, in this order. */
export const DEFAULT_TAGS = [
  { name: 'economic', color: '#e0a100' },
  { name: 'security', color: '#d64545' },
  { name: 'interfaith', color: '#2f9e6e' },
] as const;

/** Colours offered to new tags in turn, chosen to stay readable as translucent highlights. */
const PALETTE = ['#3b7dd8', '#9b59b6', '#e67e22', '#16a2b8', '#c2185b', '#7f8c2d', '#5d6d7e'];

function toTag(row: DbTag): Tag {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    position: row.position,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

export class Tags {
  constructor(private readonly db: Db) {}

  list(): Tag[] {
    const rows = this.db
      .prepare('SELECT id, name, color, position, created_at, modified_at FROM tags WHERE deleted_at IS NULL ORDER BY position, name')
      .all() as DbTag[];
    return rows.map(toTag);
  }

  get(id: string): Tag {
    const row = this.db
      .prepare('SELECT id, name, color, position, created_at, modified_at FROM tags WHERE id = ? AND deleted_at IS NULL')
      .get(id) as DbTag | undefined;
    if (!row) throw new AppError('not-found', 'That tag does not exist (it may have been deleted).');
    return toTag(row);
  }

  /** The live tags of `ids` (each once); throws unless every id names one. */
  requireAll(ids: readonly string[]): Tag[] {
    return [...new Set(ids)].map((id) => this.get(id));
  }

  create(name: string, color: string | undefined, now: string): Tag {
    const clean = name.trim();
    this.assertNameFree(clean);
    const { n, maxPos } = this.db
      .prepare('SELECT count(*) AS n, coalesce(max(position), -1) AS maxPos FROM tags WHERE deleted_at IS NULL')
      .get() as { n: number; maxPos: number };
    const id = randomUUID();
    this.db
      .prepare(
        'INSERT INTO tags (id, name, color, position, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, clean, color ?? PALETTE[n % PALETTE.length]!, maxPos + 1, now, now);
    return this.get(id);
  }

  update(id: string, patch: { name?: string | undefined; color?: string | undefined }, now: string): Tag {
    const current = this.get(id);
    const name = patch.name?.trim() ?? current.name;
    if (name.toLowerCase() !== current.name.toLowerCase()) this.assertNameFree(name);
    this.db
      .prepare('UPDATE tags SET name = ?, color = ?, modified_at = ? WHERE id = ?')
      .run(name, patch.color ?? current.color, now, id);
    return this.get(id);
  }

  /** Tombstones the tag; claims keep their other tags. */
  delete(id: string, now: string): void {
    this.get(id);
    this.db.prepare('UPDATE tags SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
  }

  /** Live claims tagged `id`, and how many of them have no other live tag (they would be left untagged). */
  usage(id: string): { claims: number; onlyTag: number } {
    this.get(id);
    return this.db
      .prepare(
        `SELECT count(*) AS claims,
           coalesce(sum(NOT EXISTS (
             SELECT 1 FROM annotation_tags o JOIN tags t ON t.id = o.tag_id AND t.deleted_at IS NULL
             WHERE o.annotation_id = a.id AND o.tag_id <> ?)), 0) AS onlyTag
         FROM annotation_tags at JOIN annotations a ON a.id = at.annotation_id AND a.deleted_at IS NULL
         WHERE at.tag_id = ?`,
      )
      .get(id, id) as { claims: number; onlyTag: number };
  }

  private assertNameFree(name: string): void {
    // SQLite's lower() folds ASCII only; compare in JS so Cyrillic names clash regardless of case too.
    const clash = (this.db.prepare('SELECT name FROM tags WHERE deleted_at IS NULL').all() as { name: string }[]).find(
      (t) => t.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw new AppError('conflict', `A tag named “${clash.name}” already exists.`);
  }
}
