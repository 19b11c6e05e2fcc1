import { useDeferredValue, useMemo } from 'react';
import { tagTree } from '../../shared/tag-tree';
import { useWorkspace } from '../app/workspace';
import { buildRows, filterRows, sortRows, type ClaimRow } from './claimRows';
import { useClaimFilters } from './filters';
import { useAttributes } from '../attributes/AttributesContext';

/**
 * The claims the browser lists, filtered and sorted, and how many the project has in all. Each stage is memoised on what it reads: the
 * rows are rebuilt only when the project's data changes, sorting only when the sort changes, and
 * typing in the search box only re-runs the filter — deferred, so the box stays responsive while a
 * long list catches up.
 */
export function useClaimRows(): { rows: ClaimRow[]; total: number; appliedKey: string } {
  const { state } = useWorkspace();
  const { filters, sort } = useClaimFilters();
  const all = useMemo(() => buildRows(state.annotations, state.documents, state.tags, state.links), [state.annotations, state.documents, state.tags, state.links]);
  const sorted = useMemo(() => sortRows(all, sort), [all, sort]);
  const { attributes, claimValue } = useAttributes();
  const known = useMemo(
    () => ({
      tagIds: new Set(state.tags.map((t) => t.id)),
      documentIds: new Set(state.documents.map((d) => d.id)),
      attributeIds: new Set(attributes.map((a) => a.id)),
      within: new Map(tagTree(state.tags).map((r) => [r.tag.id, new Set([r.tag.id, ...r.descendants])])),
    }),
    [state.tags, state.documents, attributes],
  );
  const deferred = useDeferredValue(filters);
  const rows = useMemo(
    () => filterRows(sorted, deferred, known, (row, id) => claimValue(row.annotation.id, row.annotation.documentId, id)),
    [sorted, deferred, known, claimValue],
  );
  // Names the list's current filter and sort, so the view can start from the top when it changes.
  const appliedKey = useMemo(() => JSON.stringify([deferred, sort]), [deferred, sort]);
  return { rows, total: all.length, appliedKey };
}
