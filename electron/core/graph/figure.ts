import type { Dossier } from '../../../shared/dossier';
import type { GraphFigure } from '../../../shared/graph';
import { buildGraphModel, positionsOf } from '../../../shared/graphModel';
import type { Project } from '../store/project';
import { GraphPositions } from './positions';

/**
 * The claim graph of a dossier's claims, grouped by source as the Graph view groups them by
 * default, at the places the view shows them (the seeded layout, with the analyst's drags).
 */
export function graphFigure(project: Project, d: Dossier): GraphFigure {
  const inDossier = new Set(d.claims.map((c) => c.id));
  const claims = project.annotations.list().filter((a) => inDossier.has(a.id));
  const links = project.links.list().filter((k) => inDossier.has(k.fromId) && inDossier.has(k.toId));
  const model = buildGraphModel({
    claims,
    links,
    relations: project.relations.list(),
    tags: project.tags.list(),
    // The view lays groups out in the project's document order; the figure does the same, so the two look alike.
    documentIds: project.documents.list().map((doc) => doc.id),
    clusters: false,
  });
  const dragged = new Map(new GraphPositions(project).list('document').map((p) => [p.nodeId, { x: p.x, y: p.y }]));
  const at = positionsOf(model, dragged);
  const titles = new Map(d.sources.map((s) => [s.id, s.title]));
  return {
    nodes: model.nodes.map((n) => ({ id: n.id, label: n.label, color: n.color, group: n.group, isCluster: n.isCluster, ...at.get(n.id)! })),
    edges: model.edges.map((e) => ({ source: e.source, target: e.target, color: e.color, directed: e.directed })),
    groups: [...new Set(model.nodes.map((n) => n.group))].map((id) => ({ id, label: (titles.get(id) ?? '').slice(0, 300) })),
  };
}
