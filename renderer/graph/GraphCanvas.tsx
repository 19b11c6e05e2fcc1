import cytoscape, { type Core, type ElementDefinition, type NodeCollection, type NodeSingular } from 'cytoscape';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useT } from '../i18n/I18n';
import { graphStyle } from './graphStyle';
import { nextNeighbour, type Arrow } from './keyboard';
import { useGraph } from './store';
import type { GraphView } from './useGraphModel';

const GROUP_PREFIX = 'group:';
/** Elements above which panning and zooming draw a cached picture (see setViewportCaching). */
const BIG_GRAPH = 2_000;

interface Props {
  view: GraphView;
  /** Opens a node's claim in its pane and selects it. */
  onOpen(nodeId: string): void;
  /** The live drawing, for the PNG export. */
  cyRef: { current: Core | null };
}

/** Where a node is drawn on the page, for the e2e tests and for anything that points at a node. */
export interface GraphCanvasElement extends HTMLDivElement {
  nodeBox?(nodeId: string): { x: number; y: number } | null;
  /** How a node is drawn now: faded or not, and the caption of the group box it sits in. */
  nodeState?(nodeId: string): { faded: boolean; group: string | null } | null;
  /** The whole drawing's size in graph units: what the PNG export draws, at its scale. */
  drawingSize?(): { w: number; h: number };
}

/**
 * The drawing: cytoscape on a canvas, groups as compound nodes, the analyst's drags saved to the
 * project. Elements are rebuilt when the graph's shape changes; fading, the selection and the
 * keyboard's ring only switch classes, which keeps following a selection cheap.
 */
export function GraphCanvas({ view, onOpen, cyRef }: Props) {
  const t = useT();
  const box = useRef<GraphCanvasElement>(null);
  const { focusId, setFocus, place, layoutVersion } = useGraph();
  const openRef = useRef(onOpen);
  openRef.current = onOpen;

  useEffect(() => {
    const cy = cytoscape({
      container: box.current,
      style: graphStyle,
      minZoom: 0.05,
      maxZoom: 1.6,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      // Thousands of elements on a canvas without a GPU: one device pixel per CSS pixel (a HiDPI
      // screen would paint four times the pixels per frame) and no motion blur's extra passes.
      pixelRatio: 1,
      motionBlur: false,
    });
    cyRef.current = cy;
    cy.on('tap', 'node', (e) => {
      const n = e.target as NodeSingular;
      if (n.isParent()) return;
      setFocus(n.id());
      openRef.current(n.id());
    });
    cy.on('dragfree', 'node', (e) => {
      const n = e.target as NodeSingular;
      const at = (c: NodeSingular) => ({ nodeId: c.id(), x: Math.round(c.position('x')), y: Math.round(c.position('y')) });
      // Dragging a group moves its claims: each keeps its new place.
      const moved = n.isParent() ? n.children().map((c) => at(c)) : [at(n)];
      void place(moved);
    });
    const el = box.current!;
    // The pane is resized by its splitter and by the window: the canvas must learn its new size.
    const sized = new ResizeObserver(() => cy.resize());
    sized.observe(el);
    el.nodeBox = (nodeId) => {
      const n = cy.getElementById(nodeId);
      if (n.empty()) return null;
      const p = n.renderedPosition();
      const r = el.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    };
    el.drawingSize = () => {
      const bb = cy.elements().boundingBox();
      return { w: bb.w, h: bb.h };
    };
    el.nodeState = (nodeId) => {
      const n = cy.getElementById(nodeId);
      if (n.empty()) return null;
      const parent = n.parent();
      return { faded: n.hasClass('faded'), group: parent.empty() ? null : String(parent.data('label') as string) };
    };
    return () => {
      sized.disconnect();
      cy.destroy();
      cyRef.current = null;
    };
  }, [cyRef, place, setFocus]);

  /** What the drawing shows now, so a change of selection restyles only the difference. */
  const applied = useRef<Applied>({ faded: new Set(), labelled: new Set(), center: null, focus: null, big: false });
  const positions = useRef(view.positions);
  positions.current = view.positions;
  // The shape: nodes, groups, edges and their starting places. A drag changes places, not the shape,
  // so it does not rebuild (and the view does not jump back to the whole graph under the mouse).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // A big graph pans and zooms as one picture and hides its edges meanwhile (redrawing 10,000
    // elements per frame without a GPU is far from 60 fps); it is grouped by place alone, without
    // compound boxes, and its edges are straight: both cost cytoscape dearly at that size.
    const big = view.nodes.length + view.edges.length > BIG_GRAPH;
    const groups = big ? [] : [...new Set(view.nodes.map((n) => n.group))];
    const elements: ElementDefinition[] = [
      ...groups.map((g) => ({ data: { id: GROUP_PREFIX + g, label: view.groupLabels.get(g) ?? '' }, classes: 'group' })),
      ...view.nodes.map((n) => ({
        data: { id: n.id, label: n.label, color: n.color, ...(big ? { pale: paleOf(n.color) } : { parent: GROUP_PREFIX + n.group }) },
        position: { ...positions.current.get(n.id)! },
        classes: `${n.isCluster ? 'cluster' : ''}${big ? ' dim' : ''}`,
      })),
      ...view.edges.map((e) => ({
        data: { id: e.id, source: e.source, target: e.target, color: e.color, ...(big ? { pale: paleOf(e.color) } : {}) },
        classes: `${e.directed ? 'directed' : ''}${big ? ' dim' : ' curved'}`,
      })),
    ];
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    applied.current = { faded: new Set(), labelled: new Set(), center: null, focus: null, big };
    setViewportCaching(cy, big);
    fitTo(cy, cy.nodes(), 48);
    markDrawn('shape', view.nodes.length);
  }, [cyRef, view.nodes, view.edges, view.groupLabels, layoutVersion]);

  // Places loaded from the project (after the shape, or after switching arrangement) move the nodes.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // Only the nodes whose place differs move: the places arrive once with the shape already and
    // again when the project's stored places load, and moving thousands of nodes to where they
    // stand would redraw and re-index them all for nothing.
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = view.positions.get(n.id());
        if (!p || n.isParent() || n.grabbed()) return;
        const at = n.position();
        if (at.x !== p.x || at.y !== p.y) n.position({ ...p });
      });
    });
  }, [cyRef, view.positions]);

  // Fading, labels, the centre and the keyboard's ring. Only what changed is touched: restyling
  // every one of thousands of elements on each selection would cost seconds.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const was = applied.current;
    // A big graph writes the quotes of the neighbourhood only: thousands of labels are unreadable and slow.
    const labelled = new Set(was.big && view.faded.size === 0 ? [] : view.nodes.filter((n) => !view.faded.has(n.id)).map((n) => n.id));
    cy.batch(() => {
      if (was.big) {
        // A big graph is drawn pale from the start and brightens the neighbourhood: a selection
        // restyles its few dozen elements instead of fading thousands.
        const touched = syncClass(cy, 'near', was.labelled, labelled);
        syncClass(cy, 'labelled', was.labelled, labelled);
        for (const id of touched) {
          cy.getElementById(id)
            .connectedEdges()
            .forEach((e) => {
              e.toggleClass('near', labelled.has(e.source().id()) && labelled.has(e.target().id()));
            });
        }
      } else {
        const touched = syncClass(cy, 'faded', was.faded, view.faded);
        syncClass(cy, 'labelled', was.labelled, labelled);
        for (const id of touched) {
          cy.getElementById(id)
            .connectedEdges()
            .forEach((e) => {
              e.toggleClass('faded', view.faded.has(e.source().id()) || view.faded.has(e.target().id()));
            });
        }
      }
      if (was.center !== view.centerId) {
        if (was.center) cy.getElementById(was.center).removeClass('center');
        if (view.centerId) cy.getElementById(view.centerId).addClass('center');
      }
      if (was.focus !== focusId) {
        if (was.focus) cy.getElementById(was.focus).removeClass('focused');
        if (focusId) cy.getElementById(focusId).addClass('focused');
      }
    });
    applied.current = { faded: view.faded, labelled, center: view.centerId, focus: focusId, big: was.big };
    markDrawn('classes', view.nodes.length - view.faded.size);
  }, [cyRef, view, focusId]);

  // Only a new centre moves the view: fading alone (a filter, the search) leaves it where the analyst put it.
  const lastCenter = useRef<string | null>(null);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !view.centerId || view.centerId === lastCenter.current) return;
    lastCenter.current = view.centerId;
    // The neighbourhood is found through the adjacency, not by visiting every node of the drawing.
    const near = view.faded.size === 0 ? cy.nodes().filter((n) => !n.isParent()) : cy.collection();
    if (view.faded.size > 0) for (const n of view.nodes) if (!view.faded.has(n.id)) near.merge(cy.getElementById(n.id));
    if (near.nonempty()) fitTo(cy, near, 64);
    setFocus(view.centerId);
  }, [cyRef, view, setFocus]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy) return;
    const from = focusId ?? view.centerId ?? view.nodes[0]?.id ?? null;
    if (!from) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(from);
      return;
    }
    const arrows: Record<string, Arrow> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
    const arrow = arrows[e.key];
    if (!arrow) return;
    e.preventDefault();
    if (!focusId) return setFocus(from);
    const at = (id: string) => cy.getElementById(id).position();
    const next = nextNeighbour(from, arrow, view.adj.get(from) ?? new Set(), at);
    if (next) setFocus(next);
  };

  const focused = view.nodes.find((n) => n.id === focusId);
  return (
    <>
      <div
        ref={box}
        className="graph-canvas"
        tabIndex={0}
        role="application"
        aria-label={t('graph.canvas')}
        aria-describedby="graph-keys"
        onKeyDown={onKeyDown}
      />
      <p id="graph-keys" className="graph-sr">
        {t('graph.keys')}
      </p>
      <p className="graph-focus" aria-live="polite">
        {focused ? t('graph.focused', { label: focused.label, count: view.adj.get(focused.id)?.size ?? 0 }) : ''}
      </p>
    </>
  );
}

interface Applied {
  faded: ReadonlySet<string>;
  labelled: ReadonlySet<string>;
  center: string | null;
  focus: string | null;
  big: boolean;
}

/** Gives class `cls` to the ids in `next` and takes it from those only in `prev`; returns the ids changed. */
function syncClass(cy: Core, cls: string, prev: ReadonlySet<string>, next: ReadonlySet<string>): string[] {
  const changed: string[] = [];
  for (const id of prev) {
    if (next.has(id)) continue;
    cy.getElementById(id).removeClass(cls);
    changed.push(id);
  }
  for (const id of next) {
    if (prev.has(id)) continue;
    cy.getElementById(id).addClass(cls);
    changed.push(id);
  }
  return changed;
}

/**
 * Fits the view to the nodes themselves: cytoscape's own fit counts the labels' boxes too, and
 * long quotes beside the nodes would shrink a small neighbourhood to specks.
 */
function fitTo(cy: Core, eles: NodeCollection, padding: number): void {
  const bb = eles.boundingBox({ includeLabels: false, includeOverlays: false });
  const w = cy.width();
  const h = cy.height();
  if (w <= 0 || h <= 0) return;
  const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min((w - 2 * padding) / Math.max(bb.w, 1), (h - 2 * padding) / Math.max(bb.h, 1))));
  cy.viewport({ zoom, pan: { x: (w - zoom * (bb.x1 + bb.x2)) / 2, y: (h - zoom * (bb.y1 + bb.y2)) / 2 } });
}

/**
 * A colour mixed two thirds towards white: a big graph's resting colours. Pale colours instead of
 * opacity, because cytoscape draws every translucent element through an extra compositing step.
 */
export function paleOf(hex: string): string {
  const mix = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) / 3 + (255 * 2) / 3)
    .toString(16)
    .padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}

/** cytoscape reads these two options from the renderer; they cannot be changed through cy.options. */
function setViewportCaching(cy: Core, on: boolean): void {
  const r = (cy as unknown as { renderer(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean } }).renderer();
  r.textureOnViewport = on;
  r.hideEdgesOnViewport = on;
}

/**
 * The instrumentation point the benchmark reads (like the panes' `crossread:painted`): the graph's
 * elements or its fading were just applied; the next frame shows them.
 */
function markDrawn(kind: 'shape' | 'classes', shown: number): void {
  performance.mark('crossread:graph-drawn', { detail: { kind, shown } });
}
