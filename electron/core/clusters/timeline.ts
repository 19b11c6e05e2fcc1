import type { Dossier } from '../../../shared/dossier';
import { timelineLayout } from '../../../shared/timeline';
import { timelineFigure, type SvgNode } from '../../../shared/timeline-figure';
import { citationText, fill, type Labels } from '../export/labels';

/** The dossier figure's width in SVG units; it scales down to the page. */
export const DOSSIER_TIMELINE_WIDTH = 900;
const QUOTE = 80;

/**
 * The dossier's timeline figure, worked out from the dossier itself (so a dossier read back from
 * its JSON draws the same figure): one row per cluster of the cross-source section, its claims at
 * their sources' dates, the claims contradicting it marked. Null when the dossier has no cluster.
 */
export function dossierTimeline(d: Dossier, l: Labels): SvgNode | null {
  const clusters = d.groups.filter((g) => g.clusterKey);
  if (clusters.length === 0) return null;
  const claims = new Map(d.claims.map((c) => [c.id, c]));
  const tagIds = new Map(d.tags.map((t) => [t.name, t.id]));
  const wanted = new Set(clusters.flatMap((g) => [...g.claimIds, ...g.contradicting.map((x) => x.claimId)]));
  const CONTRADICTS = 'contradicts';
  const layout = timelineLayout(
    {
      claims: [...wanted].flatMap((id) => {
        const c = claims.get(id);
        return c ? [{ id, documentId: c.citation.sourceId, tagIds: c.tags.flatMap((name) => tagIds.get(name) ?? []) }] : [];
      }),
      documents: d.sources.map((s) => ({ id: s.id, date: s.date, title: s.title, outlet: s.outlet })),
      tags: d.tags,
      clusters: clusters.map((g) => ({ key: g.clusterKey!, title: g.title ?? fill(l.cluster, { n: g.number }), memberIds: g.claimIds })),
      links: clusters.flatMap((g) => g.contradicting.map((x) => ({ fromId: x.claimId, toId: x.againstClaimId, relationId: CONTRADICTS }))),
      relations: [{ id: CONTRADICTS, builtin: 'contradicts' }],
      otherLabel: null,
    },
    { width: DOSSIER_TIMELINE_WIDTH },
  );
  return timelineFigure(layout, {
    undated: l.noDate,
    first: l.timelineFirst,
    repeat: l.timelineRepeat,
    contradicts: l.timelineContradicts,
    pointLabel: (p) => {
      const c = claims.get(p.claimId);
      if (!c) return '';
      const quote = c.quote.length > QUOTE ? `${c.quote.slice(0, QUOTE - 1)}…` : c.quote;
      return `«${quote}» — ${citationText(c.citation, l)}`;
    },
  });
}
