import { z } from 'zod';

/** The calls' shapes for claim clusters (shared/clusters.ts computes the clusters themselves). */

const Id = z.uuid();

/** The link kinds a cluster shows around it: claims that back, extend or dispute any member. */
export const CLUSTER_NEIGHBOUR_KINDS = ['supports', 'elaborates', 'contradicts'] as const;
export const ClusterNeighbourKind = z.enum(CLUSTER_NEIGHBOUR_KINDS);
export type ClusterNeighbourKind = z.infer<typeof ClusterNeighbourKind>;

/** A claim outside the cluster joined to one of its members by a supports/elaborates/contradicts link. */
export const ClusterNeighbour = z.object({
  linkId: Id,
  claimId: Id,
  documentId: Id,
  /** The member it is linked to. */
  memberId: Id,
  kind: ClusterNeighbourKind,
  /** true: the link runs from the outside claim to the member ("X supports the cluster"). */
  toMember: z.boolean(),
});
export type ClusterNeighbour = z.infer<typeof ClusterNeighbour>;

export const ClusterTitleMax = 300;
/** A title as the analyst types it; '' puts the default (the earliest claim's quote) back. */
export const ClusterTitleInput = z.string().trim().max(ClusterTitleMax, `a cluster title is at most ${ClusterTitleMax} characters`);

export const ClusterInfo = z.object({
  /** The key claim's id (the earliest member): the cluster's stable name. */
  key: Id,
  /** The analyst's title, or null when none is stored. */
  title: z.string().nullable(),
  /** What to show when there is no title: the earliest claim's quote, shortened. */
  defaultTitle: z.string(),
  /** Who wrote the title and when (null without one). */
  titleAuthor: z.string().nullable(),
  titleModifiedAt: z.string().nullable(),
  /** Members, earliest first. */
  memberIds: z.array(Id),
  /** The sources that assert it, in the members' order, each once. */
  documentIds: z.array(Id),
  neighbours: z.array(ClusterNeighbour),
});
export type ClusterInfo = z.infer<typeof ClusterInfo>;

/** A cluster whose shown title matches a search. */
export const ClusterHit = z.object({ key: Id, title: z.string(), memberIds: z.array(Id) });
export type ClusterHit = z.infer<typeof ClusterHit>;

/** The title to show for a cluster. */
export const shownTitle = (c: Pick<ClusterInfo, 'title' | 'defaultTitle'>) => c.title ?? c.defaultTitle;
