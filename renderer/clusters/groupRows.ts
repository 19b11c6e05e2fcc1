import { shownTitle, type ClusterInfo } from '../../shared/cluster-api';
import type { ClaimRow } from '../browser/claimRows';

/** A row of the claim browser grouped by cluster: a cluster's header, the unclustered header, or a claim. */
export type GroupedRow =
  | { kind: 'cluster'; key: string; title: string; sources: number; cluster: ClusterInfo }
  | { kind: 'unclustered'; key: string }
  | { kind: 'claim'; key: string; row: ClaimRow };

/**
 * The browser's rows under their clusters: each cluster with a shown claim gets a header (in the
 * clusters' order, earliest first) followed by its claims in the browser's sort order; the claims
 * in no cluster follow under a header of their own. Filters apply to claims, not to clusters.
 */
export function groupByCluster(rows: readonly ClaimRow[], clusters: readonly ClusterInfo[]): GroupedRow[] {
  const clusterOf = new Map<string, string>();
  for (const c of clusters) for (const id of c.memberIds) clusterOf.set(id, c.key);
  const byCluster = new Map<string, ClaimRow[]>();
  const loose: ClaimRow[] = [];
  for (const row of rows) {
    const key = clusterOf.get(row.annotation.id);
    if (key === undefined) loose.push(row);
    else {
      const list = byCluster.get(key);
      if (list) list.push(row);
      else byCluster.set(key, [row]);
    }
  }
  const out: GroupedRow[] = [];
  const claim = (row: ClaimRow): GroupedRow => ({ kind: 'claim', key: row.annotation.id, row });
  for (const c of clusters) {
    const list = byCluster.get(c.key);
    if (!list) continue;
    out.push({ kind: 'cluster', key: `cluster:${c.key}`, title: shownTitle(c), sources: c.documentIds.length, cluster: c });
    out.push(...list.map(claim));
  }
  if (loose.length > 0 && out.length > 0) out.push({ kind: 'unclustered', key: 'cluster:none' });
  out.push(...loose.map(claim));
  return out;
}
