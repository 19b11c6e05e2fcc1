/**
 * Paints claims with the CSS Custom Highlight API: no DOM nodes are added to the text, so a long
 * document with thousands of claims keeps its node count. One Highlight per (tag, layer) holds the
 * ranges of every pane. Overlapping claims go to different layers, so an overlap paints twice and
 * shows darker instead of vanishing into one flat band.
 */
export const LAYERS = 3;

export const highlightName = (tagId: string | null, layer: number) => `cr-${tagId ? `t${tagId}` : 'none'}-${layer}`;
/** A claim's second and further tags show as a wavy underline in their colour over the first tag's band. */
export const extraTagName = (tagId: string) => `cr-x${tagId}`;
export const SELECTED = 'cr-selected';
export const PENDING = 'cr-pending';

const panes = new Map<string, Map<string, Range[]>>();

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** Replaces the ranges a pane contributes, then rebuilds the affected highlights. */
export function paintPane(paneKey: string, byName: Map<string, Range[]>): void {
  if (!supported()) return;
  const before = panes.get(paneKey);
  panes.set(paneKey, byName);
  const names = new Set([...(before?.keys() ?? []), ...byName.keys()]);
  // Only the highlights whose ranges changed are replaced: every change to the registry makes the
  // browser revalidate and repaint highlights, so saving one claim should touch one highlight, not
  // every tag's (the Annotate benchmark measures this path).
  for (const name of names) if (!sameRanges(before?.get(name), byName.get(name))) rebuild(name);
}

function sameRanges(a: readonly Range[] | undefined, b: readonly Range[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return a === b;
  return a.every((r, i) => {
    const o = b[i]!;
    return r.startContainer === o.startContainer && r.startOffset === o.startOffset && r.endContainer === o.endContainer && r.endOffset === o.endOffset;
  });
}

export const PAINTED_MARK = 'crossread:painted';

/**
 * The instrumentation point `npm run bench` reads: a performance mark once a pane's claims are
 * painted, naming the document, how many claims it paints and how many of those are still being
 * saved. Only the newest mark is kept, so the timeline does not grow while someone reads.
 */
export function markPainted(documentId: string, ranges: number, saving: number): void {
  performance.clearMarks(PAINTED_MARK);
  performance.mark(PAINTED_MARK, { detail: { documentId, ranges, saving } });
}

export function clearPane(paneKey: string): void {
  if (!supported()) return;
  const before = panes.get(paneKey);
  panes.delete(paneKey);
  for (const name of before?.keys() ?? []) rebuild(name);
}

function rebuild(name: string): void {
  const ranges: Range[] = [];
  for (const byName of panes.values()) {
    const list = byName.get(name);
    if (list) ranges.push(...list);
  }
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const h = new Highlight(...ranges);
  if (name === SELECTED) h.priority = 20;
  else if (name === PENDING) h.priority = 10;
  CSS.highlights.set(name, h);
}

/**
 * Assigns each interval the lowest layer not used by an interval still open at its start
 * (greedy interval colouring); input must be sorted by start.
 */
export function assignLayers(items: readonly { start: number; end: number }[]): number[] {
  const layerEnds: number[] = [];
  return items.map((it) => {
    let layer = layerEnds.findIndex((end) => end <= it.start);
    if (layer === -1) layer = layerEnds.length;
    layerEnds[layer] = it.end;
    return Math.min(layer, LAYERS - 1);
  });
}

export const FLASH = 'cr-flash';

/** Briefly marks a range so the eye finds it after a jump (link followed, search hit opened). */
export function flash(documentId: string, start: number, end: number): void {
  if (!supported()) return;
  const pane = paneRanges.get(documentId);
  const range = pane?.(start, end);
  if (!range) return;
  const h = new Highlight(range);
  h.priority = 30;
  CSS.highlights.set(FLASH, h);
  document.documentElement.dataset.flash = String(Date.now());
  setTimeout(() => {
    if (CSS.highlights.get(FLASH) === h) CSS.highlights.delete(FLASH);
  }, 1200);
}

const paneRanges = new Map<string, (start: number, end: number) => Range | null>();

/** Lets `flash` build ranges in a pane without importing the pane registry (no cycle). */
export function registerRangeMaker(documentId: string, make: ((start: number, end: number) => Range | null) | null): void {
  if (make) paneRanges.set(documentId, make);
  else paneRanges.delete(documentId);
}
