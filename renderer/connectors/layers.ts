import type { DrawnLink } from './engine';
import type { Connector, EdgeMarker } from './geometry';
import { markerPath } from './paint';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Hands out one pooled element per key (a link's id) and keeps it for that key while the key is
 * drawn: a link scrolling along keeps its element, so a frame only moves it, and its label, colour
 * and data stay written. Elements whose link left the screen are handed to links that came in,
 * and the rest are hidden, never removed: creating and removing SVG nodes while scrolling cost
 * more than the rest of the frame.
 */
class KeyedPool<T extends { key: string | null }> {
  private readonly all: T[] = [];
  private live = new Map<string, T>();

  constructor(
    private readonly make: () => T,
    private readonly hide: (item: T) => void,
  ) {}

  /** The items for this frame's keys, in their order. */
  take(keys: readonly string[]): T[] {
    const next = new Map<string, T>();
    const out: (T | undefined)[] = new Array<T | undefined>(keys.length);
    keys.forEach((k, i) => {
      const kept = this.live.get(k);
      if (kept && !next.has(k)) {
        next.set(k, kept);
        out[i] = kept;
      }
    });
    const used = new Set(next.values());
    const spares = this.all.filter((item) => !used.has(item));
    let s = 0;
    keys.forEach((k, i) => {
      if (out[i]) return;
      let item = spares[s++];
      if (!item) {
        item = this.make();
        this.all.push(item);
      }
      next.set(k, item);
      out[i] = item;
    });
    for (; s < spares.length; s++) if (spares[s]!.key !== null) this.hide(spares[s]!);
    this.live = next;
    return out as T[];
  }
}

interface PooledConnector {
  key: string | null;
  line: SVGPathElement;
  hit: SVGPathElement;
  d: string;
  gutter: string;
  from: string;
  to: string;
  look: string;
  hot: boolean;
  /** Its accessible name while it takes focus; null while it is a plain line. */
  label: string | null;
  /** The link the label was worded for. */
  labelled: string | null;
}

export interface ConnectorEvents {
  hover(linkIds: readonly string[], tip: { linkId: string; x: number; y: number } | null): void;
  select(linkId: string): void;
  connectorLabel(linkId: string): string;
  /** A connector took or lost the keyboard's focus. */
  focused(on: boolean): void;
  /** Whether the pointer targets are where the lines are painted (false while a scroll has not come to rest). */
  live(): boolean;
}

/** The connectors: a drawn line under a wide transparent pointer target (the "hit" path). */
export class ConnectorLayer {
  private readonly pool: KeyedPool<PooledConnector>;
  /** This frame's connectors in the order laid out (top to bottom, pane by pane): the focus order. */
  private shown: PooledConnector[] = [];

  constructor(
    private readonly lines: SVGGElement,
    private readonly hits: SVGGElement,
    private readonly defs: SVGDefsElement,
    private readonly events: ConnectorEvents,
  ) {
    this.pool = new KeyedPool(
      () => this.make(),
      (c) => {
        c.key = null;
        c.line.style.display = 'none';
        c.hit.style.display = 'none';
        delete c.line.dataset.linkId;
        delete c.hit.dataset.linkId;
        this.writeFocusable(c, null, new Set());
      },
    );
  }

  write(connectors: readonly Connector[], byId: ReadonlyMap<string, DrawnLink>, hot: ReadonlySet<string>, focusable: ReadonlySet<string>): void {
    this.shown = this.pool.take(connectors.map((c) => c.linkId));
    connectors.forEach((c, i) => {
      const drawn = this.shown[i]!;
      const { line, hit } = drawn;
      if (drawn.key !== c.linkId) {
        if (drawn.key === null) {
          line.style.display = '';
          hit.style.display = '';
        }
        drawn.key = c.linkId;
        line.dataset.linkId = c.linkId;
        hit.dataset.linkId = c.linkId;
      }
      if (drawn.d !== c.path) line.setAttribute('d', (drawn.d = c.path));
      if (drawn.gutter !== c.gutterPath) hit.setAttribute('d', (drawn.gutter = c.gutterPath));
      const from = `${c.from.x},${c.from.y}`;
      const to = `${c.to.x},${c.to.y}`;
      if (drawn.from !== from) line.dataset.from = drawn.from = from;
      if (drawn.to !== to) line.dataset.to = drawn.to = to;
      // Colour and arrow are rewritten only when this path shows a link of another look.
      const link = byId.get(c.linkId)!;
      const look = `${link.color}${link.directed ? '>' : ''}`;
      if (drawn.look !== look) {
        drawn.look = look;
        line.setAttribute('stroke', link.color);
        if (link.directed) line.setAttribute('marker-end', this.arrow(link.color));
        else line.removeAttribute('marker-end');
      }
      const isHot = hot.has(c.linkId);
      if (drawn.hot !== isHot) line.classList.toggle('is-hot', (drawn.hot = isHot));
      this.writeFocusable(drawn, c.linkId, focusable);
    });
  }

  /**
   * While a scroll has not come to rest, only the few connectors that take focus (the selected
   * claim's) are moved, so that a focus ring follows its line; the rest wait for the scroll to rest.
   */
  moveFocusable(connectors: readonly Connector[]): void {
    const takes = this.shown.filter((c) => c.label !== null && c.key !== null);
    if (takes.length === 0) return;
    const keys = new Set(takes.map((c) => c.key));
    const at = new Map(connectors.filter((c) => keys.has(c.linkId)).map((c) => [c.linkId, c]));
    for (const drawn of takes) {
      const c = at.get(drawn.key!);
      if (!c) continue;
      if (drawn.gutter !== c.gutterPath) drawn.hit.setAttribute('d', (drawn.gutter = c.gutterPath));
      drawn.from = `${c.from.x},${c.from.y}`;
    }
  }

  /** Moves the keyboard's focus to the first connector of the selected claim; false when none is drawn. */
  focusFirst(): boolean {
    const first = this.focusable()[0];
    first?.focus();
    return first !== undefined;
  }

  private focusable(): SVGPathElement[] {
    return this.shown.filter((c) => c.label !== null).map((c) => c.hit);
  }

  /** Makes a connector a button in the tab order when its link is the selected claim's, and an inert line otherwise. */
  private writeFocusable(drawn: PooledConnector, linkId: string | null, focusable: ReadonlySet<string>): void {
    const takes = linkId !== null && focusable.has(linkId);
    // Worded only when the connector starts taking focus or shows another link: not every frame.
    if (takes ? drawn.labelled === linkId : drawn.label === null) return;
    const label = takes ? this.events.connectorLabel(linkId) : null;
    drawn.label = label;
    drawn.labelled = takes ? linkId : null;
    const { hit } = drawn;
    if (label === null) {
      for (const a of ['tabindex', 'role', 'aria-label']) hit.removeAttribute(a);
      return;
    }
    hit.setAttribute('tabindex', '0');
    hit.setAttribute('role', 'button');
    hit.setAttribute('aria-label', label);
  }

  private make(): PooledConnector {
    const drawn: PooledConnector = { key: null, line: document.createElementNS(SVG, 'path'), hit: document.createElementNS(SVG, 'path'), d: '', gutter: '', from: '', to: '', look: '', hot: false, label: null, labelled: null };
    drawn.line.classList.add('connector');
    drawn.hit.classList.add('connector-hit');
    this.lines.append(drawn.line);
    this.hits.append(drawn.hit);
    const { hit } = drawn;
    // A pointer target left behind by a scroll that has not come to rest answers neither hover nor click.
    hit.addEventListener('mouseenter', (e) => {
      if (drawn.key && this.events.live()) this.events.hover([drawn.key], { linkId: drawn.key, x: e.clientX, y: e.clientY });
    });
    hit.addEventListener('mouseleave', () => this.events.hover([], null));
    hit.addEventListener('click', () => {
      if (drawn.key && this.events.live()) this.events.select(drawn.key);
    });
    // From the keyboard, focus stands for the pointer: it marks both ends and names the relation.
    hit.addEventListener('focus', () => {
      const [x, y] = (drawn.from || '0,0').split(',').map(Number);
      this.events.focused(true);
      if (drawn.key) this.events.hover([drawn.key], { linkId: drawn.key, x: x!, y: y! });
    });
    hit.addEventListener('blur', () => {
      this.events.focused(false);
      this.events.hover([], null);
    });
    hit.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        if (drawn.key) this.events.select(drawn.key);
        return;
      }
      const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      const all = this.focusable();
      all[(all.indexOf(hit) + step + all.length) % all.length]?.focus();
    });
    return drawn;
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
}

interface PooledMarker {
  key: string | null;
  g: SVGGElement;
  title: SVGTitleElement;
  shape: SVGPathElement;
  /** Hidden end and place: a change rewords the label. */
  shows: string;
  fill: string;
  d: string;
}

export interface MarkerEvents {
  reveal(claimId: string): void;
  markerLabel(marker: EdgeMarker): string;
  live(): boolean;
}

/** The edge markers: one per link with one end on screen, at that end's height on its pane's edge. */
export class MarkerLayer {
  private readonly pool: KeyedPool<PooledMarker>;
  /** Marker labels by link, hidden end and place. */
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly hits: SVGGElement,
    private readonly events: MarkerEvents,
  ) {
    this.pool = new KeyedPool(
      () => this.make(),
      (m) => {
        m.key = null;
        m.shows = '';
        m.g.style.display = 'none';
        delete m.g.dataset.linkId;
        delete m.g.dataset.hiddenId;
        delete m.g.dataset.where;
      },
    );
  }

  /** Forgets the labels (the links or their names changed). */
  reword(): void {
    this.labels.clear();
  }

  write(markers: readonly EdgeMarker[], byId: ReadonlyMap<string, DrawnLink>): void {
    const items = this.pool.take(markers.map((m) => m.linkId));
    markers.forEach((m, i) => {
      const mark = items[i]!;
      const { g } = mark;
      if (mark.key === null) g.style.display = '';
      mark.key = m.linkId;
      const shows = `${m.linkId}:${m.hiddenId}:${m.where}`;
      if (mark.shows !== shows) {
        mark.shows = shows;
        g.dataset.linkId = m.linkId;
        g.dataset.hiddenId = m.hiddenId;
        g.dataset.where = m.where;
        let label = this.labels.get(shows);
        if (label === undefined) {
          label = this.events.markerLabel(m);
          this.labels.set(shows, label);
        }
        g.setAttribute('aria-label', label);
        mark.title.textContent = label;
        const fill = byId.get(m.linkId)?.color ?? '#868e96';
        if (mark.fill !== fill) mark.shape.setAttribute('fill', (mark.fill = fill));
      }
      const d = markerPath(m);
      if (mark.d !== d) mark.shape.setAttribute('d', (mark.d = d));
    });
  }

  private make(): PooledMarker {
    const g = document.createElementNS(SVG, 'g');
    g.classList.add('connector-marker');
    g.setAttribute('role', 'button');
    g.setAttribute('tabindex', '0');
    const title = document.createElementNS(SVG, 'title');
    const shape = document.createElementNS(SVG, 'path');
    g.append(title, shape);
    const mark: PooledMarker = { key: null, g, title, shape, shows: '', fill: '', d: '' };
    const reveal = () => {
      if (g.dataset.hiddenId) this.events.reveal(g.dataset.hiddenId);
    };
    g.addEventListener('click', () => {
      if (this.events.live()) reveal();
    });
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        reveal();
      }
    });
    this.hits.append(g);
    return mark;
  }
}
