import { randomUUID } from 'node:crypto';
import type { RelationType } from '../../../shared/contract';
import { AppError } from '../errors';
import type { Db } from './db';
import type { DbRelationType } from './rows';

const COLUMNS = 'id, name, inverse_name, symmetric, builtin, position, created_at, modified_at';

function toRelation(row: DbRelationType): RelationType {
  return {
    id: row.id,
    name: row.name,
    inverseName: row.inverse_name,
    symmetric: row.symmetric === 1,
    builtin: row.builtin,
    position: row.position,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

/**
 * The kinds of link between claims. Four built-ins come with every project (migration 0002, with
 * the same ids everywhere): they can be renamed, but not deleted nor made (a)symmetric, since their
 * meaning is what the UI and exports rely on. A user's own type can be deleted once no live link
 * uses it. A symmetric type reads the same both ways, so its inverse name is its name.
 */
export class Relations {
  constructor(private readonly db: Db) {}

  list(): RelationType[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM relation_types WHERE deleted_at IS NULL ORDER BY position, name`)
      .all() as DbRelationType[];
    return rows.map(toRelation);
  }

  get(id: string): RelationType {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM relation_types WHERE id = ? AND deleted_at IS NULL`).get(id) as
      | DbRelationType
      | undefined;
    if (!row) throw new AppError('not-found', 'That relation does not exist (it may have been deleted).');
    return toRelation(row);
  }

  create(input: { name: string; inverseName?: string | undefined; symmetric: boolean }, now: string): RelationType {
    const name = input.name.trim();
    this.assertNameFree(name, null);
    const inverse = input.symmetric ? name : (input.inverseName?.trim() ?? name);
    const { maxPos } = this.db
      .prepare('SELECT coalesce(max(position), -1) AS maxPos FROM relation_types WHERE deleted_at IS NULL')
      .get() as { maxPos: number };
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO relation_types (id, name, inverse_name, symmetric, builtin, position, created_at, modified_at)
         VALUES (?, ?, ?, ?, NULL, ?, ?, ?)`,
      )
      .run(id, name, inverse, input.symmetric ? 1 : 0, maxPos + 1, now, now);
    return this.get(id);
  }

  update(
    id: string,
    patch: { name?: string | undefined; inverseName?: string | undefined; symmetric?: boolean | undefined },
    now: string,
  ): RelationType {
    const current = this.get(id);
    const name = patch.name?.trim() ?? current.name;
    if (name.toLowerCase() !== current.name.toLowerCase()) this.assertNameFree(name, id);
    const symmetric = patch.symmetric ?? current.symmetric;
    if (current.builtin && symmetric !== current.symmetric) {
      throw new AppError('bad-input', `“${current.name}” is a built-in relation: it can be renamed, but whether it reads the same both ways cannot change.`);
    }
    if (symmetric && !current.symmetric) this.assertNoMirroredLinks(current);
    let inverse = patch.inverseName?.trim() ?? current.inverseName;
    if (symmetric) inverse = name;
    else if (current.symmetric && patch.inverseName === undefined) inverse = name;
    this.db
      .prepare('UPDATE relation_types SET name = ?, inverse_name = ?, symmetric = ?, modified_at = ? WHERE id = ?')
      .run(name, inverse, symmetric ? 1 : 0, now, id);
    return this.get(id);
  }

  delete(id: string, now: string): void {
    const current = this.get(id);
    if (current.builtin) throw new AppError('conflict', `“${current.name}” is a built-in relation; it can be renamed but not deleted.`);
    const { n } = this.db.prepare('SELECT count(*) AS n FROM links WHERE relation_id = ? AND deleted_at IS NULL').get(id) as { n: number };
    if (n > 0) {
      throw new AppError(
        'conflict',
        `“${current.name}” is used by ${n} link${n === 1 ? '' : 's'}. Change ${n === 1 ? 'it' : 'them'} to another relation or delete ${n === 1 ? 'it' : 'them'} first.`,
      );
    }
    this.db.prepare('UPDATE relation_types SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
  }

  private assertNameFree(name: string, self: string | null): void {
    // SQLite's lower() folds ASCII only; compare in JS so Cyrillic names clash regardless of case too.
    const clash = (this.db.prepare('SELECT id, name FROM relation_types WHERE deleted_at IS NULL').all() as { id: string; name: string }[]).find(
      (r) => r.id !== self && r.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw new AppError('conflict', `A relation named “${clash.name}” already exists.`);
  }

  /** A type becoming symmetric must not leave two live links a→b and b→a that would then mean the same. */
  private assertNoMirroredLinks(relation: RelationType): void {
    const mirrored = this.db
      .prepare(
        `SELECT 1 FROM links a JOIN links b ON b.from_id = a.to_id AND b.to_id = a.from_id AND b.relation_id = a.relation_id
         WHERE a.relation_id = ? AND a.deleted_at IS NULL AND b.deleted_at IS NULL LIMIT 1`,
      )
      .get(relation.id);
    if (mirrored) {
      throw new AppError('conflict', `Some claims are linked by “${relation.name}” in both directions; delete one of each pair before making it symmetric.`);
    }
  }
}
