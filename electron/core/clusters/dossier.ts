import type { Annotation, Link, RelationType } from '../../../shared/contract';
import { clustersOf } from '../../../shared/clusters';
import type { CrossGroup } from '../../../shared/dossier';
import { describe } from './clusters';

type Linked = NonNullable<CrossGroup['linked']>[number];

/**
 * The dossier's cross-source groups: the app's claim clusters with their titles (same-claim
 * components among the included claims, shared/clusters.ts), each with the claims that support,
 * elaborate or contradict it, then single claims that others support or contradict.
 *
 * "Supports" no longer joins claims into one group: two sources backing each other do not make one
 * statement. The supporting claim is listed under the claim it supports instead, so no agreement
 * goes unseen, and every contradiction is shown once: under a cluster when one side is in one,
 * else under the side with the smaller id.
 */
export function crossGroups(
  claims: readonly Annotation[],
  links: readonly Link[],
  relations: readonly RelationType[],
  titles: ReadonlyMap<string, string>,
): CrossGroup[] {
  const inputs = { claims, links, relations };
  const clusters = describe(clustersOf(claims, links, relations, titles), inputs);
  const docOf = new Map(claims.map((a) => [a.id, a.documentId]));
  const clustered = new Set(clusters.flatMap((c) => c.memberIds));
  const groups: CrossGroup[] = [];
  for (const c of clusters) {
    const linked: Linked[] = [];
    const contradicting: CrossGroup['contradicting'] = [];
    for (const n of c.neighbours) {
      if (n.kind === 'contradicts') contradicting.push({ claimId: n.claimId, sourceId: n.documentId, againstClaimId: n.memberId });
      else linked.push({ claimId: n.claimId, sourceId: n.documentId, memberId: n.memberId, kind: n.kind, toMember: n.toMember });
    }
    groups.push({
      number: groups.length + 1,
      claimIds: c.memberIds,
      agreeingSourceIds: c.documentIds,
      contradicting,
      clusterKey: c.key,
      title: c.title ?? c.defaultTitle,
      linked,
    });
  }

  // Claims in no cluster: a group of one when something supports or contradicts them.
  const kind = new Map(relations.map((r) => [r.id, r.builtin]));
  const around = new Map<string, { linked: Linked[]; contradicting: CrossGroup['contradicting'] }>();
  const entry = (id: string) => {
    let e = around.get(id);
    if (!e) around.set(id, (e = { linked: [], contradicting: [] }));
    return e;
  };
  for (const k of links) {
    const builtin = kind.get(k.relationId);
    if (!docOf.has(k.fromId) || !docOf.has(k.toId)) continue;
    if (builtin === 'supports' && !clustered.has(k.toId)) {
      entry(k.toId).linked.push({ claimId: k.fromId, sourceId: docOf.get(k.fromId)!, memberId: k.toId, kind: 'supports', toMember: true });
    } else if (builtin === 'contradicts') {
      for (const [self, other] of [
        [k.fromId, k.toId],
        [k.toId, k.fromId],
      ] as const) {
        if (!clustered.has(self)) entry(self).contradicting.push({ claimId: other, sourceId: docOf.get(other)!, againstClaimId: self });
      }
    }
  }
  for (const a of claims) {
    const e = around.get(a.id);
    if (!e) continue;
    // Shown under the other side already: a cluster, or a lone claim with a smaller id.
    if (e.linked.length === 0 && e.contradicting.every((x) => clustered.has(x.claimId) || x.claimId < a.id)) continue;
    groups.push({
      number: groups.length + 1,
      claimIds: [a.id],
      agreeingSourceIds: [a.documentId],
      contradicting: e.contradicting,
      clusterKey: null,
      title: null,
      linked: e.linked,
    });
  }
  return groups;
}
