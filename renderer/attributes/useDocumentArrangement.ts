import { useMemo, useState } from 'react';
import { compareValues } from '../../shared/attributes';
import type { DocumentMeta } from '../../shared/contract';
import { useAttributes } from './AttributesContext';

export interface DocumentGroup {
  /** The group's value; undefined for documents without one (and for the one group when not grouping). */
  value: string | undefined;
  documents: DocumentMeta[];
}

/**
 * The document list sorted by an attribute and grouped by one. Documents without a value sort last
 * and form the last group; ties keep the import order.
 */
export function useDocumentArrangement(documents: readonly DocumentMeta[]) {
  const attrs = useAttributes();
  const [sortBy, setSortBy] = useState<string | null>(null);
  const [groupBy, setGroupBy] = useState<string | null>(null);
  const sortAttr = attrs.attributes.find((a) => a.id === sortBy) ?? null;
  const groupAttr = attrs.attributes.find((a) => a.id === groupBy) ?? null;
  const groups = useMemo((): DocumentGroup[] => {
    const order = new Map(documents.map((d, i) => [d.id, i]));
    const sorted = sortAttr
      ? [...documents].sort(
          (a, b) =>
            compareValues(sortAttr.type, attrs.documentValue(a.id, sortAttr.id), attrs.documentValue(b.id, sortAttr.id), sortAttr.choices) ||
            order.get(a.id)! - order.get(b.id)!,
        )
      : [...documents];
    if (!groupAttr) return [{ value: undefined, documents: sorted }];
    const byValue = new Map<string | undefined, DocumentMeta[]>();
    for (const d of sorted) {
      const v = attrs.documentValue(d.id, groupAttr.id);
      byValue.set(v, [...(byValue.get(v) ?? []), d]);
    }
    return [...byValue.entries()]
      .sort(([a], [b]) => compareValues(groupAttr.type, a, b, groupAttr.choices))
      .map(([value, docs]) => ({ value, documents: docs }));
  }, [documents, sortAttr, groupAttr, attrs]);
  return { groups, sortBy: sortAttr?.id ?? null, setSortBy, groupBy: groupAttr?.id ?? null, groupAttr, setGroupBy };
}
