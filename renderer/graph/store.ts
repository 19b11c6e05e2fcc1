import { create } from 'zustand';
import type { GraphArrangement } from '../../shared/graph';
import type { Point } from '../../shared/graph';
import { NO_FILTERS, type GraphFilters } from '../../shared/graphModel';
import { call } from '../api/client';

/** How far the neighbourhood of the selected claim reaches; 'all' shows the whole graph unfaded. */
export type Reach = 1 | 2 | 'all';

/**
 * The Graph view's own state: how it groups and filters, the keyboard's place, and the positions
 * the analyst dragged (loaded per arrangement from the project). The claims, links and the
 * selection come from the workspace.
 */
interface GraphState {
  arrangement: GraphArrangement;
  reach: Reach;
  filters: GraphFilters;
  search: string;
  /** Show the accessible list instead of the drawing. */
  asList: boolean;
  /** The node the arrow keys are on. */
  focusId: string | null;
  /** Dragged places of the current arrangement. */
  dragged: Map<string, Point>;
  /** Which arrangement `dragged` belongs to (null until loaded). */
  loadedFor: GraphArrangement | null;
  /** Goes up on Reset layout, so the drawing lays itself out again. */
  layoutVersion: number;
  /** The node just clicked, centred on before the app has selected its claim. */
  clicked: string | null;
  setArrangement(a: GraphArrangement): void;
  setReach(r: Reach): void;
  setFilters(f: Partial<GraphFilters>): void;
  setSearch(q: string): void;
  setAsList(on: boolean): void;
  setFocus(id: string | null): void;
  setClicked(id: string | null): void;
  loadPositions(): Promise<void>;
  place(moved: { nodeId: string; x: number; y: number }[]): Promise<void>;
  resetLayout(): Promise<void>;
}

export const useGraph = create<GraphState>((set, get) => ({
  arrangement: 'document',
  reach: 1,
  filters: NO_FILTERS,
  search: '',
  asList: false,
  focusId: null,
  dragged: new Map(),
  loadedFor: null,
  layoutVersion: 0,
  clicked: null,
  setArrangement: (arrangement) => {
    set({ arrangement, dragged: new Map(), loadedFor: null, focusId: null });
    void get().loadPositions();
  },
  setReach: (reach) => set({ reach }),
  setFilters: (f) => set({ filters: { ...get().filters, ...f } }),
  setSearch: (search) => set({ search }),
  setAsList: (asList) => set({ asList }),
  setFocus: (focusId) => set({ focusId }),
  setClicked: (clicked) => set({ clicked }),
  async loadPositions() {
    const arrangement = get().arrangement;
    const rows = await call('graph.positions', { arrangement });
    // A switch of arrangement while this was loading wins.
    if (get().arrangement !== arrangement) return;
    set({ dragged: new Map(rows.map((r) => [r.nodeId, { x: r.x, y: r.y }])), loadedFor: arrangement });
  },
  async place(moved) {
    if (moved.length === 0) return;
    const arrangement = get().arrangement;
    const next = new Map(get().dragged);
    for (const m of moved) next.set(m.nodeId, { x: m.x, y: m.y });
    set({ dragged: next });
    await call('graph.place', { arrangement, positions: moved });
  },
  async resetLayout() {
    await call('graph.resetLayout', { arrangement: get().arrangement });
    set({ dragged: new Map(), layoutVersion: get().layoutVersion + 1 });
  },
}));
