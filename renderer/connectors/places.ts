import { paneRegistry } from '../reader/paneRegistry';
import type { Box, PaneGeometry } from './geometry';

/** A claim to place: its document and text offsets. */
export interface ClaimSpan {
  documentId: string;
  start: number;
  end: number;
}

/** One open pane's claims, measured relative to its scrolling content and sorted by their tops. */
interface PanePlaces {
  scroller: HTMLElement;
  /** The scroller's box on screen when measured, and its scroll offsets then. */
  viewport: Box;
  /** The text column, relative to the scroller's content (x and y as if scrolled to 0, 0). */
  column: Box;
  ids: string[];
  boxes: Box[];
  /** The tallest claim: how far above the viewport a claim can start and still reach into it. */
  tallest: number;
}

/** Where the claims are in this frame: the open panes, and the on-screen boxes of claims. */
export interface Frame {
  /** The reading row's box on screen. */
  row: Box;
  panes: PaneGeometry[];
  /** Claims with part of their box inside their pane's viewport, pane by pane, top to bottom. */
  visible: string[];
  /** The on-screen box of any measured claim in an open pane, on screen or not. */
  boxOf(claimId: string): Box | undefined;
}

const shift = (b: Box, dx: number, dy: number): Box => ({ left: b.left + dx, top: b.top + dy, right: b.right + dx, bottom: b.bottom + dy });

/**
 * The claims' places, measured once per layout: each claim's rectangle relative to its pane's
 * scrolling content. A scroll frame then only reads the panes' scroll offsets and adds them, so
 * scrolling reads no rectangle and forces no layout. Anything that can move text inside a pane
 * (a pane's or the text's size, the text's nodes, the panes opened, closed or reordered, the
 * claims) marks the places stale, and the next frame measures them again.
 */
export class ClaimPlaces {
  private stale = true;
  private readonly byDoc = new Map<string, PanePlaces>();
  private rowBox: Box = { left: 0, top: 0, right: 0, bottom: 0 };
  /** Content-relative boxes by claim id, with their document. */
  private readonly boxes = new Map<string, { documentId: string; box: Box }>();
  private readonly resize: ResizeObserver;
  private readonly mutations: MutationObserver;
  private readonly observed = new Set<Element>();

  constructor(
    private readonly row: HTMLElement,
    private readonly changed: () => void,
  ) {
    const invalidate = () => {
      this.invalidate();
      this.changed();
    };
    this.resize = new ResizeObserver(invalidate);
    this.resize.observe(row);
    this.mutations = new MutationObserver(invalidate);
  }

  invalidate(): void {
    this.stale = true;
  }

  dispose(): void {
    this.resize.disconnect();
    this.mutations.disconnect();
  }

  /**
   * This frame's places. Measures (reads only) when stale; otherwise reads nothing but the panes'
   * scroll offsets. `claims` are the claims to place (the ends of the drawn links).
   */
  read(order: readonly string[], claims: ReadonlyMap<string, ClaimSpan>): Frame {
    if (this.stale) this.measure(order, claims);
    const panes: PaneGeometry[] = [];
    const offsets = new Map<string, { dx: number; dy: number }>();
    const visible: string[] = [];
    order.forEach((documentId, i) => {
      const p = this.byDoc.get(documentId);
      if (!p) return;
      const dx = p.viewport.left - p.scroller.scrollLeft;
      const dy = p.viewport.top - p.scroller.scrollTop;
      offsets.set(documentId, { dx, dy });
      panes.push({ documentId, order: i, viewport: p.viewport, column: shift(p.column, dx, dy) });
      // Content coordinates of what is on screen; the claims starting between its top (less the
      // tallest claim) and its bottom are the only ones that can reach into it.
      const top = p.viewport.top - dy;
      const bottom = p.viewport.bottom - dy;
      for (let k = firstIndex(p.boxes.length, (j) => p.boxes[j]!.top >= top - p.tallest); k < p.boxes.length && p.boxes[k]!.top < bottom; k++) {
        if (p.boxes[k]!.bottom > top) visible.push(p.ids[k]!);
      }
    });
    return {
      row: this.rowBox,
      panes,
      visible,
      boxOf: (claimId) => {
        const known = this.boxes.get(claimId);
        const o = known && offsets.get(known.documentId);
        return known && o ? shift(known.box, o.dx, o.dy) : undefined;
      },
    };
  }

  private measure(order: readonly string[], claims: ReadonlyMap<string, ClaimSpan>): void {
    this.stale = false;
    this.byDoc.clear();
    this.boxes.clear();
    const r = this.row.getBoundingClientRect();
    this.rowBox = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    const byDoc = new Map<string, string[]>();
    for (const [id, c] of claims) {
      const list = byDoc.get(c.documentId);
      if (list) list.push(id);
      else byDoc.set(c.documentId, [id]);
    }
    const watched: Element[] = [];
    for (const documentId of order) {
      const handle = paneRegistry.get(documentId);
      if (!handle) continue;
      const { scroller, map } = handle;
      const text = scroller.querySelector('.source-text');
      watched.push(scroller);
      if (text) watched.push(text);
      const view = scroller.getBoundingClientRect();
      const dx = view.left - scroller.scrollLeft;
      const dy = view.top - scroller.scrollTop;
      const toContent = (r: DOMRect): Box => ({ left: r.left - dx, top: r.top - dy, right: r.right - dx, bottom: r.bottom - dy });
      const viewport: Box = { left: view.left, top: view.top, right: view.right, bottom: view.bottom };
      const placed: { id: string; box: Box }[] = [];
      for (const id of byDoc.get(documentId) ?? []) {
        const c = claims.get(id)!;
        const r = map.range(c.start, c.end)?.getBoundingClientRect();
        if (!r || r.height <= 0) continue;
        const box = toContent(r);
        placed.push({ id, box });
        this.boxes.set(id, { documentId, box });
      }
      placed.sort((a, b) => a.box.top - b.box.top);
      this.byDoc.set(documentId, {
        scroller,
        viewport,
        column: text ? toContent(text.getBoundingClientRect()) : toContent(view),
        ids: placed.map((p) => p.id),
        boxes: placed.map((p) => p.box),
        tallest: placed.reduce((m, p) => Math.max(m, p.box.bottom - p.box.top), 0),
      });
    }
    this.watch(watched);
  }

  /**
   * A pane's size, its text's size and its text's nodes each make the places stale. Observed again
   * only when the set of elements changed (a pane opened or closed, its text laid out anew).
   */
  private watch(elements: readonly Element[]): void {
    if (elements.length === this.observed.size && elements.every((el) => this.observed.has(el))) return;
    this.resize.disconnect();
    this.mutations.disconnect();
    this.observed.clear();
    this.resize.observe(this.row);
    for (const el of elements) {
      this.observed.add(el);
      this.resize.observe(el);
      if (el.classList.contains('source-text')) this.mutations.observe(el, { childList: true, subtree: true, characterData: true });
    }
  }
}

/** The first index in [0, n) where `past` turns true (n when it never does); `past` must be monotone. */
export function firstIndex(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
