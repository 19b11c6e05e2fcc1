import type { Point } from './graph';
import type { GraphEdge, GraphNode } from './graphModel';

/**
 * The claim graph as a standalone SVG picture: the Graph view's SVG export and the dossier's
 * figure. Every text is escaped (quotes come from untrusted documents); no script, no link, no
 * external reference, so the picture is safe to embed in the dossier's HTML.
 */
export interface SvgInput {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  positions: ReadonlyMap<string, Point>;
  /** Nodes drawn pale (outside the neighbourhood); none by default. */
  faded?: ReadonlySet<string>;
  /** Group id → the caption written above its nodes. */
  groupLabels?: ReadonlyMap<string, string>;
  /** The picture's accessible title. */
  title: string;
}

const R = 9;
const PAD = 40;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;
const color = (c: string) => (SAFE_COLOR.test(c) ? c : '#9e9e9e');
const num = (n: number) => String(Math.round(n * 10) / 10);

export function renderGraphSvg(input: SvgInput): string {
  const placed = input.nodes.filter((n) => input.positions.has(n.id));
  const at = (id: string) => input.positions.get(id)!;
  const xs = placed.map((n) => at(n.id).x);
  const ys = placed.map((n) => at(n.id).y);
  const minX = Math.min(0, ...xs) - PAD;
  const minY = Math.min(0, ...ys) - PAD - 20;
  const width = Math.max(...xs, 0) - minX + PAD + 200;
  const height = Math.max(...ys, 0) - minY + PAD;
  const faded = input.faded ?? new Set<string>();
  const shown = new Set(placed.map((n) => n.id));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(minX)} ${num(minY)} ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" role="img" aria-label="${escapeXml(input.title)}">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<defs>${[...new Set(input.edges.map((e) => color(e.color)))]
      .map((c) => `<marker id="arrow-${c.slice(1)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`)
      .join('')}</defs>`,
    `<rect x="${num(minX)}" y="${num(minY)}" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
  ];
  if (input.groupLabels) {
    const tops = new Map<string, Point>();
    for (const n of placed) {
      const p = at(n.id);
      const t = tops.get(n.group);
      tops.set(n.group, t ? { x: Math.min(t.x, p.x), y: Math.min(t.y, p.y) } : { ...p });
    }
    for (const [group, p] of tops) {
      const label = input.groupLabels.get(group);
      if (label) out.push(`<text x="${num(p.x)}" y="${num(p.y - 22)}" font-family="sans-serif" font-size="13" font-weight="bold" fill="#37474f">${escapeXml(label)}</text>`);
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
        (pale ? '' : `<text x="${num(p.x + r + 4)}" y="${num(p.y + 4)}" font-family="sans-serif" font-size="11" fill="#212121">${escapeXml(n.label)}</text>`) +
        '</g>',
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
