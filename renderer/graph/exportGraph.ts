import type { Core } from 'cytoscape';
import type { Point } from '../../shared/graph';
import { renderGraphSvg } from '../../shared/graphSvg';
import { saveFigure, type FigureOutcome } from './saveFigure';
import type { GraphView } from './useGraphModel';

/**
 * The graph as shown (filters, fading, the places nodes are at now) as an SVG file: the same
 * drawing the dossier's figure uses, so the two agree.
 */
export function exportSvg(cy: Core, view: GraphView, title: string, fileName: string): Promise<FigureOutcome> {
  const positions = new Map<string, Point>();
  cy.nodes().forEach((n) => {
    if (!n.isParent()) positions.set(n.id(), { ...n.position() });
  });
  const svg = renderGraphSvg({ nodes: view.nodes, edges: view.edges, positions, faded: view.faded, groupLabels: view.groupLabels, title });
  return saveFigure('svg', fileName, chunkedBase64(svg));
}

/** The whole drawing (not only the part in view) as a PNG at twice the screen's scale. */
export function exportPng(cy: Core, fileName: string): Promise<FigureOutcome> {
  const data = cy.png({ output: 'base64', full: true, scale: 2, bg: '#ffffff' });
  return saveFigure('png', fileName, data);
}

/** btoa of a large string's bytes without blowing the argument limit of String.fromCharCode. */
function chunkedBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
