import type { Annotation, Link, RelationType } from './contract';

/**
 * A claim cluster: the same statement made by several sources, i.e. the claims joined by
 * "same claim" links (connected components). Only same-claim links join: "supports" says two
 * claims agree, not that they are one statement.
 *
 * A cluster has no row of its own to keep it stable while links come and go; it is named by its
 * key claim, the earliest member (created time, then id). A title the analyst gave is stored under
 * the key claim; when two clusters join, the earlier key keeps its title and the other title is
 * still found through its own claim, so no title the analyst wrote is dropped silently.
 */
export interface Cluster {
  /** The key claim's id: the cluster's stable name. */
  key: string;
  /** Members in reading order of time: earliest first. */
  memberIds: string[];
  /** The sources that make the claim, in the members' order, each once. */
  documentIds: string[];
  /** The analyst's title, or null when none is stored (then show {@link defaultClusterTitle}). */
  title: string | null;
}

type ClaimLike = Pick<Annotation, 'id' | 'documentId' | 'createdAt'>;
type LinkLike = Pick<Link, 'fromId' | 'toId' | 'relationId'>;
type RelationLike = Pick<RelationType, 'id' | 'builtin'>;

const earlier = (a: ClaimLike, b: ClaimLike) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The clusters of two or more claims among `claims`; links to claims outside the list are ignored.
 * `titles` maps a claim id to the title stored for the cluster it was the key of.
 */
export function clustersOf(
  claims: readonly ClaimLike[],
  links: readonly LinkLike[],
  relations: readonly RelationLike[],
  titles: ReadonlyMap<string, string> = new Map(),
): Cluster[] {
  const same = new Set(relations.filter((r) => r.builtin === 'same-claim').map((r) => r.id));
  const parent = new Map(claims.map((a) => [a.id, a.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds short on long chains of links.
    let at = id;
    while (at !== root) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const k of links) {
    if (!same.has(k.relationId) || !parent.has(k.fromId) || !parent.has(k.toId)) continue;
    const a = find(k.fromId);
    const b = find(k.toId);
    if (a !== b) parent.set(a, b);
  }
  const members = new Map<string, ClaimLike[]>();
  for (const a of claims) {
    const root = find(a.id);
    const list = members.get(root);
    if (list) list.push(a);
    else members.set(root, [a]);
  }
  const clusters: Cluster[] = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    list.sort(earlier);
    const memberIds = list.map((a) => a.id);
    const title = memberIds.map((id) => titles.get(id)).find((t) => t !== undefined && t.trim() !== '') ?? null;
    clusters.push({ key: memberIds[0]!, memberIds, documentIds: [...new Set(list.map((a) => a.documentId))], title });
  }
  // Stable order between openings: by the key claim's time.
  const byId = new Map(claims.map((a) => [a.id, a]));
  clusters.sort((x, y) => earlier(byId.get(x.key)!, byId.get(y.key)!));
  return clusters;
}

/** The title shown when the analyst has given none: the earliest claim's quote, shortened. */
export function defaultClusterTitle(earliestQuote: string, max = 120): string {
  const flat = earliestQuote.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
