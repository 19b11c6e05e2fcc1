import { isVisible, type Box, type LinkEnds, type PaneGeometry, type Place } from './geometry';

/**
 * "Follow links": how far each other pane should scroll so that its end of a link lines up with
 * the end on screen in the pane being scrolled, the way a side-by-side diff keeps matching lines
 * level. For each other pane the link whose end is nearest the reading line (a third of the way
 * down the scrolled pane) wins; a pane with no link to the scrolled one stays where it is.
 * Answers scroll deltas in pixels by document id (the browser clamps them at the ends). The far
 * end of the winning link is usually out of view and so not measured yet: `measure` reads it.
 */
export function followDeltas(
  source: PaneGeometry,
  panes: readonly PaneGeometry[],
  links: readonly LinkEnds[],
  rects: ReadonlyMap<string, Place>,
  measure: (claimId: string) => Box | undefined,
): Map<string, number> {
  const line = source.viewport.top + (source.viewport.bottom - source.viewport.top) / 3;
  const best = new Map<string, { distance: number; here: Box; there: string }>();
  const open = new Set(panes.map((p) => p.documentId));
  for (const link of links) {
    const ends = [
      [link.fromId, link.fromDocumentId, link.toId, link.toDocumentId],
      [link.toId, link.toDocumentId, link.fromId, link.fromDocumentId],
    ] as const;
    for (const [here, hereDoc, there, thereDoc] of ends) {
      if (hereDoc !== source.documentId || thereDoc === source.documentId || !open.has(thereDoc)) continue;
      const a = rects.get(here);
      if (!a || typeof a === 'string' || !isVisible(a, source.viewport)) continue;
      const distance = Math.abs(mid(a) - line);
      const current = best.get(thereDoc);
      if (!current || distance < current.distance) best.set(thereDoc, { distance, here: a, there });
    }
  }
  const deltas = new Map<string, number>();
  for (const [doc, { here, there }] of best) {
    const known = rects.get(there);
    const b = known && typeof known !== 'string' ? known : measure(there);
    if (b) deltas.set(doc, mid(b) - mid(here));
  }
  return deltas;
}

const mid = (b: Box) => (b.top + b.bottom) / 2;
