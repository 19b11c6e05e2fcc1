import { registerRangeMaker } from './highlights';
import type { OffsetMap } from './offsets';

/** Open panes by document id, so the claim list can scroll a pane to a claim. */
export interface PaneHandle {
  map: OffsetMap;
  scroller: HTMLElement;
}

const panes = new Map<string, PaneHandle>();
const watchers = new Set<() => void>();
const changed = () => {
  for (const w of watchers) w();
};

export const paneRegistry = {
  set: (documentId: string, handle: PaneHandle) => {
    panes.set(documentId, handle);
    registerRangeMaker(documentId, (s, e) => handle.map.range(s, e));
    changed();
  },
  delete: (documentId: string) => {
    panes.delete(documentId);
    registerRangeMaker(documentId, null);
    changed();
  },
  get: (documentId: string) => panes.get(documentId),
  /** Calls back whenever a pane's text is laid out or a pane goes; answers the unsubscribe. */
  watch: (fn: () => void) => {
    watchers.add(fn);
    return () => {
      watchers.delete(fn);
    };
  },
};

/** Scrolls a pane so the range starts about a third of the way down, and returns its rectangle. */
export function scrollToOffset(documentId: string, start: number, end: number): DOMRect | null {
  const pane = panes.get(documentId);
  const range = pane?.map.range(start, end);
  if (!pane || !range) return null;
  const rect = range.getBoundingClientRect();
  const box = pane.scroller.getBoundingClientRect();
  pane.scroller.scrollTop += rect.top - box.top - box.height / 3;
  return range.getBoundingClientRect();
}
