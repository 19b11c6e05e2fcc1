import { useClusters } from '../clusters/useClusters';
import { useMemo } from 'react';
import type { Point } from '../../shared/graph';
import { adjacency, buildGraphModel, CLUSTER_GROUP, filterGraph, neighbourhood, positionsOf, type GraphEdge, type GraphModel, type GraphNode } from '../../shared/graphModel';
import { useWorkspace } from '../app/workspace';
import { useAttributes } from '../attributes/AttributesContext';
import { showValue } from '../attributes/attributeLabels';
import { useT } from '../i18n/I18n';
import { useGraph } from './store';

export interface GraphView {
  model: GraphModel;
  nodes: GraphNode[];
  edges: GraphEdge[];
  adj: Map<string, Set<string>>;
  /** Where each shown node starts (seeded, or where the analyst dragged it). */
  positions: Map<string, Point>;
  /** Shown, but pale: outside the neighbourhood, or not matching the search. */
  faded: Set<string>;
  /** The node of the selected claim, when it is shown. */
  centerId: string | null;
  groupLabels: Map<string, string>;
}

const fold = (s: string) => s.toLocaleLowerCase().replace(/ё/g, 'е');
const NO_VALUE = '\u0000none';

/** The graph the view shows now: the project's claims and links through the view's grouping, filters, search and reach. */
export function useGraphView(): GraphView {
  const t = useT();
  const { state } = useWorkspace();
  const attrs = useAttributes();
  const { arrangement, filters, search, reach, dragged, clicked } = useGraph();
  const attributeId = arrangement.startsWith('attribute:') ? arrangement.slice('attribute:'.length) : null;
  const attribute = attrs.attributes.find((a) => a.id === attributeId) ?? null;
  // The attributes' values are fetched again after every change to the project; grouped by
  // document, the model must not be rebuilt (thousands of elements redrawn) for that.
  const byValue = attribute ? attrs : null;

  // The analysts' cluster titles, by key claim: cluster mode names its nodes as the rest of the app does.
  const clusterInfos = useClusters();
  // Keyed by their text, so a re-fetch that changed no title does not rebuild the graph.
  const titlesKey = JSON.stringify(clusterInfos.flatMap((c) => (c.title ? [[c.key, c.title]] : [])));
  const titles = useMemo(() => new Map(JSON.parse(titlesKey) as [string, string][]), [titlesKey]);

  const model = useMemo(() => {
    const order = state.documents.map((d) => d.id);
    const byAttribute =
      attribute && byValue
      ? {
          groupOf: (c: { id: string; documentId: string }) => byValue.claimValue(c.id, c.documentId, attribute.id) ?? NO_VALUE,
          groupOrder: [...byValue.usedValues(attribute.id), NO_VALUE],
        }
      : {};
    return buildGraphModel({
      claims: state.annotations,
      links: state.links,
      relations: state.relations,
      tags: state.tags,
      documentIds: order,
      clusters: arrangement === 'cluster',
      titles,
      ...byAttribute,
    });
  }, [state.annotations, state.links, state.relations, state.tags, state.documents, arrangement, attribute, byValue, titles]);

  const claims = useMemo(() => new Map(state.annotations.map((a) => [a.id, a])), [state.annotations]);
  const shown = useMemo(() => filterGraph(model, filters, claims, state.relations), [model, filters, claims, state.relations]);
  const adj = useMemo(() => adjacency(shown.edges), [shown.edges]);
  const positions = useMemo(() => positionsOf(model, dragged), [model, dragged]);

  const shownIds = useMemo(() => new Set(shown.nodes.map((n) => n.id)), [shown.nodes]);
  // A node just clicked is the centre at once: its claim is selected a frame later (see GraphCanvas).
  const centerId = useMemo(() => {
    const id = clicked ?? (state.selectedId ? model.nodeOf.get(state.selectedId) : undefined);
    return id && shownIds.has(id) ? id : null;
  }, [clicked, state.selectedId, model, shownIds]);

  const faded = useMemo(() => {
    const q = fold(search.trim());
    if (q) {
      const hit = (n: GraphNode) => n.claimIds.some((id) => fold(claims.get(id)?.exact ?? '').includes(q) || fold(claims.get(id)?.noteText ?? '').includes(q));
      return new Set(shown.nodes.filter((n) => !hit(n)).map((n) => n.id));
    }
    if (reach === 'all' || !centerId) return new Set<string>();
    const near = neighbourhood(adj, centerId, reach);
    return new Set(shown.nodes.filter((n) => !near.has(n.id)).map((n) => n.id));
  }, [search, reach, centerId, adj, shown.nodes, claims]);

  const groupLabels = useMemo(() => {
    const labels = new Map<string, string>([[CLUSTER_GROUP, t('graph.clustersGroup')]]);
    if (attribute && byValue) {
      for (const v of byValue.usedValues(attribute.id)) labels.set(v, showValue(t, attribute, v));
      labels.set(NO_VALUE, t('graph.noValue'));
    } else {
      for (const d of state.documents) labels.set(d.id, d.title);
    }
    return labels;
  }, [attribute, byValue, state.documents, t]);

  // One object per change of what is drawn: every other re-render of the app (a hover, a scroll
  // saved to the layout) hands the drawing the same view, so its effects do not run again.
  return useMemo(
    () => ({ model, nodes: shown.nodes, edges: shown.edges, adj, positions, faded, centerId, groupLabels }),
    [model, shown, adj, positions, faded, centerId, groupLabels],
  );
}
