import { AppError } from '../errors';
import type { Db } from './db';
import type { Tags } from './tags';

/**
 * Recoding a tag's claims: moving them all to another tag, or merging the tag into another.
 * Every row goes through the journaled tables, so each is one undo step in the caller's transaction.
 */
export class TagRecoding {
  constructor(
    private readonly db: Db,
    private readonly tags: Tags,
  ) {}

  /**
   * Gives every live claim of `sourceId` the tag `targetId` instead; a claim that already had the
   * target keeps it once. Answers how many claims changed.
   */
  moveClaims(sourceId: string, targetId: string, now: string): number {
    const [source, target] = this.pair(sourceId, targetId);
    const claims = this.db
      .prepare(
        `SELECT at.annotation_id FROM annotation_tags at JOIN annotations a ON a.id = at.annotation_id AND a.deleted_at IS NULL
         WHERE at.tag_id = ?`,
      )
      .pluck()
      .all(source.id) as string[];
    const remove = this.db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id = ?');
    const add = this.db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    const touch = this.db.prepare('UPDATE annotations SET modified_at = ? WHERE id = ?');
    for (const claim of claims) {
      remove.run(claim, source.id);
      add.run(claim, target.id);
      touch.run(now, claim);
    }
    return claims.length;
  }

  /**
   * Merges `sourceId` into `targetId`: the claims move, the source's children move under the target,
   * and the source becomes a tombstone naming the target, so a colleague's claims follow it on merge.
   */
  merge(sourceId: string, targetId: string, now: string): number {
    const [source, target] = this.pair(sourceId, targetId);
    const moved = this.moveClaims(source.id, target.id, now);
    // Merging a tag into one of its own descendants: the target first takes the source's place.
    if (this.tags.ancestors(target.id).includes(source.id)) {
      const siblings = this.tags.children(source.parentId);
      this.tags.move(target.id, source.parentId, siblings.indexOf(source.id), now);
    }
    this.tags.adoptChildren(source, target.id, now);
    this.db.prepare('UPDATE tags SET merged_into = ?, deleted_at = ?, modified_at = ? WHERE id = ?').run(target.id, now, now, source.id);
    return moved;
  }

  private pair(sourceId: string, targetId: string) {
    const source = this.tags.get(sourceId);
    const target = this.tags.get(targetId);
    if (source.id === target.id) throw new AppError('bad-input', `“${source.name}” cannot be merged with itself: choose another tag.`);
    return [source, target] as const;
  }
}
