import { z } from 'zod';

/**
 * The claim graph's shared parts: the stored node positions (the API's shapes), the colours of
 * link types, and the seeded layout both the Graph view and the dossier figure start from, so a
 * figure in the dossier looks like the graph on screen.
 */

/**
 * How nodes are grouped; a node dragged in one arrangement keeps its place there only, since the
 * same claim sits elsewhere when grouped another way. An attribute arrangement names the attribute.
 */
export const GraphArrangement = z.union([z.enum(['document', 'cluster']), z.string().regex(/^attribute:[0-9a-f-]{36}$/)]);
export type GraphArrangement = z.infer<typeof GraphArrangement>;

const Coordinate = z.number().finite().min(-1e6).max(1e6);

/** A node placed by the user: a claim, or in cluster mode the cluster's key claim. */
export const GraphPosition = z.object({ nodeId: z.uuid(), x: Coordinate, y: Coordinate }).strict();
export type GraphPosition = z.infer<typeof GraphPosition>;

export const GraphPlaceInput = z
  .object({ arrangement: GraphArrangement, positions: z.array(GraphPosition).min(1).max(10_000) })
  .strict();

const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/**
 * The claim graph as a dossier figure: placed nodes and coloured edges, data rather than a
 * picture, so a dossier read back from JSON draws it through the same escaping renderer.
 */
export const GraphFigure = z.object({
  nodes: z
    .array(
      z.object({
        id: z.string().max(100),
        label: z.string().max(300),
        color: HexColor,
        group: z.string().max(100),
        isCluster: z.boolean(),
        x: Coordinate,
        y: Coordinate,
      }),
    )
    .max(20_000),
  edges: z.array(z.object({ source: z.string().max(100), target: z.string().max(100), color: HexColor, directed: z.boolean() })).max(50_000),
  /** Each group's caption (a source's title). */
  groups: z.array(z.object({ id: z.string().max(100), label: z.string().max(300) })).max(5_000),
});
export type GraphFigure = z.infer<typeof GraphFigure>;

/** A node of the layout: its id and the group it sits in (a document, an attribute value…). */
export interface LayoutNode {
  id: string;
  group: string;
  /** Bigger nodes (a cluster) get more room. */
  weight?: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Room per node of weight 1 inside a group. */
export const NODE_SPACING = 46;
const GROUP_GAP = 70;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Places the nodes without randomness: groups side by side in rows (in `groupOrder`, then any
 * other group by name), each group's nodes on a sunflower spiral in the order given. The same
 * project therefore opens to the same picture every time, and a new claim finds a free place at
 * its group's rim instead of reshuffling the others.
 */
export function seededLayout(nodes: readonly LayoutNode[], groupOrder: readonly string[] = []): Map<string, Point> {
  const groups = new Map<string, LayoutNode[]>();
  for (const n of nodes) {
    const list = groups.get(n.group);
    if (list) list.push(n);
    else groups.set(n.group, [n]);
  }
  const rank = new Map(groupOrder.map((g, i) => [g, i]));
  const names = [...groups.keys()].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  const radiusOf = (list: LayoutNode[]) => {
    const area = list.reduce((s, n) => s + (n.weight ?? 1), 0);
    return NODE_SPACING * Math.sqrt(area) * 0.6 + NODE_SPACING / 2;
  };
  const perRow = Math.max(1, Math.ceil(Math.sqrt(names.length)));
  const out = new Map<string, Point>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  names.forEach((name, i) => {
    const list = groups.get(name)!;
    const r = radiusOf(list);
    if (i > 0 && i % perRow === 0) {
      x = 0;
      y += rowHeight + GROUP_GAP;
      rowHeight = 0;
    }
    const cx = x + r;
    const cy = y + r;
    let used = 0;
    for (const n of list) {
      used += n.weight ?? 1;
      const dist = NODE_SPACING * 0.6 * Math.sqrt(used - (n.weight ?? 1) / 2);
      const angle = used * GOLDEN_ANGLE;
      out.set(n.id, { x: Math.round(cx + dist * Math.cos(angle)), y: Math.round(cy + dist * Math.sin(angle)) });
    }
    x += 2 * r + GROUP_GAP;
    rowHeight = Math.max(rowHeight, 2 * r);
  });
  return out;
}
