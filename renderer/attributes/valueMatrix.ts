import { compareValues, type Attribute } from '../../shared/attributes';
import type { ApiOutput, Tag } from '../../shared/contract';

export type ValueCell = NonNullable<ApiOutput<'matrix.get'>['byValue']>[number];

export interface ValueMatrix {
  /** The columns: the attribute's values (choices in list order), then "no value" (null) if any claim lacks one. */
  values: (string | null)[];
  rows: { tag: Tag | null; counts: number[]; total: number }[];
  max: number;
}

/** Lays the backend's tag × value counts out as tags (in tag order, then "untagged") by values. */
export function buildValueMatrix(cells: readonly ValueCell[], tags: readonly Tag[], attr: Attribute): ValueMatrix {
  const present = new Set(cells.map((c) => c.value));
  const listed = attr.type === 'choice' ? attr.choices.filter((c) => present.has(c)) : [];
  const others = [...present].filter((v): v is string => v !== null && !listed.includes(v)).sort((a, b) => compareValues(attr.type, a, b, attr.choices));
  const values: (string | null)[] = [...listed, ...others, ...(present.has(null) ? [null] : [])];
  const column = new Map(values.map((v, i) => [v, i]));
  const ordered = [...tags].sort((a, b) => a.position - b.position);
  const rows = [...ordered, null].map((tag) => ({ tag, counts: values.map(() => 0), total: 0 }));
  const rowOf = new Map(rows.map((r) => [r.tag?.id ?? null, r]));
  let max = 0;
  for (const cell of cells) {
    const row = rowOf.get(cell.tagId);
    const col = column.get(cell.value);
    if (!row || col === undefined) continue;
    row.counts[col]! += cell.count;
    row.total += cell.count;
    max = Math.max(max, row.counts[col]!);
  }
  return { values, rows, max };
}
