import { create } from 'zustand';
import type { ClusterInfo } from '../../shared/cluster-api';
import { call } from '../api/client';

/**
 * The clusters feature's own state: the project's claim clusters as the backend computes them
 * (members, sources, title, neighbours), which cluster's dialog is open, and whether the claim
 * browser groups by cluster. Fetched again whenever the claims, links or history the workspace
 * holds change (useClusters), so a rename, an undo or a new same-claim link all show at once.
 */
export interface ClusterState {
  clusters: ClusterInfo[];
  /** The key claim of the cluster whose dialog is open. */
  openKey: string | null;
  /** The claim browser lists claims under their clusters' titles. */
  groupByCluster: boolean;
  /** What the loaded list was computed from (workspace objects, compared by identity). */
  loadedFrom: readonly unknown[] | null;
  load(from: readonly unknown[]): Promise<void>;
  rename(key: string, title: string): Promise<ClusterInfo>;
  open(key: string): void;
  close(): void;
  setGroupByCluster(on: boolean): void;
}

const sameInputs = (a: readonly unknown[] | null, b: readonly unknown[]) => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);

export const useClusterStore = create<ClusterState>()((set, get) => ({
  clusters: [],
  openKey: null,
  groupByCluster: false,
  loadedFrom: null,
  async load(from) {
    // Several views ask at once after one change; the first asks the backend, the rest find it asked.
    if (sameInputs(get().loadedFrom, from)) return;
    set({ loadedFrom: from });
    const clusters = await call('clusters.list', {});
    if (get().loadedFrom === from) set({ clusters });
  },
  async rename(key, title) {
    const cluster = await call('clusters.rename', { key, title });
    set((s) => ({ clusters: s.clusters.map((c) => (c.key === key ? cluster : c)) }));
    return cluster;
  },
  open: (key) => set({ openKey: key }),
  close: () => set({ openKey: null }),
  setGroupByCluster: (on) => set({ groupByCluster: on }),
}));
