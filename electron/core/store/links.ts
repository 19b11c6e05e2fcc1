import { randomUUID } from 'node:crypto';
import type { Link } from '../../../shared/contract';
import { AppError } from '../errors';
import type { Db } from './db';
import type { Relations } from './relations';
import type { DbLink } from './rows';

const SELECT = `SELECT l.id, l.from_id, l.to_id, l.relation_id, l.author, l.created_at, l.modified_at,
    coalesce(n.text, '') AS note_text
  FROM links l LEFT JOIN notes n ON n.owner_kind = 'link' AND n.owner_id = l.id`;

function toLink(row: DbLink): Link {
  return {
    id: row.id,
    fromId: row.from_id,
    toId: row.to_id,
    relationId: row.relation_id,
    noteText: row.note_text,
    author: row.author,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

/** Links between two claims, of one relation type. Deleting one leaves a tombstone. */
export class Links {
  constructor(
    private readonly db: Db,
    private readonly relations: Relations,
  ) {}

  /** Every live link, or those touching one claim, oldest first. */
  list(annotationId?: string): Link[] {
    const rows = annotationId
      ? (this.db
          .prepare(`${SELECT} WHERE l.deleted_at IS NULL AND (l.from_id = ? OR l.to_id = ?) ORDER BY l.created_at, l.rowid`)
          .all(annotationId, annotationId) as DbLink[])
      : (this.db.prepare(`${SELECT} WHERE l.deleted_at IS NULL ORDER BY l.created_at, l.rowid`).all() as DbLink[]);
    return rows.map(toLink);
  }

  get(id: string): Link {
    const row = this.db.prepare(`${SELECT} WHERE l.id = ? AND l.deleted_at IS NULL`).get(id) as DbLink | undefined;
    if (!row) throw new AppError('not-found', 'That link does not exist (it may have been deleted).');
    return toLink(row);
  }

  create(input: { fromId: string; toId: string; relationId: string }, author: string, now: string, id: string = randomUUID()): Link {
    if (input.fromId === input.toId) throw new AppError('bad-input', 'A claim cannot be linked to itself.');
    this.requireLiveClaims(input.fromId, input.toId);
    this.assertNotDuplicate(input.fromId, input.toId, input.relationId, null);
    this.db
      .prepare(
        `INSERT INTO links (id, from_id, to_id, relation_id, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.fromId, input.toId, input.relationId, author, now, now);
    // Built from what was just written (a new link has no note yet) instead of read back.
    return { id, fromId: input.fromId, toId: input.toId, relationId: input.relationId, noteText: '', author, createdAt: now, modifiedAt: now };
  }

  /** Changes the relation of a link. */
  update(id: string, relationId: string, now: string): Link {
    const current = this.get(id);
    if (current.relationId === relationId) return current;
    this.assertNotDuplicate(current.fromId, current.toId, relationId, id);
    this.db.prepare('UPDATE links SET relation_id = ?, modified_at = ? WHERE id = ?').run(relationId, now, id);
    return this.get(id);
  }

  delete(id: string, now: string): void {
    this.get(id);
    this.db.prepare('UPDATE links SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
  }

  /** Tombstones the live links touching any claim of `annotationIds` (their claims are being deleted). */
  deleteTouching(annotationIds: readonly string[], now: string): void {
    const stmt = this.db.prepare(
      'UPDATE links SET deleted_at = ?, modified_at = ? WHERE deleted_at IS NULL AND (from_id = ? OR to_id = ?)',
    );
    for (const a of annotationIds) stmt.run(now, now, a, a);
  }

  /** Both ends (two different claims) must be live claims of live documents; one query for the pair. */
  private requireLiveClaims(fromId: string, toId: string): void {
    const live = this.db
      .prepare(
        `SELECT count(*) FROM annotations a JOIN documents d ON d.id = a.document_id AND d.deleted_at IS NULL
         WHERE a.id IN (?, ?) AND a.deleted_at IS NULL`,
      )
      .pluck()
      .get(fromId, toId) as number;
    if (live !== 2) throw new AppError('not-found', 'One of the claims to link does not exist (it may have been deleted).');
  }

  /** One live link per claim pair and relation; a symmetric relation reads the same both ways. */
  private assertNotDuplicate(fromId: string, toId: string, relationId: string, self: string | null): void {
    const relation = this.relations.get(relationId);
    // One lookup per direction by the claims' own index: left to itself SQLite chose the partial
    // index on relation_id and scanned every link of the relation, which made adding links
    // quadratic (the Store benchmark showed it). The unary + keeps it off that index.
    const find = this.db.prepare(
      'SELECT id FROM links WHERE from_id = ? AND to_id = ? AND +relation_id = ? AND deleted_at IS NULL AND id IS NOT ?',
    );
    const clash = find.get(fromId, toId, relationId, self) ?? (relation.symmetric ? find.get(toId, fromId, relationId, self) : undefined);
    if (clash) {
      throw new AppError(
        'conflict',
        relation.symmetric
          ? `These claims are already linked by “${relation.name}” (it reads the same both ways).`
          : `These claims are already linked by “${relation.name}”.`,
      );
    }
  }
}
