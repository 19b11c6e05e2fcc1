import { randomUUID } from 'node:crypto';
import type { Tag, TagDescriptionPatch } from '../../../shared/contract';
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

const SELECT = `SELECT t.id, t.name, t.color, t.position, t.parent_id, t.definition, t.use_when, t.avoid_when, t.example, t.favourite,
  t.created_at, t.modified_at,
  (SELECT count(*) FROM annotation_tags at JOIN annotations a ON a.id = at.annotation_id AND a.deleted_at IS NULL
   WHERE at.tag_id = t.id) AS claims
  FROM tags t`;

function toTag(row: DbTag): Tag {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    position: row.position,
    parentId: row.parent_id,
    definition: row.definition,
    useWhen: row.use_when,
    avoidWhen: row.avoid_when,
    example: row.example,
    claims: row.claims,
    favourite: row.favourite === 1,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

export class Tags {
  constructor(private readonly db: Db) {}

  /** Live tags, siblings in their order (shared/tag-tree.ts arranges them as a tree). */
  list(): Tag[] {
    const rows = this.db.prepare(`${SELECT} WHERE t.deleted_at IS NULL ORDER BY t.position, t.name`).all() as DbTag[];
    return rows.map(toTag);
  }

  get(id: string): Tag {
    const row = this.db.prepare(`${SELECT} WHERE t.id = ? AND t.deleted_at IS NULL`).get(id) as DbTag | undefined;
    if (!row) throw new AppError('not-found', 'That tag does not exist (it may have been deleted).');
    return toTag(row);
  }

  /**
   * The id and place of each live tag of `ids` (each once); throws unless every id names one. Cheap
   * on purpose, without the claim counts `get` adds: every claim saved checks its tags here.
   */
  requireAll(ids: readonly string[]): Pick<Tag, 'id' | 'position'>[] {
    const find = this.db.prepare('SELECT id, position FROM tags WHERE id = ? AND deleted_at IS NULL');
    return [...new Set(ids)].map((id) => {
      const row = find.get(id) as Pick<Tag, 'id' | 'position'> | undefined;
      if (!row) throw new AppError('not-found', 'That tag does not exist (it may have been deleted).');
      return row;
    });
  }

  create(name: string, color: string | undefined, now: string, id: string = randomUUID()): Tag {
    const clean = name.trim();
    this.assertNameFree(clean);
    const { n, maxPos } = this.db
      .prepare('SELECT count(*) AS n, coalesce(max(position) FILTER (WHERE parent_id IS NULL), -1) AS maxPos FROM tags WHERE deleted_at IS NULL')
      .get() as { n: number; maxPos: number };
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

  /** Tombstones the tag; claims keep their other tags, its children move up to its parent. */
  delete(id: string, now: string): void {
    const tag = this.get(id);
    this.adoptChildren(tag, tag.parentId, now);
    this.db.prepare('UPDATE tags SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
  }

  /**
   * Nests `id` under `parentId` (null: the top level) at `index` among its new siblings (past the
   * end: last). A parent that is the tag itself or one of its descendants is refused.
   */
  move(id: string, parentId: string | null, index: number | undefined, now: string): void {
    const tag = this.get(id);
    if (parentId !== null) {
      const parent = this.get(parentId);
      if (parentId === id || this.ancestors(parentId).includes(id)) {
        throw new AppError('bad-input', `“${tag.name}” cannot be nested under “${parent.name}”: a tag cannot be its own ancestor.`);
      }
    }
    const siblings = this.children(parentId).filter((s) => s !== id);
    siblings.splice(Math.min(index ?? siblings.length, siblings.length), 0, id);
    if (tag.parentId !== parentId) {
      this.db.prepare('UPDATE tags SET parent_id = ?, modified_at = ? WHERE id = ?').run(parentId, now, id);
    }
    this.renumber(siblings, now);
  }

  /** Writes the codebook fields given; the others stay. */
  describe(id: string, patch: TagDescriptionPatch, now: string): Tag {
    const tag = this.get(id);
    const next = { ...tag, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    if (next.definition === tag.definition && next.useWhen === tag.useWhen && next.avoidWhen === tag.avoidWhen && next.example === tag.example) {
      return tag;
    }
    this.db
      .prepare('UPDATE tags SET definition = ?, use_when = ?, avoid_when = ?, example = ?, modified_at = ? WHERE id = ?')
      .run(next.definition, next.useWhen, next.avoidWhen, next.example, now, id);
    return this.get(id);
  }

  /**
   * Stars or unstars a tag. Its modification time stays: a favourite is the analyst's own choice,
   * not a change to the code system that a colleague's copy should take or conflict with.
   */
  setFavourite(id: string, favourite: boolean): Tag {
    const tag = this.get(id);
    if (tag.favourite === favourite) return tag;
    this.db.prepare('UPDATE tags SET favourite = ? WHERE id = ?').run(favourite ? 1 : 0, id);
    return this.get(id);
  }

  /** The ids of `id`'s ancestors, nearest first. Stops at a cycle a damaged file may hold. */
  ancestors(id: string): string[] {
    const parentOf = this.db.prepare('SELECT parent_id FROM tags WHERE id = ? AND deleted_at IS NULL').pluck();
    const seen: string[] = [];
    let at = parentOf.get(id) as string | null | undefined;
    while (at && !seen.includes(at) && at !== id) {
      seen.push(at);
      at = parentOf.get(at) as string | null | undefined;
    }
    return seen;
  }

  /** Live children of `parentId` (null: the top level) in their order. */
  children(parentId: string | null): string[] {
    return this.db
      .prepare('SELECT id FROM tags WHERE parent_id IS ? AND deleted_at IS NULL ORDER BY position, name')
      .pluck()
      .all(parentId) as string[];
  }

  /** Moves the children of `tag` under `parentId`, after that parent's own children. */
  adoptChildren(tag: Tag, parentId: string | null, now: string): void {
    const moving = this.children(tag.id);
    if (moving.length === 0) return;
    const setParent = this.db.prepare('UPDATE tags SET parent_id = ?, modified_at = ? WHERE id = ?');
    for (const child of moving) setParent.run(parentId, now, child);
    this.renumber([...this.children(parentId).filter((c) => !moving.includes(c) && c !== tag.id), ...moving], now);
  }

  /** Positions `ids` 0, 1, 2…, writing only the rows whose position changes. */
  private renumber(ids: readonly string[], now: string): void {
    const position = this.db.prepare('SELECT position FROM tags WHERE id = ?').pluck();
    const set = this.db.prepare('UPDATE tags SET position = ?, modified_at = ? WHERE id = ?');
    ids.forEach((id, i) => {
      if (position.get(id) !== i) set.run(i, now, id);
    });
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
