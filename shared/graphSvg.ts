import type { GraphFigure, Point } from './graph';
import type { GraphEdge, GraphNode } from './graphModel';

/**
 * The claim graph as a standalone SVG picture: the Graph view's SVG export and the dossier's
 * figure. Every text is escaped (quotes come from untrusted documents); no script, no link, no
 * external reference, so the picture is safe to embed in the dossier's HTML.
 */
export interface SvgInput {
  nodes: readonly Pick<GraphNode, 'id' | 'label' | 'color' | 'group' | 'isCluster'>[];
  edges: readonly Pick<GraphEdge, 'source' | 'target' | 'color' | 'directed'>[];
  positions: ReadonlyMap<string, Point>;
  /** Nodes drawn pale (outside the neighbourhood); none by default. */
  faded?: ReadonlySet<string>;
  /** Group id → the caption written above its nodes. */
  groupLabels?: ReadonlyMap<string, string>;
  /** The picture's accessible title. */
  title: string;
}

const R = 9;
const SPREAD = 1.8;
/** Characters of a quote written under its dot. */
const LABEL_CHARS = 34;

const shorten = (s: string) => (s.length <= LABEL_CHARS ? s : `${s.slice(0, LABEL_CHARS - 1).trimEnd()}…`);

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;
const color = (c: string) => (SAFE_COLOR.test(c) ? c : '#9e9e9e');
const num = (n: number) => String(Math.round(n * 10) / 10);

export function renderGraphSvg(input: SvgInput): string {
  const placed = input.nodes.filter((n) => input.positions.has(n.id));
  // Spread out beyond the screen's spacing: a printed figure has no zoom, and its labels need the room.
  const at = (id: string) => {
    const p = input.positions.get(id)!;
    return { x: p.x * SPREAD, y: p.y * SPREAD };
  };
  // The picture's bounds hold the dots, the labels under them and the group captions above them
  // (text widths estimated at 0.62 em per character: no font metrics here).
  const tops = new Map<string, Point>();
  for (const n of placed) {
    const p = at(n.id);
    const t = tops.get(n.group);
    tops.set(n.group, t ? { x: Math.min(t.x, p.x), y: Math.min(t.y, p.y) } : { ...p });
  }
  const boxes: { x1: number; x2: number; y1: number; y2: number }[] = placed.map((n) => {
    const p = at(n.id);
    const half = Math.max(R * 2, (shorten(n.label).length * 10 * 0.62) / 2);
    return { x1: p.x - half, x2: p.x + half, y1: p.y - R * 2, y2: p.y + R * 2 + 14 };
  });
  for (const [group, p] of tops) {
    const label = input.groupLabels?.get(group);
    if (label) boxes.push({ x1: p.x - R, x2: p.x - R + shorten(label).length * 12 * 0.62, y1: p.y - 40, y2: p.y });
  }
  const M = 16;
  const minX = Math.min(...boxes.map((b) => b.x1), 0) - M;
  const minY = Math.min(...boxes.map((b) => b.y1), 0) - M;
  const width = Math.max(...boxes.map((b) => b.x2), 0) - minX + M;
  const height = Math.max(...boxes.map((b) => b.y2), 0) - minY + M;
  const faded = input.faded ?? new Set<string>();
  const shown = new Set(placed.map((n) => n.id));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(minX)} ${num(minY)} ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" role="img" aria-label="${escapeXml(input.title)}">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<defs>${[...new Set(input.edges.filter((e) => e.directed).map((e) => color(e.color)))]
      .map((c) => `<marker id="arrow-${c.slice(1)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`)
      .join('')}</defs>`,
    `<rect x="${num(minX)}" y="${num(minY)}" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
  ];
  if (input.groupLabels) {
    for (const [group, p] of tops) {
      const label = input.groupLabels.get(group);
      if (label) out.push(`<text x="${num(p.x - R)}" y="${num(p.y - 22)}" font-family="sans-serif" font-size="12" font-weight="bold" fill="#37474f">${escapeXml(shorten(label))}</text>`);
    }
  }
  for (const e of input.edges) {
    if (!shown.has(e.source) || !shown.has(e.target)) continue;
    const a = at(e.source);
    const b = at(e.target);
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    // Ends at the target's rim so the arrowhead is not hidden under the node.
    const bx = b.x - ((b.x - a.x) / len) * R;
    const by = b.y - ((b.y - a.y) / len) * R;
    const c = color(e.color);
    const pale = faded.has(e.source) || faded.has(e.target);
    out.push(
      `<line x1="${num(a.x)}" y1="${num(a.y)}" x2="${num(bx)}" y2="${num(by)}" stroke="${c}" stroke-width="2"${pale ? ' stroke-opacity="0.15"' : ''}${e.directed ? ` marker-end="url(#arrow-${c.slice(1)})"` : ''}/>`,
    );
  }
  for (const n of placed) {
    const p = at(n.id);
    const pale = faded.has(n.id);
    const r = n.isCluster ? R * 1.6 : R;
    out.push(
      `<g${pale ? ' opacity="0.2"' : ''}><circle cx="${num(p.x)}" cy="${num(p.y)}" r="${num(r)}" fill="${color(n.color)}" stroke="#263238" stroke-width="${n.isCluster ? 2 : 1}"/>` +
        (pale ? '' : `<text x="${num(p.x)}" y="${num(p.y + r + 12)}" text-anchor="middle" font-family="sans-serif" font-size="10" fill="#212121">${escapeXml(shorten(n.label))}</text>`) +
        '</g>',
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/** A dossier's graph figure as SVG. */
export function figureSvg(fig: GraphFigure, title: string): string {
  return renderGraphSvg({
    nodes: fig.nodes,
    edges: fig.edges,
    positions: new Map(fig.nodes.map((n) => [n.id, { x: n.x, y: n.y }])),
    groupLabels: new Map(fig.groups.map((g) => [g.id, g.label])),
    title,
  });
}
