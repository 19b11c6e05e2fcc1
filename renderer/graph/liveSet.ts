import type { Core, ElementDefinition } from 'cytoscape';
import type { Point } from '../../shared/graph';
import type { GraphEdge, GraphNode } from '../../shared/graphModel';
import { paleOf } from './paleLayer';

/**
 * The part of a big graph that cytoscape draws over the pale picture (see PaleLayer): the bright
 * claims (the neighbourhood, the search's hits, the centre, the keyboard's ring), every link
 * touching them, and the far ends of those links, pale. A change of selection adds and removes
 * tens of elements instead of restyling thousands.
 */

export interface LiveInput {
  nodes: ReadonlyMap<string, GraphNode>;
  /** Node id → the shown links at that node. */
  incident: ReadonlyMap<string, readonly GraphEdge[]>;
  /** Claims written with their quote: the bright ones. */
  labelled: ReadonlySet<string>;
  centerId: string | null;
  focusId: string | null;
  /** A pale claim under the pointer, live (and pale) so that cytoscape can grab and drag it. */
  hoverId?: string | null;
  places: ReadonlyMap<string, Point>;
}

/** Element id → its classes, as applied to cytoscape. */
export type LiveClasses = Map<string, string>;

/** Node id → the edges at it, both directions. */
export function incidentEdges(edges: readonly GraphEdge[]): Map<string, GraphEdge[]> {
  const at = new Map<string, GraphEdge[]>();
  const add = (id: string, e: GraphEdge) => {
    const list = at.get(id);
    if (list) list.push(e);
    else at.set(id, [e]);
  };
  for (const e of edges) {
    add(e.source, e);
    if (e.target !== e.source) add(e.target, e);
  }
  return at;
}

/**
 * Brings cytoscape's elements to the live set of `input`: removes the ones that left it, adds the
 * ones that joined, and rewrites the classes only where they differ from `applied`, which it
 * updates. Returns the number of live elements.
 */
export function syncLive(cy: Core, input: LiveInput, applied: LiveClasses): number {
  const bright = new Set(input.labelled);
  for (const id of [input.centerId, input.focusId]) if (id && input.nodes.has(id)) bright.add(id);
  const want = new Map<string, { cls: string; def: () => ElementDefinition }>();
  const edgeDefs: [GraphEdge, string][] = [];
  for (const id of bright) {
    for (const e of input.incident.get(id) ?? []) {
      if (want.has(e.id)) continue;
      const near = input.labelled.has(e.source) && input.labelled.has(e.target);
      const cls = `dim${e.directed ? ' directed' : ''}${near ? ' near' : ''}`;
      want.set(e.id, { cls, def: () => ({ data: { id: e.id, source: e.source, target: e.target, color: e.color, pale: paleOf(e.color) }, classes: cls }) });
      edgeDefs.push([e, cls]);
    }
  }
  const nodeIds = new Set(bright);
  if (input.hoverId && input.nodes.has(input.hoverId)) nodeIds.add(input.hoverId);
  for (const [e] of edgeDefs) {
    nodeIds.add(e.source);
    nodeIds.add(e.target);
  }
  for (const id of nodeIds) {
    const n = input.nodes.get(id);
    if (!n) continue;
    const lit = input.labelled.has(id);
    const cls = [
      'dim',
      n.isCluster ? 'cluster' : '',
      lit ? 'near labelled' : '',
      id === input.centerId ? 'center' : '',
      id === input.focusId ? 'focused' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const at = input.places.get(id) ?? { x: 0, y: 0 };
    want.set(id, { cls, def: () => ({ data: { id, label: n.label, color: n.color, pale: paleOf(n.color) }, position: { ...at }, classes: cls }) });
  }

  cy.batch(() => {
    // Edges leave first: a node removed takes its edges with it, and they would be missing below.
    const gone = cy.collection();
    for (const id of applied.keys()) if (!want.has(id)) gone.merge(cy.getElementById(id));
    cy.remove(gone);
    for (const id of applied.keys()) if (!want.has(id)) applied.delete(id);
    const added: ElementDefinition[] = [];
    for (const [id, w] of want) {
      const was = applied.get(id);
      if (was === undefined) added.push(w.def());
      else if (was !== w.cls) cy.getElementById(id).classes(w.cls);
      applied.set(id, w.cls);
    }
    // Nodes before edges, so every edge finds its ends.
    added.sort((a, b) => Number('source' in a.data) - Number('source' in b.data));
    if (added.length > 0) cy.add(added);
  });
  return want.size;
}
