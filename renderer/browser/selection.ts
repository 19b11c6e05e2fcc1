import { create } from 'zustand';

/**
 * The claim browser's own multi-selection (claim ids), kept apart from the workspace's one selected
 * claim: picking rows to act on them together must not open each of them.
 *
 * A range runs from the anchor (the row last clicked or Ctrl-clicked) to the row clicked with Shift
 * or reached with Shift+arrow; it is added to what was selected when the anchor was set, so a
 * Ctrl-picked row stays picked while a range is stretched and shrunk after it (as in file managers).
 */
export interface BrowserSelection {
  selected: ReadonlySet<string>;
  anchor: string | null;
  /** Where the last range ended: a Shift+arrow from elsewhere starts a new anchor. */
  head: string | null;
  /** The selection as it was when the anchor was set; a range is laid over it. */
  base: ReadonlySet<string>;
  toggle(id: string): void;
  /** A plain click: the row becomes the anchor, the selection stays as it is. */
  setAnchor(id: string): void;
  /** Selects base ∪ the rows between the anchor and `id`, in the order `order` lists them. */
  extendTo(id: string, order: readonly string[]): void;
  /** A Shift+arrow move from row `from` to row `to`. */
  step(from: string, to: string, order: readonly string[]): void;
  /** Drops the ids no longer listed (a new filter, a deleted claim). */
  keepOnly(shown: ReadonlySet<string>): void;
  clear(): void;
}

const EMPTY: ReadonlySet<string> = new Set();

export const useBrowserSelection = create<BrowserSelection>()((set, get) => ({
  selected: EMPTY,
  anchor: null,
  head: null,
  base: EMPTY,
  toggle(id) {
    const selected = new Set(get().selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    const base = new Set(selected);
    base.delete(id);
    set({ selected, anchor: id, head: id, base });
  },
  setAnchor(id) {
    set({ anchor: id, head: id, base: get().selected });
  },
  extendTo(id, order) {
    const { anchor, base } = get();
    const from = anchor === null ? -1 : order.indexOf(anchor);
    const to = order.indexOf(id);
    if (to < 0) return;
    const start = from < 0 ? to : from;
    const selected = new Set(base);
    for (let i = Math.min(start, to); i <= Math.max(start, to); i++) selected.add(order[i]!);
    set({ selected, anchor: from < 0 ? id : anchor, head: id });
  },
  step(from, to, order) {
    if (get().head !== from || get().anchor === null) set({ anchor: from, head: from, base: get().selected });
    get().extendTo(to, order);
  },
  keepOnly(shown) {
    const { selected, anchor, head, base } = get();
    if ([...selected].every((id) => shown.has(id))) return;
    const kept = (s: ReadonlySet<string>) => new Set([...s].filter((id) => shown.has(id)));
    set({
      selected: kept(selected),
      base: kept(base),
      anchor: anchor !== null && shown.has(anchor) ? anchor : null,
      head: head !== null && shown.has(head) ? head : null,
    });
  },
  clear() {
    if (get().selected.size === 0 && get().anchor === null) return;
    set({ selected: EMPTY, anchor: null, head: null, base: EMPTY });
  },
}));
