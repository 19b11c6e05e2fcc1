import type { Annotation, Link, RelationType, Tag } from './contract';
import { clustersOf, defaultClusterTitle } from './clusters';
import { seededLayout, type Point } from './graph';
import { relationColor } from './relation-colors';

/**
 * The claim graph as data: which nodes (claims, or clusters in cluster mode), which edges, in which
 * group, with which colours; then the neighbourhood and the filters the view applies. Pure, so the
 * Graph view and the dossier figure draw the same graph.
 */

export const UNTAGGED_COLOR = '#9e9e9e';

export interface GraphNode {
  id: string;
  /** The claims this node stands for: one, or a cluster's members. */
  claimIds: string[];
  label: string;
  color: string;
  group: string;
  isCluster: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  relationId: string;
  color: string;
  directed: boolean;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Claim id → the node that shows it. */
  nodeOf: Map<string, string>;
  /** Group ids in the order they are laid out. */
  groups: string[];
}

type Claim = Pick<Annotation, 'id' | 'documentId' | 'createdAt' | 'exact' | 'tagIds'>;

export interface ModelInput {
  claims: readonly Claim[];
  links: readonly Pick<Link, 'id' | 'fromId' | 'toId' | 'relationId'>[];
  relations: readonly Pick<RelationType, 'id' | 'builtin' | 'symmetric'>[];
  tags: readonly Pick<Tag, 'id' | 'color'>[];
  /** Documents in the order their groups are laid out. */
  documentIds: readonly string[];
  titles?: ReadonlyMap<string, string>;
  /** Cluster mode: each same-claim cluster is one node. */
  clusters: boolean;
  /** Groups the claims by something else than their document (an attribute's value). */
  groupOf?: (claim: Claim) => string;
  groupOrder?: readonly string[];
}

export const CLUSTER_GROUP = 'clusters';

const shortLabel = (text: string) => defaultClusterTitle(text, 48);

export function buildGraphModel(input: ModelInput): GraphModel {
  const tagColor = new Map(input.tags.map((t) => [t.id, t.color]));
  const colorOf = (c: Claim) => c.tagIds.map((id) => tagColor.get(id)).find((x) => x !== undefined) ?? UNTAGGED_COLOR;
  const groupOf = input.groupOf ?? ((c: Claim) => c.documentId);
  const nodes: GraphNode[] = [];
  const nodeOf = new Map<string, string>();
  const byId = new Map(input.claims.map((c) => [c.id, c]));
  if (input.clusters) {
    for (const cl of clustersOf(input.claims, input.links, input.relations, input.titles ?? new Map())) {
      const key = byId.get(cl.key)!;
      nodes.push({
        id: cl.key,
        claimIds: cl.memberIds,
        label: cl.title ?? shortLabel(key.exact),
        color: colorOf(key),
        group: CLUSTER_GROUP,
        isCluster: true,
      });
      for (const m of cl.memberIds) nodeOf.set(m, cl.key);
    }
  }
  const ordered = [...input.claims].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  for (const c of ordered) {
    if (nodeOf.has(c.id)) continue;
    nodes.push({ id: c.id, claimIds: [c.id], label: shortLabel(c.exact), color: colorOf(c), group: groupOf(c), isCluster: false });
    nodeOf.set(c.id, c.id);
  }
  const relation = new Map(input.relations.map((r) => [r.id, r]));
  const edges: GraphEdge[] = [];
  for (const k of input.links) {
    const source = nodeOf.get(k.fromId);
    const target = nodeOf.get(k.toId);
    const r = relation.get(k.relationId);
    // Inside a cluster the same-claim links are the cluster itself; a link to a deleted claim draws nothing.
    if (!source || !target || !r || source === target) continue;
    edges.push({ id: k.id, source, target, relationId: k.relationId, color: relationColor(r), directed: !r.symmetric });
  }
  const groups = [...(input.clusters ? [CLUSTER_GROUP] : []), ...(input.groupOrder ?? input.documentIds)];
  return { nodes, edges, nodeOf, groups };
}

/** Where each node starts: the seeded layout, with the analyst's dragged places over it. */
export function positionsOf(model: GraphModel, dragged: ReadonlyMap<string, Point>): Map<string, Point> {
  const seeded = seededLayout(
    model.nodes.map((n) => ({ id: n.id, group: n.group, weight: n.isCluster ? Math.min(4, n.claimIds.length) : 1 })),
    model.groups,
  );
  for (const [id, p] of dragged) if (seeded.has(id)) seeded.set(id, p);
  return seeded;
}

/** Node id → its neighbours' ids (both directions) among `edges`. */
export function adjacency(edges: readonly GraphEdge[]): Map<string, Set<string>> {
  const adj = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const s = adj.get(a);
    if (s) s.add(b);
    else adj.set(a, new Set([b]));
  };
  for (const e of edges) {
    add(e.source, e.target);
    add(e.target, e.source);
  }
  return adj;
}

/** The nodes within `hops` links of `center`, the centre included. */
export function neighbourhood(adj: ReadonlyMap<string, ReadonlySet<string>>, center: string, hops: number): Set<string> {
  const seen = new Set([center]);
  let frontier = [center];
  for (let h = 0; h < hops && frontier.length > 0; h++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adj.get(id) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return seen;
}

export interface GraphFilters {
  relationId: string | null;
  tagId: string | null;
  documentId: string | null;
  author: string | null;
  contradictionsOnly: boolean;
}

export const NO_FILTERS: GraphFilters = { relationId: null, tagId: null, documentId: null, author: null, contradictionsOnly: false };

/**
 * The part of the graph the filters keep: a node stays when any of its claims passes the claim
 * filters; an edge when both ends stay and its type passes. "Contradictions only" keeps the
 * contradicting links and the claims they join, nothing else.
 */
export function filterGraph(
  model: GraphModel,
  filters: GraphFilters,
  claims: ReadonlyMap<string, Pick<Annotation, 'documentId' | 'tagIds' | 'author'>>,
  relations: readonly Pick<RelationType, 'id' | 'builtin'>[],
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const passes = (id: string) => {
    const c = claims.get(id);
    if (!c) return false;
    if (filters.tagId && !c.tagIds.includes(filters.tagId)) return false;
    if (filters.documentId && c.documentId !== filters.documentId) return false;
    if (filters.author !== null && c.author !== filters.author) return false;
    return true;
  };
  const contradicts = new Set(relations.filter((r) => r.builtin === 'contradicts').map((r) => r.id));
  let nodes = model.nodes.filter((n) => n.claimIds.some(passes));
  const kept = new Set(nodes.map((n) => n.id));
  const edges = model.edges.filter(
    (e) =>
      kept.has(e.source) &&
      kept.has(e.target) &&
      (filters.relationId === null || e.relationId === filters.relationId) &&
      (!filters.contradictionsOnly || contradicts.has(e.relationId)),
  );
  if (filters.contradictionsOnly) {
    const ends = new Set(edges.flatMap((e) => [e.source, e.target]));
    nodes = nodes.filter((n) => ends.has(n.id));
  }
  return { nodes, edges };
}
