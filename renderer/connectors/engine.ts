import { paneRegistry } from '../reader/paneRegistry';
import { followDeltas } from './follow';
import { layoutConnectors, type Box, type EdgeMarker, type LinkEnds, type Place } from './geometry';
import { ConnectorLayer, MarkerLayer } from './layers';
import { ConnectorCanvas } from './paint';
import { ClaimPlaces, type ClaimSpan, type Frame } from './places';

const SVG = 'http://www.w3.org/2000/svg';
export const HOT_HIGHLIGHT = 'cr-link-hot';
/**
 * How long after the last scroll the pointer targets (the SVG over the painted lines) are moved
 * to where the lines are: while scrolling, only the canvas is painted.
 */
const SETTLE_MS = 120;

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
 * work. The claims' places are measured once per layout (places.ts); a frame reads only the panes'
 * scroll offsets, takes the links of the claims on screen (found by binary search, so links with
 * both ends away cost nothing), lines up the other panes when "follow links" is on, and paints
 * the lines and edge markers on one canvas. The SVG above it holds the pointer targets, the
 * keyboard's tab stops and the links' names; it is written when a scroll comes to rest or when
 * anything but a scroll changed, so a scroll frame restyles no element. Nothing here goes through
 * React.
 */
export class ConnectorEngine {
  private input: EngineInput = { order: [], links: [], claims: new Map(), show: true, follow: false, hot: new Set(), focusable: new Set() };
  private frame = 0;
  private readonly svg: SVGSVGElement;
  private readonly defs: SVGDefsElement;
  private readonly connectors: ConnectorLayer;
  private readonly markers: MarkerLayer;
  private readonly painter = new ConnectorCanvas();
  private readonly places: ClaimPlaces;
  /** The drawn links by id, and by the claims at their ends; made again only when the links change. */
  private byId = new Map<string, DrawnLink>();
  private linksOf = new Map<string, DrawnLink[]>();
  /** The claims at the ends of the drawn links: the only ones measured. */
  private ends = new Map<string, ClaimSpan>();
  /** Each link's place in the list, so hovered links are named in the list's order. */
  private rank = new Map<string, number>();
  /** Lines under, pointer targets (gutter curves, markers) over them. */
  private readonly lines: SVGGElement;
  private readonly hits: SVGGElement;
  /** The pane the user scrolled, which the others follow in the next frame. */
  private leader: string | null = null;
  /** Scroll positions this engine set, so their scroll events are not taken for the user's. */
  private readonly driven = new Map<Element, number>();
  /** When a pane last scrolled, and whether the SVG waits for the scroll to rest. */
  private scrolledAt = -Infinity;
  private settle = 0;
  private svgStale = false;
  /** The host's place, as last written. */
  private placed = '';
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
    const live = () => !this.svgStale;
    this.connectors = new ConnectorLayer(this.lines, this.hits, this.defs, {
      hover: (ids, tip) => events.hover(ids, tip),
      select: (id) => events.select(id),
      connectorLabel: (id) => events.connectorLabel(id),
      focused: (on) => {
        this.keyboardFocus = on;
      },
      live,
    });
    this.markers = new MarkerLayer(this.hits, { reveal: (id) => events.reveal(id), markerLabel: (m) => events.markerLabel(m), live });
    host.prepend(this.painter.canvas, this.svg);
    this.places = new ClaimPlaces(row, this.schedule);
    row.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    row.addEventListener('mousemove', this.onMove, { passive: true });
    row.addEventListener('mouseleave', this.onLeave, { passive: true });
    window.addEventListener('resize', this.onResize, { passive: true });
    this.unwatch = paneRegistry.watch(this.onResize);
  }

  update(next: EngineInput): void {
    if (next.claims !== this.input.claims || next.order !== this.input.order || next.links !== this.input.links) this.places.invalidate();
    if (next.links !== this.input.links || next.claims !== this.input.claims) {
      this.markers.reword();
      this.byId = new Map(next.links.map((l) => [l.id, l]));
      this.rank = new Map(next.links.map((l, i) => [l.id, i]));
      this.linksOf = new Map();
      this.ends = new Map();
      for (const l of next.links) {
        for (const id of [l.fromId, l.toId]) {
          const list = this.linksOf.get(id);
          if (list) list.push(l);
          else this.linksOf.set(id, [l]);
          const c = next.claims.get(id);
          if (c) this.ends.set(id, c);
        }
      }
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
    clearTimeout(this.settle);
    this.places.dispose();
    this.row.removeEventListener('scroll', this.onScroll, { capture: true });
    this.row.removeEventListener('mousemove', this.onMove);
    this.row.removeEventListener('mouseleave', this.onLeave);
    window.removeEventListener('resize', this.onResize);
    this.unwatch();
    this.svg.remove();
    this.painter.canvas.remove();
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(HOT_HIGHLIGHT);
  }

  schedule = (): void => {
    if (this.frame === 0) this.frame = requestAnimationFrame(this.draw);
  };

  /** Something moved the text or the panes: measure again in the next frame. */
  private readonly onResize = () => {
    this.places.invalidate();
    this.schedule();
  };

  private readonly onScroll = (e: Event) => {
    const el = e.target;
    if (!(el instanceof HTMLElement) || !el.classList.contains('pane-body')) {
      // The row itself (or something in it) scrolled: the panes may have moved on screen.
      this.onResize();
      return;
    }
    this.scrolledAt = performance.now();
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

  private readonly draw = () => {
    this.frame = 0;
    const { order, links, show, follow } = this.input;
    if (!show && !follow) {
      // Hidden and not lining panes up: nothing to measure. The pool is emptied once, and scrolls
      // cost nothing more than asking for this frame.
      this.connectors.write([], this.byId, this.input.hot, this.input.focusable);
      this.markers.write([], this.byId);
      this.svgStale = false;
      this.leader = null;
      return;
    }
    // Reads: the scroll offsets (and, once per layout, the claims' places).
    let frame = this.places.read(order, this.ends);
    const hoverIds = this.readHover();
    // Follow links: scroll the other panes, then take their new offsets (no layout is needed).
    const leader = follow && this.leader ? frame.panes.find((p) => p.documentId === this.leader) : undefined;
    this.leader = null;
    if (leader) {
      const deltas = followDeltas(leader, frame.panes, links, onScreen(frame), (id) => frame.boxOf(id));
      for (const [documentId, delta] of deltas) {
        const scroller = paneRegistry.get(documentId)?.scroller;
        if (!scroller || Math.abs(delta) < 1) continue;
        scroller.scrollTop += delta;
        this.driven.set(scroller, scroller.scrollTop);
      }
      if (deltas.size > 0) frame = this.places.read(order, this.ends);
    }
    const layout = show ? this.layout(frame) : { connectors: [], markers: [] };
    const at = this.pointer;
    if (hoverIds !== undefined && !this.keyboardFocus) this.events.hover(hoverIds, hoverIds[0] && typeof at === 'object' ? { linkId: hoverIds[0], x: at.x, y: at.y } : null);
    // Writes: the canvas every frame; the SVG only once a scroll has come to rest.
    const row = frame.row;
    const placed = `${row.left} ${row.top} ${Math.max(1, row.right - row.left)} ${Math.max(1, row.bottom - row.top)}`;
    if (placed !== this.placed) {
      this.placed = placed;
      Object.assign(this.host.style, { left: `${row.left}px`, top: `${row.top}px`, width: `${row.right - row.left}px`, height: `${row.bottom - row.top}px` });
      this.svg.setAttribute('viewBox', placed);
    }
    this.painter.paint(row, layout.connectors, layout.markers, this.byId, this.input.hot);
    const since = performance.now() - this.scrolledAt;
    if (since < SETTLE_MS) {
      this.svgStale = true;
      this.connectors.moveFocusable(layout.connectors);
      if (this.settle === 0) {
        this.settle = window.setTimeout(() => {
          this.settle = 0;
          this.schedule();
        }, SETTLE_MS - since + 1);
      }
      return;
    }
    this.svgStale = false;
    this.connectors.write(layout.connectors, this.byId, this.input.hot, this.input.focusable);
    this.markers.write(layout.markers, this.byId);
  };

  /** The connectors and markers of the links with an end on screen: only those links are looked at. */
  private layout(frame: Frame) {
    const seen = new Set<string>();
    const near: DrawnLink[] = [];
    for (const id of frame.visible) {
      for (const l of this.linksOf.get(id) ?? []) {
        if (seen.has(l.id)) continue;
        seen.add(l.id);
        near.push(l);
      }
    }
    const rects = new Map<string, Place>();
    for (const l of near) {
      for (const id of [l.fromId, l.toId]) {
        if (rects.has(id)) continue;
        const b = frame.boxOf(id);
        if (b) rects.set(id, b);
      }
    }
    return layoutConnectors(frame.panes, near, rects);
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
      for (const [id, c] of this.ends) {
        if (c.documentId !== p.documentId || offset < c.start || offset >= c.end) continue;
        for (const l of this.linksOf.get(id) ?? []) if (!ids.includes(l.id)) ids.push(l.id);
      }
    }
    // In the links' own order: the tip names the first few.
    ids.sort((a, b) => this.rank.get(a)! - this.rank.get(b)!);
    this.hoverFromText = ids.length > 0;
    return ids;
  }
}

/** The boxes of the claims on screen, for lining up panes. */
function onScreen(frame: Frame): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const id of frame.visible) {
    const b = frame.boxOf(id);
    if (b) out.set(id, b);
  }
  return out;
}
