import { useEffect, useMemo } from 'react';
import type { ClusterInfo } from '../../shared/cluster-api';
import { useWorkspace } from '../app/workspace';
import { useClusterStore } from './store';

/**
 * The project's clusters, kept current: asked for again when claims, links or the history change
 * (a title is only ever changed by an undo step, so the history names every rename).
 */
export function useClusters(): ClusterInfo[] {
  const { state } = useWorkspace();
  const load = useClusterStore((s) => s.load);
  const clusters = useClusterStore((s) => s.clusters);
  const project = state.project?.path ?? null;
  useEffect(() => {
    if (project === null) return;
    void load([project, state.annotations, state.links, state.history]);
  }, [load, project, state.annotations, state.links, state.history]);
  return project === null ? NONE : clusters;
}

const NONE: ClusterInfo[] = [];

/** The cluster each claim belongs to, by claim id. */
export function useClusterOf(): ReadonlyMap<string, ClusterInfo> {
  const clusters = useClusters();
  return useMemo(() => {
    const map = new Map<string, ClusterInfo>();
    for (const c of clusters) for (const id of c.memberIds) map.set(id, c);
    return map;
  }, [clusters]);
}
