import type { Annotation, ApiOutput, DocumentMeta, Tag } from '../../shared/contract';

export type MatrixCell = ApiOutput<'matrix.get'>['cells'][number];

export interface MatrixRow {
  /** null is the "untagged" row. */
  tag: Tag | null;
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
export function buildMatrix(cells: readonly MatrixCell[], tags: readonly Tag[], documents: readonly DocumentMeta[], annotations: readonly Annotation[]): MatrixModel {
  const column = new Map(documents.map((d, i) => [d.id, i]));
  const ordered = [...tags].sort((a, b) => a.position - b.position);
  const rows: MatrixRow[] = [...ordered, null].map((tag) => ({ tag, counts: documents.map(() => 0), total: 0 }));
  const rowOf = new Map<string | null, MatrixRow>(rows.map((r) => [r.tag?.id ?? null, r]));
  let max = 0;
  for (const cell of cells) {
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
