import { paneRegistry } from '../reader/paneRegistry';
import { followDeltas } from './follow';
import { layoutConnectors, type Box, type EdgeMarker, type LinkEnds, type PaneGeometry, type Place } from './geometry';

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
  private readonly paths: { line: SVGPathElement; hit: SVGPathElement }[] = [];
  private readonly marks: SVGGElement[] = [];
  /** Lines under, pointer targets (gutter curves, markers) over them. */
  private readonly lines: SVGGElement;
  private readonly hits: SVGGElement;
  private readonly ranges = new Map<string, Range>();
  /** Marker labels by link, hidden end and place: pooled markers change links as the panes scroll. */
  private readonly labels = new Map<string, string>();
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
    if (next.links !== this.input.links) this.labels.clear();
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

  /**
   * Paths are pooled by position, never removed while scrolling: each frame some links come into
   * view and others leave, and creating and removing SVG nodes for them cost more than all the
   * rest of the frame. A path takes the link it shows from its data attribute when hovered.
   */
  private writeConnectors(connectors: ReturnType<typeof layoutConnectors>['connectors']): void {
    const byId = new Map(this.input.links.map((l) => [l.id, l]));
    connectors.forEach((c, i) => {
      const link = byId.get(c.linkId)!;
      let drawn = this.paths[i];
      if (!drawn) {
        drawn = { line: document.createElementNS(SVG, 'path'), hit: document.createElementNS(SVG, 'path') };
        drawn.line.classList.add('connector');
        drawn.hit.classList.add('connector-hit');
        this.bindHit(drawn.hit);
        this.lines.append(drawn.line);
        this.hits.append(drawn.hit);
        this.paths.push(drawn);
      }
      const { line, hit } = drawn;
      if (line.dataset.linkId !== c.linkId) {
        line.dataset.linkId = c.linkId;
        hit.dataset.linkId = c.linkId;
      }
      line.style.display = '';
      hit.style.display = '';
      line.setAttribute('d', c.path);
      hit.setAttribute('d', c.gutterPath);
      line.dataset.from = `${c.from.x},${c.from.y}`;
      line.dataset.to = `${c.to.x},${c.to.y}`;
      // Colour and arrow are rewritten only when this path shows a link of another look.
      const look = `${link.color}${link.directed ? '>' : ''}`;
      if (line.dataset.look !== look) {
        line.dataset.look = look;
        line.setAttribute('stroke', link.color);
        if (link.directed) line.setAttribute('marker-end', this.arrow(link.color));
        else line.removeAttribute('marker-end');
      }
      const hot = this.input.hot.has(c.linkId);
      if (line.classList.contains('is-hot') !== hot) line.classList.toggle('is-hot', hot);
      this.writeFocusable(hit, c.linkId);
    });
    for (let i = connectors.length; i < this.paths.length; i++) {
      const { line, hit } = this.paths[i]!;
      if (line.style.display === 'none') break;
      line.style.display = 'none';
      hit.style.display = 'none';
      delete line.dataset.linkId;
      delete hit.dataset.linkId;
      this.writeFocusable(hit, null);
    }
  }

  /** Makes a connector a button in the tab order when its link is the selected claim's, and an inert line otherwise. */
  private writeFocusable(hit: SVGPathElement, linkId: string | null): void {
    const focusable = linkId !== null && this.input.focusable.has(linkId);
    const label = focusable ? this.events.connectorLabel(linkId) : null;
    if ((hit.getAttribute('aria-label') ?? null) === label) return;
    if (label === null) {
      for (const a of ['tabindex', 'role', 'aria-label']) hit.removeAttribute(a);
      return;
    }
    hit.setAttribute('tabindex', '0');
    hit.setAttribute('role', 'button');
    hit.setAttribute('aria-label', label);
  }

  /** The connectors that take focus, in the order they are drawn (top to bottom, pane by pane). */
  private focusableHits(): SVGPathElement[] {
    return this.paths.map((p) => p.hit).filter((h) => h.style.display !== 'none' && h.hasAttribute('tabindex'));
  }

  /** Moves the keyboard's focus to the first connector of the selected claim; false when none is drawn. */
  focusFirst(): boolean {
    const first = this.focusableHits()[0];
    first?.focus();
    return first !== undefined;
  }

  private bindHit(hit: SVGPathElement): void {
    hit.addEventListener('mouseenter', (e) => {
      const linkId = hit.dataset.linkId;
      if (linkId) this.events.hover([linkId], { linkId, x: e.clientX, y: e.clientY });
    });
    hit.addEventListener('mouseleave', () => this.events.hover([], null));
    hit.addEventListener('click', () => {
      if (hit.dataset.linkId) this.events.select(hit.dataset.linkId);
    });
    // From the keyboard, focus stands for the pointer: it marks both ends and names the relation.
    hit.addEventListener('focus', () => {
      const linkId = hit.dataset.linkId;
      const [x, y] = (this.lineOf(hit)?.dataset.from ?? '0,0').split(',').map(Number);
      this.keyboardFocus = true;
      if (linkId) this.events.hover([linkId], { linkId, x: x!, y: y! });
    });
    hit.addEventListener('blur', () => {
      this.keyboardFocus = false;
      this.events.hover([], null);
    });
    hit.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        if (hit.dataset.linkId) this.events.select(hit.dataset.linkId);
        return;
      }
      const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      const all = this.focusableHits();
      const next = all[(all.indexOf(hit) + step + all.length) % all.length];
      next?.focus();
    });
  }

  private lineOf(hit: SVGPathElement): SVGPathElement | undefined {
    return this.paths.find((p) => p.hit === hit)?.line;
  }

  private writeMarkers(markers: readonly EdgeMarker[]): void {
    const byId = new Map(this.input.links.map((l) => [l.id, l]));
    markers.forEach((m, i) => {
      let g = this.marks[i];
      if (!g) {
        g = document.createElementNS(SVG, 'g');
        g.classList.add('connector-marker');
        g.setAttribute('role', 'button');
        g.setAttribute('tabindex', '0');
        g.append(document.createElementNS(SVG, 'title'), document.createElementNS(SVG, 'path'));
        const target = g;
        const reveal = () => {
          if (target.dataset.hiddenId) this.events.reveal(target.dataset.hiddenId);
        };
        g.addEventListener('click', reveal);
        g.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            reveal();
          }
        });
        this.hits.append(g);
        this.marks.push(g);
      }
      g.style.display = '';
      // The label is worded when the marker shows another link or place, not every frame.
      if (g.dataset.linkId !== m.linkId || g.dataset.hiddenId !== m.hiddenId || g.dataset.where !== m.where) {
        g.dataset.linkId = m.linkId;
        g.dataset.hiddenId = m.hiddenId;
        g.dataset.where = m.where;
        const key = `${m.linkId}:${m.hiddenId}:${m.where}`;
        let label = this.labels.get(key);
        if (label === undefined) {
          label = this.events.markerLabel(m);
          this.labels.set(key, label);
        }
        g.setAttribute('aria-label', label);
        g.firstChild!.textContent = label;
        (g.lastChild as SVGPathElement).setAttribute('fill', byId.get(m.linkId)?.color ?? '#868e96');
      }
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
      (g.lastChild as SVGPathElement).setAttribute('d', d);
      g.dataset.x = String(m.x);
      g.dataset.y = String(m.y);
    });
    for (let i = markers.length; i < this.marks.length; i++) {
      const g = this.marks[i]!;
      if (g.style.display === 'none') break;
      g.style.display = 'none';
      delete g.dataset.linkId;
      delete g.dataset.hiddenId;
      delete g.dataset.where;
    }
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
