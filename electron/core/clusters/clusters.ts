import type { Annotation, Link, RelationType } from '../../../shared/contract';
import { CLUSTER_NEIGHBOUR_KINDS, type ClusterHit, type ClusterInfo, type ClusterNeighbour, type ClusterNeighbourKind } from '../../../shared/cluster-api';
import { clustersOf, defaultClusterTitle, type Cluster } from '../../../shared/clusters';
import type { StepLabel } from '../../../shared/history';
import { keyHaystack, matchesKeys, parseQuery } from '../../../shared/words';
import { AppError } from '../errors';
import type { Project } from '../store/project';
import { shortQuote } from '../store/step-labels';

export interface StoredTitle {
  id: string;
  title: string;
  author: string;
  createdAt: string;
  modifiedAt: string;
  deletedAt: string | null;
}

interface DbTitle {
  id: string;
  title: string;
  author: string;
  created_at: string;
  modified_at: string;
  deleted_at: string | null;
}

const toStored = (r: DbTitle): StoredTitle => ({
  id: r.id,
  title: r.title,
  author: r.author,
  createdAt: r.created_at,
  modifiedAt: r.modified_at,
  deletedAt: r.deleted_at,
});

const isNeighbourKind = (k: string | null): k is ClusterNeighbourKind => (CLUSTER_NEIGHBOUR_KINDS as readonly (string | null)[]).includes(k);

/** The project's claims, links and relations as clusters are computed from them. */
export interface ClusterInputs {
  claims: readonly Annotation[];
  links: readonly Link[];
  relations: readonly RelationType[];
}

/**
 * Claim clusters with the analyst's titles (migration 0011). The clusters come from the one rule in
 * shared/clusters.ts; this class stores titles under key claims and describes each cluster's
 * surroundings: the claims that support, elaborate or contradict a member.
 */
export class ClusterTitles {
  constructor(private readonly project: Project) {}

  private get db() {
    return this.project.database;
  }

  /** Every stored title, live and tombstoned (the share file and the merge need both). */
  rows(): StoredTitle[] {
    return (this.db.prepare('SELECT * FROM cluster_titles ORDER BY id').all() as DbTitle[]).map(toStored);
  }

  row(id: string): StoredTitle | undefined {
    const r = this.db.prepare('SELECT * FROM cluster_titles WHERE id = ?').get(id) as DbTitle | undefined;
    return r ? toStored(r) : undefined;
  }

  /** Live titles by claim id, whether that claim is still a cluster's key or not. */
  titles(): Map<string, string> {
    const rows = this.db.prepare('SELECT id, title FROM cluster_titles WHERE deleted_at IS NULL').all() as { id: string; title: string }[];
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  inputs(): ClusterInputs {
    return { claims: this.project.annotations.list(), links: this.project.links.list(), relations: this.project.relations.list() };
  }

  /** The clusters of the project, earliest key first, each with its title and neighbours. */
  list(inputs: ClusterInputs = this.inputs()): ClusterInfo[] {
    const clusters = clustersOf(inputs.claims, inputs.links, inputs.relations, this.titles());
    return describe(clusters, inputs, this.metaOf());
  }

  /** Clusters whose shown title matches `q` as search matches words (case, ё, word forms). */
  search(q: string): ClusterHit[] {
    const items = parseQuery(q);
    if (items.length === 0) return [];
    return this.list()
      .map((c) => ({ key: c.key, title: c.title ?? c.defaultTitle, memberIds: c.memberIds }))
      .filter((c) => matchesKeys(keyHaystack(c.title), items));
  }

  /**
   * Gives the cluster keyed by `key` a title; '' (or the default itself) goes back to the default.
   * One undo step. A key that is not the earliest claim of a live cluster is refused.
   */
  rename(key: string, title: string, author: string): ClusterInfo {
    const inputs = this.inputs();
    const current = this.list(inputs).find((c) => c.key === key);
    if (!current) throw new AppError('not-found', 'That cluster no longer exists: its claims are no longer linked as the same claim.');
    const wanted = title.trim() === current.defaultTitle ? '' : title.trim();
    if (wanted === (current.title ?? '')) return current;
    const label: StepLabel = {
      kind: 'cluster.rename',
      params: { from: shortQuote(current.title ?? current.defaultTitle), name: shortQuote(wanted || current.defaultTitle) },
    };
    this.project.undoable(label, (now) => {
      // A member other than the key may still hold the title it had as the key of a cluster since
      // joined to this one; the key's own title is written, and clearing clears them all.
      if (wanted === '') {
        const clear = this.db.prepare('UPDATE cluster_titles SET deleted_at = ?, modified_at = ? WHERE id = ? AND deleted_at IS NULL');
        for (const id of current.memberIds) clear.run(now, now, id);
      } else {
        this.write({ id: key, title: wanted, author, createdAt: now, modifiedAt: now, deletedAt: null });
      }
    });
    return this.list().find((c) => c.key === key)!;
  }

  /** Writes a title row as given (rename, merge): creates it or replaces the stored one. */
  write(t: StoredTitle): void {
    const existing = this.row(t.id);
    if (existing) {
      this.db
        .prepare('UPDATE cluster_titles SET title = ?, author = ?, modified_at = ?, deleted_at = ? WHERE id = ?')
        .run(t.title, t.author, t.modifiedAt, t.deletedAt, t.id);
    } else {
      this.db
        .prepare('INSERT INTO cluster_titles (id, title, author, created_at, modified_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(t.id, t.title, t.author, t.createdAt, t.modifiedAt, t.deletedAt);
    }
  }

  private metaOf(): Map<string, { author: string; modifiedAt: string }> {
    const rows = this.db.prepare('SELECT id, author, modified_at AS modifiedAt FROM cluster_titles WHERE deleted_at IS NULL').all() as {
      id: string;
      author: string;
      modifiedAt: string;
    }[];
    return new Map(rows.map((r) => [r.id, { author: r.author, modifiedAt: r.modifiedAt }]));
  }
}

/** Adds default titles, title authorship and neighbours to computed clusters. */
export function describe(
  clusters: readonly Cluster[],
  inputs: ClusterInputs,
  meta: ReadonlyMap<string, { author: string; modifiedAt: string }> = new Map(),
): ClusterInfo[] {
  const claims = new Map(inputs.claims.map((a) => [a.id, a]));
  const builtin = new Map(inputs.relations.map((r) => [r.id, r.builtin]));
  const clusterOf = new Map<string, string>();
  for (const c of clusters) for (const id of c.memberIds) clusterOf.set(id, c.key);
  const neighbours = new Map<string, ClusterNeighbour[]>();
  const add = (key: string, n: ClusterNeighbour) => {
    const list = neighbours.get(key);
    if (list) list.push(n);
    else neighbours.set(key, [n]);
  };
  for (const k of inputs.links) {
    const kind = builtin.get(k.relationId) ?? null;
    if (!isNeighbourKind(kind)) continue;
    const from = claims.get(k.fromId);
    const to = claims.get(k.toId);
    if (!from || !to) continue;
    const fromKey = clusterOf.get(k.fromId);
    const toKey = clusterOf.get(k.toId);
    // A link inside one cluster says nothing about the cluster's surroundings.
    if (fromKey !== undefined && fromKey === toKey) continue;
    if (toKey !== undefined) add(toKey, { linkId: k.id, claimId: from.id, documentId: from.documentId, memberId: to.id, kind, toMember: true });
    if (fromKey !== undefined) add(fromKey, { linkId: k.id, claimId: to.id, documentId: to.documentId, memberId: from.id, kind, toMember: false });
  }
  return clusters.map((c) => {
    const owner = c.title === null ? undefined : c.memberIds.find((id) => meta.has(id));
    const m = owner === undefined ? undefined : meta.get(owner);
    return {
      key: c.key,
      title: c.title,
      defaultTitle: defaultClusterTitle(claims.get(c.key)?.exact ?? ''),
      titleAuthor: m?.author ?? null,
      titleModifiedAt: m?.modifiedAt ?? null,
      memberIds: c.memberIds,
      documentIds: c.documentIds,
      neighbours: neighbours.get(c.key) ?? [],
    };
  });
}
