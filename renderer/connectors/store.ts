import { create } from 'zustand';

/**
 * The connectors' own state: which links are emphasised (a connector or one of its claims under
 * the pointer), and the link last clicked, which the inspector shows open among its claim's links.
 */
export interface ConnectorState {
  /** Links drawn emphasised, with both ends marked. */
  hot: readonly string[];
  /** Where the relation's name is shown, beside the pointer; null when nothing is hovered. */
  tip: { linkId: string; x: number; y: number } | null;
  /** The link chosen by clicking its connector. */
  selectedLinkId: string | null;
  /** Counts the requests to move the keyboard's focus to the selected claim's connectors. */
  focusRequest: number;
  setHot(hot: readonly string[], tip: ConnectorState['tip']): void;
  selectLink(id: string | null): void;
  requestFocus(): void;
}

export const useConnectors = create<ConnectorState>((set, get) => ({
  hot: [],
  tip: null,
  selectedLinkId: null,
  focusRequest: 0,
  setHot(hot, tip) {
    const before = get();
    const same = before.hot.length === hot.length && before.hot.every((id, i) => id === hot[i]);
    const sameTip = before.tip?.linkId === tip?.linkId && before.tip?.x === tip?.x && before.tip?.y === tip?.y;
    if (!same || !sameTip) set({ hot, tip });
  },
  selectLink(id) {
    set({ selectedLinkId: id });
  },
  requestFocus() {
    set({ focusRequest: get().focusRequest + 1 });
  },
}));
