import { paneRegistry } from '../reader/paneRegistry';
import { followDeltas } from './follow';
import { layoutConnectors, type Box, type EdgeMarker, type LinkEnds, type PaneGeometry, type Place } from './geometry';
import { ConnectorLayer, MarkerLayer } from './layers';

const SVG = 'http://www.w3.org/2000/svg';
export const HOT_HIGHLIGHT = 'cr-link-hot';
/** Characters beyond the paragraphs on screen that are still measured, for claims that reach into view. */
const WINDOW_MARGIN = 200;

export interface DrawnLink extends LinkEnds {
  color: string;
  directed: boolean;
}

export interface EngineInput {
  /** Open documents in the order of the reading row. */
  order: readonly string[];
  links: readonly DrawnLink[];
  /** Claims at either end of a drawn link, by id. */
  claims: ReadonlyMap<string, { documentId: string; start: number; end: number }>;
  show: boolean;
  follow: boolean;
  hot: ReadonlySet<string>;
  /** Links whose connectors take keyboard focus (the selected claim's): a few tab stops, not hundreds. */
  focusable: ReadonlySet<string>;
}

export interface EngineEvents {
  hover(linkIds: readonly string[], tip: { linkId: string; x: number; y: number } | null): void;
  select(linkId: string): void;
  reveal(claimId: string): void;
  markerLabel(marker: EdgeMarker): string;
  /** A focusable connector's accessible name: its relation and the quotes at its two ends. */
  connectorLabel(linkId: string): string;
}

/**
 * Draws the connectors over the reading row. One requestAnimationFrame at a time does all the
 * work: it reads every rectangle it needs (panes, text columns, claims), lines up the other panes
 * when "follow links" is on, then writes the SVG — never a read after a write in one frame, so
 * the browser lays out once. Scrolls (passive, captured from every pane), resizes and pane
 * changes only ask for the next frame, and the frame they land in is the one that draws.
 */
export class ConnectorEngine {
  private input: EngineInput = { order: [], links: [], claims: new Map(), show: true, follow: false, hot: new Set(), focusable: new Set() };
  private frame = 0;
  private readonly svg: SVGSVGElement;
  private readonly defs: SVGDefsElement;
  private readonly connectors: ConnectorLayer;
  private readonly markers: MarkerLayer;
  /** The drawn links by id, made again only when the links change. */
  private byId = new Map<string, DrawnLink>();
  /** Lines under, pointer targets (gutter curves, markers) over them. */
  private readonly lines: SVGGElement;
  private readonly hits: SVGGElement;
  private readonly ranges = new Map<string, Range>();
  private readonly resize: ResizeObserver;
  private readonly observed = new Set<Element>();
  /** The pane the user scrolled, which the others follow in the next frame. */
  private leader: string | null = null;
  /** Scroll positions this engine set, so their scroll events are not taken for the user's. */
  private readonly driven = new Map<Element, number>();
  /** Where the pointer is: over a pane's text (a claim there may be hovered), a connector, or elsewhere. */
  private pointer: { documentId: string; x: number; y: number } | 'hit' | 'none' = 'none';
  /** Whether the hovered links came from a claim under the pointer (so leaving the text clears them). */
  private hoverFromText = false;
  /** A connector has the keyboard's focus: it, not the resting pointer, says which link is marked. */
  private keyboardFocus = false;
  private readonly unwatch: () => void;

  constructor(
    private readonly row: HTMLElement,
    private readonly host: HTMLElement,
    private readonly events: EngineEvents,
  ) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.classList.add('connector-svg');
    this.defs = document.createElementNS(SVG, 'defs');
    this.lines = document.createElementNS(SVG, 'g');
    this.hits = document.createElementNS(SVG, 'g');
    // The drawn lines are decoration; the pointer targets above them (the focusable connectors and
    // the edge markers) are controls, so they stay in the accessibility tree.
    this.lines.setAttribute('aria-hidden', 'true');
    this.defs.setAttribute('aria-hidden', 'true');
    this.svg.append(this.defs, this.lines, this.hits);
    this.connectors = new ConnectorLayer(this.lines, this.hits, this.defs, {
      hover: (ids, tip) => events.hover(ids, tip),
      select: (id) => events.select(id),
      connectorLabel: (id) => events.connectorLabel(id),
      focused: (on) => {
        this.keyboardFocus = on;
      },
    });
    this.markers = new MarkerLayer(this.hits, { reveal: (id) => events.reveal(id), markerLabel: (m) => events.markerLabel(m) });
    host.prepend(this.svg);
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(row);
    row.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    row.addEventListener('mousemove', this.onMove, { passive: true });
    row.addEventListener('mouseleave', this.onLeave, { passive: true });
    window.addEventListener('resize', this.onResize, { passive: true });
    this.unwatch = paneRegistry.watch(() => {
      this.ranges.clear();
      this.schedule();
    });
  }

  update(next: EngineInput): void {
    if (next.claims !== this.input.claims || next.order !== this.input.order) this.ranges.clear();
    if (next.links !== this.input.links) {
      this.markers.reword();
      this.byId = new Map(next.links.map((l) => [l.id, l]));
    }
    this.input = next;
    this.schedule();
  }

  /** Moves the keyboard's focus to the first connector of the selected claim; false when none is drawn. */
  focusFirst(): boolean {
    return this.connectors.focusFirst();
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.resize.disconnect();
    this.row.removeEventListener('scroll', this.onScroll, { capture: true });
    this.row.removeEventListener('mousemove', this.onMove);
    this.row.removeEventListener('mouseleave', this.onLeave);
    window.removeEventListener('resize', this.onResize);
    this.unwatch();
    this.svg.remove();
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(HOT_HIGHLIGHT);
  }

  schedule = (): void => {
    if (this.frame === 0) this.frame = requestAnimationFrame(this.draw);
  };

  private readonly onResize = () => this.schedule();

  private readonly onScroll = (e: Event) => {
    const el = e.target;
    if (!(el instanceof HTMLElement) || !el.classList.contains('pane-body')) {
      this.schedule();
      return;
    }
    const set = this.driven.get(el);
    if (set !== undefined && Math.abs(set - el.scrollTop) < 1) this.driven.delete(el);
    else if (this.input.follow) this.leader = el.closest<HTMLElement>('.pane')?.dataset.documentId ?? null;
    this.schedule();
  };

  private readonly onMove = (e: MouseEvent) => {
    const target = e.target instanceof Element ? e.target : null;
    // Over a connector or a marker, their own enter/leave handlers say what is hovered.
    if (target?.closest('.connector-hit, .connector-marker')) {
      this.pointer = 'hit';
      return;
    }
    const documentId = target?.closest('.source-text') ? target.closest<HTMLElement>('.pane')?.dataset.documentId : undefined;
    const before = this.pointer;
    this.pointer = documentId ? { documentId, x: e.clientX, y: e.clientY } : 'none';
    if (typeof before === 'object' || typeof this.pointer === 'object') this.schedule();
  };

  private readonly onLeave = () => {
    this.pointer = 'none';
    this.schedule();
  };

  private range(claimId: string): Range | null {
    const known = this.ranges.get(claimId);
    if (known) return known;
    const claim = this.input.claims.get(claimId);
    const handle = claim ? paneRegistry.get(claim.documentId) : undefined;
    const r = claim && handle ? handle.map.range(claim.start, claim.end) : null;
    if (r) this.ranges.set(claimId, r);
    return r;
  }

  private readonly draw = () => {
    this.frame = 0;
    const { order, links, show, follow } = this.input;
    if (!show && !follow) {
      // Hidden and not lining panes up: nothing to measure. The pool is emptied once, and scrolls
      // cost nothing more than asking for this frame.
      this.connectors.write([], this.byId, this.input.hot, this.input.focusable);
      this.markers.write([], this.byId);
      this.leader = null;
      return;
    }
    // Reads.
    const rowBox = this.row.getBoundingClientRect();
    const panes = this.readPanes(order);
    const windows = this.readWindows(panes);
    let rects = this.readRects(panes, windows);
    const hoverIds = this.readHover();
    // Follow links: scroll the other panes, then read their claims again (a scroll offset change
    // needs no new layout, so this second read is cheap).
    const leader = follow && this.leader ? panes.find((p) => p.documentId === this.leader) : undefined;
    this.leader = null;
    if (leader) {
      const deltas = followDeltas(leader, panes, links, rects, (id) => this.measure(id));
      for (const [documentId, delta] of deltas) {
        const scroller = paneRegistry.get(documentId)?.scroller;
        if (!scroller || Math.abs(delta) < 1) continue;
        scroller.scrollTop += delta;
        this.driven.set(scroller, scroller.scrollTop);
      }
      if (deltas.size > 0) rects = this.readRects(panes, this.readWindows(panes));
    }
    const layout = show ? layoutConnectors(panes, links, rects) : { connectors: [], markers: [] };
    const at = this.pointer;
    if (hoverIds !== undefined && !this.keyboardFocus) this.events.hover(hoverIds, hoverIds[0] && typeof at === 'object' ? { linkId: hoverIds[0], x: at.x, y: at.y } : null);
    // Writes.
    Object.assign(this.host.style, { left: `${rowBox.left}px`, top: `${rowBox.top}px`, width: `${rowBox.width}px`, height: `${rowBox.height}px` });
    this.svg.setAttribute('viewBox', `${rowBox.left} ${rowBox.top} ${Math.max(1, rowBox.width)} ${Math.max(1, rowBox.height)}`);
    this.connectors.write(layout.connectors, this.byId, this.input.hot, this.input.focusable);
    this.markers.write(layout.markers, this.byId);
  };

  private readPanes(order: readonly string[]): PaneGeometry[] {
    const out: PaneGeometry[] = [];
    order.forEach((documentId, i) => {
      const handle = paneRegistry.get(documentId);
      if (!handle) return;
      if (!this.observed.has(handle.scroller)) {
        this.observed.add(handle.scroller);
        this.resize.observe(handle.scroller);
      }
      const viewport = box(handle.scroller.getBoundingClientRect());
      const text = handle.scroller.querySelector('.source-text');
      out.push({ documentId, order: i, viewport, column: text ? box(text.getBoundingClientRect()) : viewport });
    });
    return out;
  }

  /**
   * The text offsets on screen in each pane (with a margin), so that only claims near the viewport
   * are measured: a project with thousands of links would otherwise measure every claim each frame.
   */
  private readWindows(panes: readonly PaneGeometry[]): Map<string, { from: number; to: number }> {
    const out = new Map<string, { from: number; to: number }>();
    for (const p of panes) {
      const handle = paneRegistry.get(p.documentId);
      const paras = handle?.scroller.querySelector('.source-text')?.children;
      const ranges = handle?.map.paragraphs;
      if (!paras || !ranges || paras.length !== ranges.length || ranges.length === 0) continue;
      // Paragraph i is the i-th child (offsets.ts): two binary searches over their boxes find the
      // first and last on screen, with no hit-testing.
      const first = firstIndex(paras.length, (i) => paras[i]!.getBoundingClientRect().bottom >= p.viewport.top);
      const last = firstIndex(paras.length, (i) => paras[i]!.getBoundingClientRect().top > p.viewport.bottom) - 1;
      const from = ranges[Math.min(first, ranges.length - 1)]!.start;
      const to = ranges[Math.max(0, last)]!.end;
      out.set(p.documentId, { from: from - WINDOW_MARGIN, to: to + WINDOW_MARGIN });
    }
    return out;
  }

  private measure(claimId: string): Box | undefined {
    const r = this.range(claimId)?.getBoundingClientRect();
    return r && r.height > 0 ? box(r) : undefined;
  }

  private readRects(panes: readonly PaneGeometry[], windows: ReadonlyMap<string, { from: number; to: number }>): Map<string, Place> {
    const open = new Set(panes.map((p) => p.documentId));
    const rects = new Map<string, Place>();
    for (const link of this.input.links) {
      for (const id of [link.fromId, link.toId]) {
        const claim = this.input.claims.get(id);
        if (rects.has(id) || !claim || !open.has(claim.documentId)) continue;
        const w = windows.get(claim.documentId);
        if (w && claim.end < w.from) rects.set(id, 'above');
        else if (w && claim.start > w.to) rects.set(id, 'below');
        else {
          const r = this.measure(id);
          if (r) rects.set(id, r);
        }
      }
    }
    return rects;
  }

  /**
   * The links of the linked claims under the pointer; an empty list once the pointer left the text
   * it was over; undefined when there is nothing to say (a connector's own hover stands).
   */
  private readHover(): string[] | undefined {
    const p = this.pointer;
    if (typeof p !== 'object') {
      if (p === 'none' && this.hoverFromText) {
        this.hoverFromText = false;
        return [];
      }
      return undefined;
    }
    const offset = paneRegistry.get(p.documentId)?.map.offsetAtPoint(p.x, p.y);
    const ids: string[] = [];
    if (offset !== null && offset !== undefined) {
      for (const link of this.input.links) {
        const a = this.input.claims.get(link.fromId);
        const b = this.input.claims.get(link.toId);
        const inside = (c: typeof a) => c !== undefined && c.documentId === p.documentId && c.start <= offset && offset < c.end;
        if (inside(a) || inside(b)) ids.push(link.id);
      }
    }
    this.hoverFromText = ids.length > 0;
    return ids;
  }
}

/** The first index in [0, n) where `past` turns true (n when it never does); `past` must be monotone. */
function firstIndex(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
