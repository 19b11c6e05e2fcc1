import { paneRegistry } from '../reader/paneRegistry';
import { followDeltas } from './follow';
import { layoutConnectors, type Box, type EdgeMarker, type LinkEnds, type PaneGeometry } from './geometry';

const SVG = 'http://www.w3.org/2000/svg';
export const HOT_HIGHLIGHT = 'cr-link-hot';

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
}

export interface EngineEvents {
  hover(linkIds: readonly string[], tip: { linkId: string; x: number; y: number } | null): void;
  select(linkId: string): void;
  reveal(claimId: string): void;
  markerLabel(marker: EdgeMarker): string;
}

/**
 * Draws the connectors over the reading row. One requestAnimationFrame at a time does all the
 * work: it reads every rectangle it needs (panes, text columns, claims), lines up the other panes
 * when "follow links" is on, then writes the SVG — never a read after a write in one frame, so
 * the browser lays out once. Scrolls (passive, captured from every pane), resizes and pane
 * changes only ask for the next frame, and the frame they land in is the one that draws.
 */
export class ConnectorEngine {
  private input: EngineInput = { order: [], links: [], claims: new Map(), show: true, follow: false, hot: new Set() };
  private frame = 0;
  private readonly svg: SVGSVGElement;
  private readonly layer: SVGGElement;
  private readonly defs: SVGDefsElement;
  private readonly paths = new Map<string, { line: SVGPathElement; hit: SVGPathElement }>();
  private readonly marks = new Map<string, SVGGElement>();
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
  private readonly unwatch: () => void;

  constructor(
    private readonly row: HTMLElement,
    private readonly host: HTMLElement,
    private readonly events: EngineEvents,
  ) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.classList.add('connector-svg');
    this.svg.setAttribute('aria-hidden', 'true');
    this.defs = document.createElementNS(SVG, 'defs');
    this.layer = document.createElementNS(SVG, 'g');
    this.svg.append(this.defs, this.layer);
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
    this.input = next;
    this.schedule();
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
    // Reads.
    const rowBox = this.row.getBoundingClientRect();
    const panes = this.readPanes(order);
    let rects = this.readRects(panes);
    const hoverIds = this.readHover();
    // Follow links: scroll the other panes, then read their claims again (a scroll offset change
    // needs no new layout, so this second read is cheap).
    const leader = follow && this.leader ? panes.find((p) => p.documentId === this.leader) : undefined;
    this.leader = null;
    if (leader) {
      const deltas = followDeltas(leader, panes, links, rects);
      for (const [documentId, delta] of deltas) {
        const scroller = paneRegistry.get(documentId)?.scroller;
        if (!scroller || Math.abs(delta) < 1) continue;
        scroller.scrollTop += delta;
        this.driven.set(scroller, scroller.scrollTop);
      }
      if (deltas.size > 0) rects = this.readRects(panes);
    }
    const layout = show ? layoutConnectors(panes, links, rects) : { connectors: [], markers: [] };
    const at = this.pointer;
    if (hoverIds !== undefined) this.events.hover(hoverIds, hoverIds[0] && typeof at === 'object' ? { linkId: hoverIds[0], x: at.x, y: at.y } : null);
    // Writes.
    Object.assign(this.host.style, { left: `${rowBox.left}px`, top: `${rowBox.top}px`, width: `${rowBox.width}px`, height: `${rowBox.height}px` });
    this.svg.setAttribute('viewBox', `${rowBox.left} ${rowBox.top} ${Math.max(1, rowBox.width)} ${Math.max(1, rowBox.height)}`);
    this.writeConnectors(layout.connectors);
    this.writeMarkers(layout.markers);
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

  private readRects(panes: readonly PaneGeometry[]): Map<string, Box> {
    const open = new Set(panes.map((p) => p.documentId));
    const rects = new Map<string, Box>();
    for (const link of this.input.links) {
      for (const id of [link.fromId, link.toId]) {
        if (rects.has(id) || !open.has(this.input.claims.get(id)?.documentId ?? '')) continue;
        const r = this.range(id)?.getBoundingClientRect();
        if (r && r.height > 0) rects.set(id, box(r));
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

  private arrow(color: string): string {
    const id = `cr-arrow-${color.slice(1)}`;
    if (!this.defs.querySelector(`#${id}`)) {
      const marker = document.createElementNS(SVG, 'marker');
      marker.id = id;
      for (const [k, v] of Object.entries({ viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto' })) marker.setAttribute(k, v);
      const tip = document.createElementNS(SVG, 'path');
      tip.setAttribute('d', 'M0,0 L10,5 L0,10 z');
      tip.setAttribute('fill', color);
      marker.append(tip);
      this.defs.append(marker);
    }
    return `url(#${id})`;
  }

  private writeConnectors(connectors: ReturnType<typeof layoutConnectors>['connectors']): void {
    const byId = new Map(this.input.links.map((l) => [l.id, l]));
    const seen = new Set<string>();
    for (const c of connectors) {
      const link = byId.get(c.linkId)!;
      seen.add(c.linkId);
      let drawn = this.paths.get(c.linkId);
      if (!drawn) {
        drawn = { line: document.createElementNS(SVG, 'path'), hit: document.createElementNS(SVG, 'path') };
        drawn.line.classList.add('connector');
        drawn.hit.classList.add('connector-hit');
        drawn.line.dataset.linkId = c.linkId;
        drawn.hit.dataset.linkId = c.linkId;
        this.bindHit(drawn.hit, c.linkId);
        this.layer.append(drawn.line, drawn.hit);
        this.paths.set(c.linkId, drawn);
      }
      drawn.line.setAttribute('d', c.path);
      drawn.hit.setAttribute('d', c.gutterPath);
      drawn.line.setAttribute('stroke', link.color);
      drawn.line.dataset.from = `${c.from.x},${c.from.y}`;
      drawn.line.dataset.to = `${c.to.x},${c.to.y}`;
      if (link.directed) drawn.line.setAttribute('marker-end', this.arrow(link.color));
      else drawn.line.removeAttribute('marker-end');
      drawn.line.classList.toggle('is-hot', this.input.hot.has(c.linkId));
    }
    for (const [id, drawn] of this.paths) {
      if (seen.has(id)) continue;
      drawn.line.remove();
      drawn.hit.remove();
      this.paths.delete(id);
    }
  }

  private bindHit(hit: SVGPathElement, linkId: string): void {
    hit.addEventListener('mouseenter', (e) => this.events.hover([linkId], { linkId, x: e.clientX, y: e.clientY }));
    hit.addEventListener('mouseleave', () => this.events.hover([], null));
    hit.addEventListener('click', () => this.events.select(linkId));
  }

  private writeMarkers(markers: readonly EdgeMarker[]): void {
    const byId = new Map(this.input.links.map((l) => [l.id, l]));
    const seen = new Set<string>();
    for (const m of markers) {
      const key = `${m.linkId}:${m.hiddenId}`;
      seen.add(key);
      let g = this.marks.get(key);
      if (!g) {
        g = document.createElementNS(SVG, 'g');
        g.classList.add('connector-marker');
        g.setAttribute('role', 'button');
        g.setAttribute('tabindex', '0');
        g.dataset.linkId = m.linkId;
        g.dataset.hiddenId = m.hiddenId;
        const title = document.createElementNS(SVG, 'title');
        const dot = document.createElementNS(SVG, 'path');
        g.append(title, dot);
        const hidden = m.hiddenId;
        g.addEventListener('click', () => this.events.reveal(hidden));
        g.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            this.events.reveal(hidden);
          }
        });
        this.layer.append(g);
        this.marks.set(key, g);
      }
      const label = this.events.markerLabel(m);
      g.setAttribute('aria-label', label);
      g.firstChild!.textContent = label;
      const dot = g.lastChild as SVGPathElement;
      // A small arrowhead on the pane's edge, pointing to where the other end is.
      const s = 5;
      const d =
        m.where === 'above'
          ? `M${m.x - s},${m.y + s / 2} L${m.x},${m.y - s} L${m.x + s},${m.y + s / 2} z`
          : m.where === 'below'
            ? `M${m.x - s},${m.y - s / 2} L${m.x},${m.y + s} L${m.x + s},${m.y - s / 2} z`
            : m.side === 'right'
              ? `M${m.x - s / 2},${m.y - s} L${m.x + s},${m.y} L${m.x - s / 2},${m.y + s} z`
              : `M${m.x + s / 2},${m.y - s} L${m.x - s},${m.y} L${m.x + s / 2},${m.y + s} z`;
      dot.setAttribute('d', d);
      dot.setAttribute('fill', byId.get(m.linkId)?.color ?? '#868e96');
      g.dataset.where = m.where;
      g.dataset.x = String(m.x);
      g.dataset.y = String(m.y);
    }
    for (const [key, g] of this.marks) {
      if (seen.has(key)) continue;
      g.remove();
      this.marks.delete(key);
    }
  }
}

const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
