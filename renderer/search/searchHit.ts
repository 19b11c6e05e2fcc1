import { paneRegistry } from '../reader/paneRegistry';

/** The CSS Custom Highlight that marks the search hit last opened (styled in styles.css). */
export const SEARCH_HIT = 'cr-search-hit';

let release: (() => void) | null = null;

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** Removes the mark of the last opened hit, if any. */
export function clearSearchHit(): void {
  release?.();
  release = null;
  if (supported()) CSS.highlights.delete(SEARCH_HIT);
}

/**
 * Marks a hit in its open pane and keeps the mark until the next click anywhere, so the reader can
 * look away and find the place again; the short flash alone is gone before the eye gets there.
 * Returns false when the pane cannot show the range (yet).
 */
export function markSearchHit(documentId: string, start: number, end: number): boolean {
  const range = paneRegistry.get(documentId)?.map.range(start, end);
  if (!range) return false;
  clearSearchHit();
  if (!supported()) return true;
  const h = new Highlight(range);
  // Above the claims' bands and the selection, below the flash that draws the eye at first.
  h.priority = 25;
  CSS.highlights.set(SEARCH_HIT, h);
  // Listening from the next task on: the click that opened this hit is still being dispatched.
  const timer = setTimeout(() => document.addEventListener('click', onClick, { capture: true, once: true }));
  const onClick = () => {
    if (CSS.highlights.get(SEARCH_HIT) === h) clearSearchHit();
  };
  release = () => {
    clearTimeout(timer);
    document.removeEventListener('click', onClick, { capture: true });
  };
  return true;
}
