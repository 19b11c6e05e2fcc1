import { useMemo } from 'react';
import type { ClaimRow } from '../browser/claimRows';
import { groupByCluster, type GroupedRow } from './groupRows';
import { useClusterStore } from './store';
import { useClusters } from './useClusters';

/** The browser's rows grouped by cluster while that option is on; ungrouped, each claim is a row of its own. */
export function useGroupedRows(rows: readonly ClaimRow[]): GroupedRow[] {
  const clusters = useClusters();
  const grouped = useClusterStore((s) => s.groupByCluster);
  return useMemo(
    () => (grouped ? groupByCluster(rows, clusters) : rows.map((row) => ({ kind: 'claim' as const, key: row.annotation.id, row }))),
    [grouped, rows, clusters],
  );
}
