import type { Db } from './db';

export interface MatrixCell {
  /** null: claims with no (live) tag. */
  tagId: string | null;
  documentId: string;
  count: number;
}

/** How many live claims each tag has in each live document — the coding matrix. */
export class Matrix {
  constructor(private readonly db: Db) {}

  cells(): MatrixCell[] {
    return this.db
      .prepare(
        `WITH live AS (
           SELECT a.id, a.document_id FROM annotations a JOIN documents d ON d.id = a.document_id AND d.deleted_at IS NULL
           WHERE a.deleted_at IS NULL),
         tagged AS (
           SELECT live.id, live.document_id, at.tag_id FROM live
           JOIN annotation_tags at ON at.annotation_id = live.id
           JOIN tags t ON t.id = at.tag_id AND t.deleted_at IS NULL)
         SELECT tag_id AS tagId, document_id AS documentId, count(*) AS count FROM tagged GROUP BY tag_id, document_id
         UNION ALL
         SELECT NULL, document_id, count(*) FROM live WHERE id NOT IN (SELECT id FROM tagged) GROUP BY document_id
         ORDER BY documentId, tagId`,
      )
      .all() as MatrixCell[];
  }
}
