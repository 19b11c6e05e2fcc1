import type { Db } from '../store/db';

export interface ValueCell {
  /** null: claims with no (live) tag. */
  tagId: string | null;
  /** null: claims whose document has no value. */
  value: string | null;
  count: number;
}

/**
 * The coding matrix with an attribute's values as columns: live claims per tag and per value of
 * `attributeId`. A claim's value is its own override (the source grading only) or else its
 * document's; each claim counts once per tag, and once in the untagged row when it has none.
 */
export function countByValue(db: Db, attributeId: string): ValueCell[] {
  return db
    .prepare(
      `WITH live AS (
         SELECT a.id, a.document_id FROM annotations a JOIN documents d ON d.id = a.document_id AND d.deleted_at IS NULL
         WHERE a.deleted_at IS NULL),
       valued AS (
         SELECT live.id, coalesce(
           (SELECT value FROM attribute_values WHERE owner_kind = 'annotation' AND owner_id = live.id AND attribute_id = @attr AND deleted_at IS NULL),
           (SELECT value FROM attribute_values WHERE owner_kind = 'document' AND owner_id = live.document_id AND attribute_id = @attr AND deleted_at IS NULL)
         ) AS value FROM live),
       tagged AS (
         SELECT valued.id, valued.value, at.tag_id FROM valued
         JOIN annotation_tags at ON at.annotation_id = valued.id
         JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL)
       SELECT tag_id AS tagId, value, count(*) AS count FROM tagged GROUP BY tag_id, value
       UNION ALL
       SELECT NULL, value, count(*) FROM valued WHERE id NOT IN (SELECT id FROM tagged) GROUP BY value
       ORDER BY tagId, value`,
    )
    .all({ attr: attributeId }) as ValueCell[];
}
