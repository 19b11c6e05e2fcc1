import type { Annotation, ApiOutput, DocumentMeta, Tag } from '../../shared/contract';
import { rootOf, tagTree } from '../../shared/tag-tree';

export type MatrixCell = ApiOutput<'matrix.get'>['cells'][number];

export interface MatrixRow {
  /** null is the "untagged" row. */
  tag: Tag | null;
  /** "economic ▸ sanctions" for a subtag; the tag's name at the top level. */
  label: string;
  /** One count per column, in the order of `MatrixModel.documents`. */
  counts: number[];
  total: number;
}

export interface MatrixModel {
  documents: DocumentMeta[];
  rows: MatrixRow[];
  /** Claims per document, each counted once however many tags it has. */
  columnTotals: number[];
  grandTotal: number;
  /** The largest single cell, for shading. */
  max: number;
}

/**
 * Lays the backend's sparse cells out as tags (in tag order, then "untagged") by documents (in
 * document-list order). Cells naming a tag or document the renderer does not know (deleted a
 * moment ago) are dropped rather than shown under a blank header.
 */
export function buildMatrix(
  cells: readonly MatrixCell[],
  tags: readonly Tag[],
  documents: readonly DocumentMeta[],
  annotations: readonly Annotation[],
  opts: { rollUp?: boolean } = {},
): MatrixModel {
  const column = new Map(documents.map((d, i) => [d.id, i]));
  const tree = tagTree(tags).filter((r) => !opts.rollUp || r.depth === 0);
  const rows: MatrixRow[] = [...tree.map((r) => ({ tag: r.tag, label: r.path })), { tag: null, label: '' }].map((r) => ({ ...r, counts: documents.map(() => 0), total: 0 }));
  const rowOf = new Map<string | null, MatrixRow>(rows.map((r) => [r.tag?.id ?? null, r]));
  let max = 0;
  if (opts.rollUp) {
    // Each claim counts once under each top-level tag it falls in, through the tag itself or any subtag.
    const roots = rootOf(tags);
    for (const a of annotations) {
      const col = column.get(a.documentId);
      if (col === undefined) continue;
      for (const root of new Set(a.tagIds.map((id) => roots.get(id)).filter((r) => r !== undefined))) {
        const row = rowOf.get(root)!;
        row.counts[col] = (row.counts[col] ?? 0) + 1;
        row.total += 1;
        max = Math.max(max, row.counts[col]);
      }
    }
  }
  for (const cell of cells) {
    if (opts.rollUp && cell.tagId !== null) continue;
    const row = rowOf.get(cell.tagId);
    const col = column.get(cell.documentId);
    if (!row || col === undefined) continue;
    row.counts[col] = (row.counts[col] ?? 0) + cell.count;
    row.total += cell.count;
    max = Math.max(max, row.counts[col]);
  }
  const columnTotals = documents.map(() => 0);
  for (const a of annotations) {
    const col = column.get(a.documentId);
    if (col !== undefined) columnTotals[col]! += 1;
  }
  return { documents: [...documents], rows, columnTotals, grandTotal: columnTotals.reduce((s, n) => s + n, 0), max };
}
