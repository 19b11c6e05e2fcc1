import type { Core } from 'cytoscape';
import type { PaleLayer } from './paleLayer';
import type { Point } from '../../shared/graph';
import { renderGraphSvg } from '../../shared/graphSvg';
import { saveFigure, type FigureOutcome } from './saveFigure';
import type { GraphView } from './useGraphModel';

/**
 * The graph as shown (filters, fading, the places nodes are at now) as an SVG file: the same
 * drawing the dossier's figure uses, so the two agree.
 */
export function exportSvg(cy: Core, view: GraphView, title: string, fileName: string): Promise<FigureOutcome> {
  // A big graph's pale rest is not in cytoscape: those nodes stand at the view's places.
  const positions = new Map<string, Point>(view.positions);
  cy.nodes().forEach((n) => {
    if (!n.isParent()) positions.set(n.id(), { ...n.position() });
  });
  const svg = renderGraphSvg({ nodes: view.nodes, edges: view.edges, positions, faded: view.faded, groupLabels: view.groupLabels, title });
  return saveFigure('svg', fileName, chunkedBase64(svg));
}

/**
 * The whole drawing (not only the part in view) as a PNG at twice the screen's scale: a big
 * graph's pale picture with cytoscape's live part drawn over it, at most 100 megapixels.
 */
export async function exportPng(cy: Core, pale: PaleLayer | null, fileName: string): Promise<FigureOutcome> {
  const rest = pale?.bounds();
  if (!rest) return saveFigure('png', fileName, cy.png({ output: 'base64', full: true, scale: 2, bg: '#ffffff' }));
  const live = cy.elements().nonempty() ? cy.elements().boundingBox() : null;
  const x1 = Math.min(rest.x1, live?.x1 ?? Infinity);
  const y1 = Math.min(rest.y1, live?.y1 ?? Infinity);
  const w = Math.max(rest.x2, live?.x2 ?? -Infinity) - x1;
  const h = Math.max(rest.y2, live?.y2 ?? -Infinity) - y1;
  const scale = Math.min(2, Math.sqrt(1e8 / Math.max(1, w * h)), 16_384 / Math.max(1, w, h));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(w * scale);
  canvas.height = Math.ceil(h * scale);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  pale!.paintOn(g, { zoom: scale, pan: { x: -x1 * scale, y: -y1 * scale }, width: canvas.width, height: canvas.height });
  if (live) {
    const picture = await createImageBitmap(await cy.png({ output: 'blob-promise', full: true, scale }));
    g.drawImage(picture, (live.x1 - x1) * scale, (live.y1 - y1) * scale);
  }
  return saveFigure('png', fileName, canvas.toDataURL('image/png').slice('data:image/png;base64,'.length));
}

/** btoa of a large string's bytes without blowing the argument limit of String.fromCharCode. */
function chunkedBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
