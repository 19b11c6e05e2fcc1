import { shownTitle } from '../../shared/cluster-api';
import type { Backend } from '../core/backend';

export const CLUSTERS_USAGE = `  clusters --project P [--json]         Print the claim clusters (claims linked as the same claim):
                                        title, sources, claims, and what supports or contradicts them`;

/** The project's clusters: as JSON (key, title, sources, claims, neighbours), or as indented plain text. */
export async function clustersCommand(backend: Backend, asJson: boolean): Promise<string> {
  const clusters = await backend.call('clusters.list', {});
  const claims = new Map((await backend.call('annotations.list', {})).map((a) => [a.id, a]));
  const docs = new Map((await backend.call('documents.list', {})).map((d) => [d.id, d.title]));
  if (asJson) {
    const rows = clusters.map((c) => ({
      key: c.key,
      title: shownTitle(c),
      titled: c.title !== null,
      titleAuthor: c.titleAuthor,
      sources: c.documentIds.map((id) => docs.get(id) ?? ''),
      claims: c.memberIds.length,
      members: c.memberIds.map((id) => ({ id, quote: claims.get(id)?.exact ?? '', source: docs.get(claims.get(id)?.documentId ?? '') ?? '' })),
      neighbours: c.neighbours.map((n) => ({ relation: n.kind, toMember: n.toMember, id: n.claimId, quote: claims.get(n.claimId)?.exact ?? '' })),
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  if (clusters.length === 0) return 'No clusters: no claims are linked as the same claim.\n';
  return clusters
    .map((c) => {
      const lines = [`“${shownTitle(c)}”${c.title === null ? ' (untitled: the earliest claim)' : ''} — ${c.documentIds.length} sources, ${c.memberIds.length} claims`];
      for (const id of c.memberIds) lines.push(`    = ${docs.get(claims.get(id)?.documentId ?? '') ?? ''}: «${claims.get(id)?.exact ?? ''}»`);
      for (const n of c.neighbours) lines.push(`    ${n.kind === 'contradicts' ? '✕' : '+'} ${n.kind}: «${claims.get(n.claimId)?.exact ?? ''}»`);
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}
