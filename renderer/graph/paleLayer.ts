import type { Point } from '../../shared/graph';
import { HitGrid } from './hitGrid';

/**
 * A big graph's resting picture: every node and link, pale, painted by hand on one canvas under
 * cytoscape's. Thousands of styled, indexed, individually cached cytoscape elements cost seconds to
 * build and to restyle on a machine without a GPU; here a repaint is one path per colour. Only
 * the neighbourhood the analyst looks at is live in cytoscape, drawn over this picture.
 */

/** Half the side of a node in model units (graphStyle's nodes are 16 wide). */
const NODE_RADIUS = 8;

export interface PaleNode {
  id: string;
  color: string;
}
export interface PaleEdge {
  source: string;
  target: string;
  color: string;
}
export interface Viewport {
  zoom: number;
  pan: Point;
  width: number;
  height: number;
}

/** Coordinates packed per colour, so a repaint fills or strokes each colour once. */
interface Batch {
  color: string;
  coords: Float64Array;
}

export class PaleLayer {
  private readonly canvas: HTMLCanvasElement;
  private nodeBatches: Batch[] = [];
  private edgeBatches: Batch[] = [];
  private ids: string[] = [];
  private xs = new Float64Array(0);
  private ys = new Float64Array(0);
  private hits = new HitGrid([], new Float64Array(0), new Float64Array(0), NODE_RADIUS);
  private frame = 0;

  constructor(container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'graph-pale';
    this.canvas.setAttribute('aria-hidden', 'true');
    // First in the container and positioned without a z-index: cytoscape's own canvases (a later
    // sibling that stacks at z-index 0) are drawn over it.
    this.canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none';
    container.prepend(this.canvas);
  }

  /** What to paint: the nodes at their places, in the colours given (already pale). */
  setGraph(nodes: readonly PaleNode[], edges: readonly PaleEdge[], places: ReadonlyMap<string, Point>): void {
    this.ids = [];
    const xs: number[] = [];
    const ys: number[] = [];
    const index = new Map<string, number>();
    const nodeCoords = new Map<string, number[]>();
    for (const n of nodes) {
      const p = places.get(n.id);
      if (!p) continue;
      index.set(n.id, this.ids.length);
      this.ids.push(n.id);
      xs.push(p.x);
      ys.push(p.y);
      push(nodeCoords, n.color, p.x, p.y);
    }
    const edgeCoords = new Map<string, number[]>();
    for (const e of edges) {
      const a = index.get(e.source);
      const b = index.get(e.target);
      if (a === undefined || b === undefined) continue;
      push(edgeCoords, e.color, xs[a]!, ys[a]!, xs[b]!, ys[b]!);
    }
    this.xs = Float64Array.from(xs);
    this.ys = Float64Array.from(ys);
    this.nodeBatches = batches(nodeCoords);
    this.edgeBatches = batches(edgeCoords);
    this.hits = new HitGrid(this.ids, this.xs, this.ys, NODE_RADIUS);
  }

  /** The node under a point of the model (cytoscape's coordinates), the nearest if several; `slack` widens the reach. */
  nodeAt(at: Point, slack = 0): string | null {
    return this.hits.nodeAt(at, slack);
  }

  /** Paints at the next animation frame; panning calls this for every step and gets one paint per frame. */
  schedule(viewport: () => Viewport): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint(viewport());
    });
  }

  paint(v: Viewport): void {
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const c = this.canvas;
    if (c.width !== v.width || c.height !== v.height) {
      c.width = v.width;
      c.height = v.height;
      c.style.width = `${v.width}px`;
      c.style.height = `${v.height}px`;
    }
    const g = c.getContext('2d')!;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, c.width, c.height);
    this.paintOn(g, v);
  }

  /** Paints the picture on `g` as seen through `v` (the screen's viewport, or an export's). */
  paintOn(g: CanvasRenderingContext2D, v: Viewport): void {
    if (this.ids.length === 0) return;
    g.save();
    g.setTransform(v.zoom, 0, 0, v.zoom, v.pan.x, v.pan.y);
    // What is in view, in model units, with a node's width of margin: the rest is not painted.
    const x0 = -v.pan.x / v.zoom - NODE_RADIUS;
    const y0 = -v.pan.y / v.zoom - NODE_RADIUS;
    const x1 = (v.width - v.pan.x) / v.zoom + NODE_RADIUS;
    const y1 = (v.height - v.pan.y) / v.zoom + NODE_RADIUS;
    g.lineWidth = 1;
    for (const { color, coords } of this.edgeBatches) {
      g.beginPath();
      for (let i = 0; i < coords.length; i += 4) {
        const ax = coords[i]!;
        const ay = coords[i + 1]!;
        const bx = coords[i + 2]!;
        const by = coords[i + 3]!;
        if ((ax < x0 && bx < x0) || (ax > x1 && bx > x1) || (ay < y0 && by < y0) || (ay > y1 && by > y1)) continue;
        g.moveTo(ax, ay);
        g.lineTo(bx, by);
      }
      g.strokeStyle = color;
      g.stroke();
    }
    // A node smaller than two pixels on screen is painted as a square: the same speck, far cheaper.
    const speck = NODE_RADIUS * v.zoom < 2;
    for (const { color, coords } of this.nodeBatches) {
      g.beginPath();
      for (let i = 0; i < coords.length; i += 2) {
        const x = coords[i]!;
        const y = coords[i + 1]!;
        if (x < x0 || x > x1 || y < y0 || y > y1) continue;
        if (speck) g.rect(x - NODE_RADIUS, y - NODE_RADIUS, 2 * NODE_RADIUS, 2 * NODE_RADIUS);
        else {
          g.moveTo(x + NODE_RADIUS, y);
          g.arc(x, y, NODE_RADIUS, 0, 2 * Math.PI);
        }
      }
      g.fillStyle = color;
      g.fill();
    }
    g.restore();
  }

  /** The box around every node painted, in model units; null when there is none. */
  bounds(): { x1: number; y1: number; x2: number; y2: number } | null {
    if (this.ids.length === 0) return null;
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (let i = 0; i < this.ids.length; i++) {
      x1 = Math.min(x1, this.xs[i]!);
      y1 = Math.min(y1, this.ys[i]!);
      x2 = Math.max(x2, this.xs[i]!);
      y2 = Math.max(y2, this.ys[i]!);
    }
    return { x1: x1 - NODE_RADIUS, y1: y1 - NODE_RADIUS, x2: x2 + NODE_RADIUS, y2: y2 + NODE_RADIUS };
  }

  clear(): void {
    this.setGraph([], [], new Map());
    this.paint({ zoom: 1, pan: { x: 0, y: 0 }, width: this.canvas.width, height: this.canvas.height });
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.canvas.remove();
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, values);
}

function batches(coords: Map<string, number[]>): Batch[] {
  return [...coords].map(([color, list]) => ({ color, coords: Float64Array.from(list) }));
}

/**
 * A colour mixed two thirds towards white: a big graph's resting colours. Pale colours instead of
 * opacity, because a translucent element costs cytoscape an extra compositing step.
 */
export function paleOf(hex: string): string {
  const mix = (i: number) =>
    Math.round(parseInt(hex.slice(i, i + 2), 16) / 3 + (255 * 2) / 3)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}
