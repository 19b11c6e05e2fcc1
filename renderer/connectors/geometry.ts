/**
 * Where connectors and edge markers go, from rectangles already read from the page. Pure: the frame
 * loop reads every rectangle first, calls this, then writes the results, so a frame never
 * interleaves layout reads with writes.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PaneGeometry {
  documentId: string;
  /** Place in the reading row, left to right. */
  order: number;
  /** The pane's scrolling area: what of the text is on screen. */
  viewport: Box;
  /** The text column: connectors leave and enter it at its edges. */
  column: Box;
}

export interface LinkEnds {
  id: string;
  fromId: string;
  toId: string;
  fromDocumentId: string;
  toDocumentId: string;
}

export interface Connector {
  linkId: string;
  /** From the link's source end to its target end, so an arrow at the path's end points the right way. */
  path: string;
  /** The part between the two text columns: the one a pointer can hover and click. */
  gutterPath: string;
  from: { x: number; y: number };
  to: { x: number; y: number };
  /** The same line as numbers, left end to right end, for drawing on a canvas: the ends, where the curve leaves and enters the text columns, and its bend. */
  curve: Curve;
}

export interface Curve {
  lx: number;
  ly: number;
  gl: number;
  gr: number;
  rx: number;
  ry: number;
  bend: number;
}

export type MarkerSide = 'left' | 'right';

export interface EdgeMarker {
  linkId: string;
  /** The claim on screen; the marker sits at its height on its pane's edge. */
  shownId: string;
  /** The claim out of view: clicking the marker brings it into view. */
  hiddenId: string;
  /** Whether the hidden end is above, below, or in a document that is not open. */
  where: 'above' | 'below' | 'closed';
  side: MarkerSide;
  x: number;
  y: number;
}

export interface Layout {
  connectors: Connector[];
  markers: EdgeMarker[];
}

const midY = (b: Box) => (b.top + b.bottom) / 2;
const baseY = (b: Box) => b.bottom - 1;

/** Whether any of a claim's rectangle is inside its pane's viewport. */
export function isVisible(rect: Box, viewport: Box): boolean {
  return rect.bottom > viewport.top && rect.top < viewport.bottom && rect.bottom > rect.top;
}

/**
 * Where a claim in an open pane is: its bounding rectangle when it was measured, or just "above" or
 * "below" the viewport when its text offsets already say it is far out of view (not measured).
 */
export type Place = Box | 'above' | 'below';

/**
 * Connectors for links whose two ends are on screen in two different panes, and a marker beside
 * each end on screen whose other end is scrolled away or not open. `rects` holds where each claim
 * in an open pane is (by claim id).
 */
export function layoutConnectors(panes: readonly PaneGeometry[], links: readonly LinkEnds[], rects: ReadonlyMap<string, Place>): Layout {
  const byDoc = new Map(panes.map((p) => [p.documentId, p]));
  const connectors: Connector[] = [];
  const markers: EdgeMarker[] = [];
  for (const link of links) {
    if (link.fromDocumentId === link.toDocumentId) continue;
    const a = end(link.fromId, byDoc.get(link.fromDocumentId), rects);
    const b = end(link.toId, byDoc.get(link.toDocumentId), rects);
    if (a.state === 'shown' && b.state === 'shown') {
      connectors.push(connect(link.id, a, b));
      continue;
    }
    for (const [shown, hidden, hiddenId, shownId] of [
      [a, b, link.toId, link.fromId],
      [b, a, link.fromId, link.toId],
    ] as const) {
      if (shown.state !== 'shown' || hidden.state === 'shown') continue;
      // The marker goes on the side facing the other pane; a closed document is "to the right", where it would open.
      const side: MarkerSide = hidden.state !== 'closed' && hidden.pane.order < shown.pane.order ? 'left' : 'right';
      const x = side === 'left' ? shown.pane.column.left : shown.pane.column.right;
      markers.push({ linkId: link.id, shownId, hiddenId, where: hidden.state, side, x, y: clampY(midY(shown.rect), shown.pane.viewport) });
    }
  }
  return { connectors, markers: spread(markers) };
}

const MARKER_STEP = 12;

/** Markers of one claim on one edge would sit on each other: they are stacked downwards instead. */
function spread(markers: EdgeMarker[]): EdgeMarker[] {
  const seen = new Map<string, number>();
  return markers.map((m) => {
    const key = `${m.shownId}:${m.side}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? m : { ...m, y: m.y + n * MARKER_STEP };
  });
}

type End =
  | { state: 'shown'; pane: PaneGeometry; rect: Box }
  | { state: 'above' | 'below'; pane: PaneGeometry }
  | { state: 'closed' };

function end(claimId: string, pane: PaneGeometry | undefined, rects: ReadonlyMap<string, Place>): End {
  if (!pane) return { state: 'closed' };
  const rect = rects.get(claimId);
  // An open pane whose text is not laid out yet: treat the claim as out of view below.
  if (!rect) return { state: 'below', pane };
  if (typeof rect === 'string') return { state: rect, pane };
  if (isVisible(rect, pane.viewport)) return { state: 'shown', pane, rect };
  return { state: rect.bottom <= pane.viewport.top ? 'above' : 'below', pane };
}

const clampY = (y: number, viewport: Box) => Math.min(Math.max(y, viewport.top), viewport.bottom);

function connect(linkId: string, a: Extract<End, { state: 'shown' }>, b: Extract<End, { state: 'shown' }>): Connector {
  const aLeft = a.pane.order < b.pane.order;
  const left = aLeft ? a : b;
  const right = aLeft ? b : a;
  // Each end sits on its claim's rectangle, at the bottom corner facing the other pane, so the line
  // to the gutter runs under the claim's last line like an underline instead of striking text out
  // (kept inside the viewport when the claim is partly scrolled away).
  const l = { x: Math.min(left.rect.right, left.pane.column.right), y: clampY(baseY(left.rect), left.pane.viewport) };
  const r = { x: Math.max(right.rect.left, right.pane.column.left), y: clampY(baseY(right.rect), right.pane.viewport) };
  const gl = Math.max(l.x, left.pane.column.right);
  const gr = Math.min(r.x, right.pane.column.left);
  const bend = Math.max(12, (gr - gl) / 2);
  // The SVG path strings are made only when asked for: a scroll frame paints from the numbers and
  // writes no SVG, and making four strings for each of hundreds of connectors was most of its garbage.
  const gutterLR = () => `M${f(gl)},${f(l.y)} C${f(gl + bend)},${f(l.y)} ${f(gr - bend)},${f(r.y)} ${f(gr)},${f(r.y)}`;
  const gutterRL = () => `M${f(gr)},${f(r.y)} C${f(gr - bend)},${f(r.y)} ${f(gl + bend)},${f(l.y)} ${f(gl)},${f(l.y)}`;
  return {
    linkId,
    get path() {
      return aLeft ? `M${f(l.x)},${f(l.y)} L${gutterLR().slice(1)} L${f(r.x)},${f(r.y)}` : `M${f(r.x)},${f(r.y)} L${gutterRL().slice(1)} L${f(l.x)},${f(l.y)}`;
    },
    get gutterPath() {
      return aLeft ? gutterLR() : gutterRL();
    },
    from: aLeft ? l : r,
    to: aLeft ? r : l,
    curve: { lx: l.x, ly: l.y, gl, gr, rx: r.x, ry: r.y, bend },
  };
}

const f = (n: number) => (Math.round(n * 10) / 10).toString();
