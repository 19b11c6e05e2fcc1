import type { StylesheetJson } from 'cytoscape';

/** How the drawing looks: nodes in their tag's colour, links in their type's colour, the rest pale. */
export const graphStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      width: 16,
      height: 16,
      'border-width': 1,
      'border-color': '#263238',
      label: '',
      'font-size': 12,
      // Below this size on screen a quote is unreadable: cytoscape skips drawing it (and its box).
      'min-zoomed-font-size': 8,
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 3,
      'text-max-width': '130px',
      'text-wrap': 'ellipsis',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      color: '#212121',
    },
  },
  { selector: 'node.cluster', style: { width: 28, height: 28, 'border-width': 3, shape: 'round-rectangle' } },
  {
    selector: 'node.group',
    style: {
      'background-color': '#eceff1',
      'background-opacity': 0.5,
      'border-color': '#b0bec5',
      'border-width': 1,
      shape: 'round-rectangle',
      label: 'data(label)',
      'text-valign': 'top',
      'text-halign': 'center',
      'font-size': 12,
      'font-weight': 'bold',
      color: '#37474f',
      padding: '14px',
      // A group's box fits its claims, not their labels, so neighbouring groups do not overlap.
      'compound-sizing-wrt-labels': 'exclude',
    },
  },
  { selector: 'node.labelled', style: { label: 'data(label)' } },
  {
    selector: 'edge',
    style: { width: 2, 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'curve-style': 'straight' },
  },
  { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle' } },
  // Two links between the same claims (one supports, one elaborates) stay apart when curved.
  { selector: 'edge.curved', style: { 'curve-style': 'bezier' } },
  { selector: '.faded', style: { opacity: 0.12, label: '' } },
  // A big graph's resting state, pale, and its bright neighbourhood (see GraphCanvas). Its resting
  // edges are haystack lines, the cheapest cytoscape draws (no arrows, no control points); the
  // neighbourhood's edges get their arrows back.
  { selector: 'node.dim', style: { 'background-color': 'data(pale)', 'border-width': 0 } },
  { selector: 'edge.dim', style: { 'line-color': 'data(pale)', 'curve-style': 'haystack', 'haystack-radius': 0, width: 1 } },
  { selector: 'node.dim.near', style: { 'background-color': 'data(color)', 'border-width': 1 } },
  { selector: 'edge.dim.near', style: { 'line-color': 'data(color)', 'curve-style': 'straight', width: 2 } },
  { selector: 'node.center', style: { 'border-width': 4, 'border-color': '#ff6f00', width: 24, height: 24 } },
  { selector: 'node.focused', style: { 'outline-width': 3, 'outline-color': '#1565c0', 'outline-offset': 3, 'border-width': 3, 'border-color': '#1565c0' } },
];
