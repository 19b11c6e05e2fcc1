import { isVisible, type Box, type LinkEnds, type PaneGeometry } from './geometry';

/**
 * "Follow links": how far each other pane should scroll so that its end of a link lines up with
 * the end on screen in the pane being scrolled, the way a side-by-side diff keeps matching lines
 * level. For each other pane the link whose end is nearest the reading line (a third of the way
 * down the scrolled pane) wins; a pane with no link to the scrolled one stays where it is.
 * Answers scroll deltas in pixels by document id (the browser clamps them at the ends).
 */
export function followDeltas(
  source: PaneGeometry,
  panes: readonly PaneGeometry[],
  links: readonly LinkEnds[],
  rects: ReadonlyMap<string, Box>,
): Map<string, number> {
  const line = source.viewport.top + (source.viewport.bottom - source.viewport.top) / 3;
  const best = new Map<string, { distance: number; delta: number }>();
  const open = new Set(panes.map((p) => p.documentId));
  for (const link of links) {
    const ends = [
      [link.fromId, link.fromDocumentId, link.toId, link.toDocumentId],
      [link.toId, link.toDocumentId, link.fromId, link.fromDocumentId],
    ] as const;
    for (const [here, hereDoc, there, thereDoc] of ends) {
      if (hereDoc !== source.documentId || thereDoc === source.documentId || !open.has(thereDoc)) continue;
      const a = rects.get(here);
      const b = rects.get(there);
      if (!a || !b || !isVisible(a, source.viewport)) continue;
      const distance = Math.abs(mid(a) - line);
      const current = best.get(thereDoc);
      if (!current || distance < current.distance) best.set(thereDoc, { distance, delta: mid(b) - mid(a) });
    }
  }
  return new Map([...best].map(([doc, { delta }]) => [doc, delta]));
}

const mid = (b: Box) => (b.top + b.bottom) / 2;
