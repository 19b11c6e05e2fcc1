/** Where a popover goes: inside `bounds` (the pane it belongs to), never over `target` (the selection). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const MARGIN = 8;

/**
 * Below the target if it fits in the bounds, above it if that fits, otherwise on the side with
 * more room; left-aligned with the target and held inside the bounds horizontally.
 */
export function placePopover(target: Box, size: { width: number; height: number }, bounds: Box, viewport: { width: number; height: number }) {
  const below = target.bottom + MARGIN;
  const above = target.top - MARGIN - size.height;
  const fitsBelow = below + size.height <= bounds.bottom - MARGIN;
  const fitsAbove = above >= bounds.top + MARGIN;
  let top: number;
  if (fitsBelow) top = below;
  else if (fitsAbove) top = above;
  // Neither side fits in the pane: the side with more room, still off the selection, kept in the window.
  else if (bounds.bottom - target.bottom >= target.top - bounds.top) top = Math.min(below, viewport.height - size.height - MARGIN);
  else top = Math.max(MARGIN, above);
  const minLeft = bounds.left + MARGIN;
  const maxLeft = Math.max(minLeft, bounds.right - MARGIN - size.width);
  const left = Math.min(Math.max(minLeft, target.left), maxLeft);
  return { top, left };
}

/** The part of the pane showing `documentId` that is on screen: the row of panes may scroll sideways. */
export function paneBounds(documentId: string | null): Box {
  const viewport = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
  const pane = documentId ? document.querySelector<HTMLElement>(`[data-document-id="${CSS.escape(documentId)}"]`) : null;
  const row = pane?.closest<HTMLElement>('.panes');
  if (!pane || !row) return viewport;
  const a = pane.getBoundingClientRect();
  const b = row.getBoundingClientRect();
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
}
