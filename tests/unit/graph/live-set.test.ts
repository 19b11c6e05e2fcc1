import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { Point } from '../../../shared/graph';
import { adjacency, neighbourhood, type GraphEdge, type GraphNode } from '../../../shared/graphModel';
import { incidentEdges, syncLive, type LiveClasses } from '../../../renderer/graph/liveSet';

/** A ring of `n` claims, each linked to the next, plus a chord from every tenth claim across the ring. */
function ring(n: number): { nodes: GraphNode[]; edges: GraphEdge[]; places: Map<string, Point> } {
  const id = (i: number) => `c${(i + n) % n}`;
  const nodes = Array.from({ length: n }, (_, i) => ({ id: id(i), claimIds: [id(i)], label: `claim ${i}`, color: '#1971c2', group: 'd', isCluster: false }));
  const edges: GraphEdge[] = [];
  for (let i = 0; i < n; i++) {
    edges.push({ id: `e${i}`, source: id(i), target: id(i + 1), relationId: 'r', color: '#2f9e44', directed: true });
    if (i % 10 === 0) edges.push({ id: `x${i}`, source: id(i), target: id(i + n / 2), relationId: 'r', color: '#e03131', directed: false });
  }
  return { nodes, edges, places: new Map(nodes.map((node, i) => [node.id, { x: i, y: 0 }])) };
}

describe('the live part of a big claim graph', () => {
  const { nodes, edges, places } = ring(5_000);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const incident = incidentEdges(edges);
  const adj = adjacency(edges);
  const input = (center: string) => ({ nodes: byId, incident, labelled: neighbourhood(adj, center, 1), centerId: center, focusId: center, places });

  it('a change of neighbourhood in a 5,000-claim graph touches its few dozen elements, not the 10,000', () => {
    const cy = cytoscape({ headless: true, styleEnabled: false });
    const applied: LiveClasses = new Map();
    // c10 has three neighbours (c9, c11 and c2510 across the chord); its neighbourhood is bright.
    const shown = syncLive(cy, input('c10'), applied);
    expect(shown).toBe(cy.elements().length);
    expect(shown).toBeLessThan(30);
    expect(cy.getElementById('c10').classes()).toEqual(expect.arrayContaining(['near', 'labelled', 'center', 'focused']));
    expect(cy.getElementById('c2510').classes()).toContain('near');
    // A far end of a bright claim's link is there, pale, so the link has somewhere to go.
    expect(cy.getElementById('c8').classes()).toEqual(['dim']);
    expect(cy.getElementById('e8').classes()).toEqual(['dim', 'directed']);
    expect(cy.getElementById('e9').classes()).toEqual(['dim', 'directed', 'near']);

    let added = 0;
    let removed = 0;
    cy.on('add', () => void added++);
    cy.on('remove', () => void removed++);
    const next = syncLive(cy, input('c11'), applied);
    // Moving one claim along the ring keeps most of the live part and adds and removes a handful.
    expect(next).toBeLessThan(30);
    expect(added + removed).toBeLessThan(20);
    expect(cy.getElementById('c10').classes()).not.toContain('center');
    expect(cy.getElementById('c11').classes()).toContain('center');
    // What is applied is what cytoscape holds.
    expect([...applied.keys()].sort()).toEqual(cy.elements().map((e) => e.id()).sort());
  });

  it('nothing selected leaves cytoscape empty: the whole graph is the pale picture', () => {
    const cy = cytoscape({ headless: true, styleEnabled: false });
    const applied: LiveClasses = new Map();
    syncLive(cy, input('c10'), applied);
    expect(syncLive(cy, { nodes: byId, incident, labelled: new Set(), centerId: null, focusId: null, places }, applied)).toBe(0);
    expect(cy.elements().length).toBe(0);
    expect(applied.size).toBe(0);
    // A pale claim under the pointer is live, alone and pale, so that it can be grabbed.
    expect(syncLive(cy, { nodes: byId, incident, labelled: new Set(), centerId: null, focusId: null, hoverId: 'c77', places }, applied)).toBe(1);
    expect(cy.getElementById('c77').classes()).toEqual(['dim']);
    expect(cy.getElementById('c77').position()).toEqual({ x: 77, y: 0 });
  });
});
