import type { DrawnLink } from './engine';
import type { Box, Connector, Curve, EdgeMarker } from './geometry';

/**
 * A line: thin and translucent, or thick and opaque when emphasised. The plain line is one pixel
 * wide because the rasteriser draws such hairlines on a fast path: without a GPU, 400 curves
 * 1.6 px wide took about 16 ms a frame to rasterise, one pixel wide under 2 ms (the opacity is
 * raised so that they read as before).
 */
const PLAIN = { width: 1, alpha: 0.8 };
const HOT = { width: 3, alpha: 1 };
/** The arrowhead, in stroke widths (an SVG marker 7 × 7 over a 10-unit box, its tip one unit past the end). */
const ARROW_BACK = 0.7 * 9;
const ARROW_TIP = 0.7 * 1;
const ARROW_HALF = 0.7 * 5;
/** An edge marker's half size, px. */
const MARK = 5;

/**
 * Paints every connector and edge marker on one canvas. A scroll frame clears it and strokes the
 * lines again, one path per colour, instead of moving hundreds of SVG elements: the browser then
 * restyles, lays out and repaints nothing but this one canvas.
 */
export class ConnectorCanvas {
  readonly canvas: HTMLCanvasElement & { connectorsDrawn?: number };
  private readonly ctx: CanvasRenderingContext2D | null;
  private size = '';
  /** The page's panel colour, which rings the edge markers (read when the canvas is sized). */
  private ring = '#ffffff';

  constructor() {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'connector-canvas';
    this.canvas.setAttribute('aria-hidden', 'true');
    this.ctx = this.canvas.getContext('2d');
  }

  paint(row: Box, connectors: readonly Connector[], markers: readonly EdgeMarker[], byId: ReadonlyMap<string, DrawnLink>, hot: ReadonlySet<string>): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(row.right - row.left));
    const h = Math.max(1, Math.round(row.bottom - row.top));
    const size = `${w}x${h}@${dpr}`;
    if (size !== this.size) {
      this.size = size;
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(h * dpr);
      this.ring = getComputedStyle(this.canvas).getPropertyValue('--panel').trim() || '#ffffff';
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    // Drawn in the page's coordinates, as the layout gives them.
    ctx.setTransform(dpr, 0, 0, dpr, -row.left * dpr, -row.top * dpr);
    const plain = new Map<string, Connector[]>();
    const emphasised: Connector[] = [];
    for (const c of connectors) {
      if (hot.has(c.linkId)) {
        emphasised.push(c);
        continue;
      }
      const color = byId.get(c.linkId)?.color ?? '#868e96';
      const list = plain.get(color);
      if (list) list.push(c);
      else plain.set(color, [c]);
    }
    for (const [color, list] of plain) this.lines(ctx, color, list, byId, PLAIN);
    for (const c of emphasised) this.lines(ctx, byId.get(c.linkId)?.color ?? '#868e96', [c], byId, HOT);
    this.markers(ctx, markers, byId);
    // How many connectors this frame drew, for the bench: a property, not an attribute, since any
    // attribute written while scrolling makes the browser check the text's highlights again and
    // repaint every pane.
    this.canvas.connectorsDrawn = connectors.length;
  }

  private lines(ctx: CanvasRenderingContext2D, color: string, list: readonly Connector[], byId: ReadonlyMap<string, DrawnLink>, look: typeof PLAIN): void {
    ctx.globalAlpha = look.alpha;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = look.width;
    ctx.beginPath();
    for (const { curve } of list) trace(ctx, curve);
    ctx.stroke();
    ctx.beginPath();
    let arrows = false;
    for (const c of list) {
      if (!byId.get(c.linkId)?.directed) continue;
      arrows = true;
      // The arrow points along the line's last stretch: into the claim at the link's target end.
      const dir = c.to.x >= c.from.x ? 1 : -1;
      const { x, y } = c.to;
      const s = look.width;
      ctx.moveTo(x + dir * ARROW_TIP * s, y);
      ctx.lineTo(x - dir * ARROW_BACK * s, y - ARROW_HALF * s);
      ctx.lineTo(x - dir * ARROW_BACK * s, y + ARROW_HALF * s);
      ctx.closePath();
    }
    if (arrows) ctx.fill();
    ctx.globalAlpha = 1;
  }

  /** The edge markers, one path per colour: filled, then ringed in the panel's colour. */
  private markers(ctx: CanvasRenderingContext2D, markers: readonly EdgeMarker[], byId: ReadonlyMap<string, DrawnLink>): void {
    const byColor = new Map<string, EdgeMarker[]>();
    for (const m of markers) {
      const color = byId.get(m.linkId)?.color ?? '#868e96';
      const list = byColor.get(color);
      if (list) list.push(m);
      else byColor.set(color, [m]);
    }
    ctx.lineWidth = 1;
    ctx.strokeStyle = this.ring;
    for (const [color, list] of byColor) {
      ctx.beginPath();
      for (const m of list) markerShape(ctx, m);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.stroke();
    }
  }
}

function trace(ctx: CanvasRenderingContext2D, c: Curve): void {
  ctx.moveTo(c.lx, c.ly);
  ctx.lineTo(c.gl, c.ly);
  ctx.bezierCurveTo(c.gl + c.bend, c.ly, c.gr - c.bend, c.ry, c.gr, c.ry);
  ctx.lineTo(c.rx, c.ry);
}

/** A small arrowhead on the pane's edge, pointing to where the other end is: its three corners. */
function markerPoints(m: EdgeMarker): [number, number][] {
  const s = MARK;
  const { x, y } = m;
  if (m.where === 'above') return [[x - s, y + s / 2], [x, y - s], [x + s, y + s / 2]];
  if (m.where === 'below') return [[x - s, y - s / 2], [x, y + s], [x + s, y - s / 2]];
  return m.side === 'right' ? [[x - s / 2, y - s], [x + s, y], [x - s / 2, y + s]] : [[x + s / 2, y - s], [x - s, y], [x + s / 2, y + s]];
}

/** The edge marker's shape as an SVG path (its pointer target, over the painted one). */
export function markerPath(m: EdgeMarker): string {
  const [a, b, c] = markerPoints(m);
  return `M${a![0]},${a![1]} L${b![0]},${b![1]} L${c![0]},${c![1]} z`;
}

function markerShape(ctx: CanvasRenderingContext2D, m: EdgeMarker): void {
  const [a, b, c] = markerPoints(m);
  ctx.moveTo(a![0], a![1]);
  ctx.lineTo(b![0], b![1]);
  ctx.lineTo(c![0], c![1]);
  ctx.closePath();
}
