import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Point } from '../../shared/graph';
import type { GraphEdge, GraphNode } from '../../shared/graphModel';
import { useT } from '../i18n/I18n';
import { graphStyle } from './graphStyle';
import { nextNeighbour, type Arrow } from './keyboard';
import { incidentEdges, syncLive, type LiveClasses, type LiveInput } from './liveSet';
import { PaleLayer, paleOf, type Viewport } from './paleLayer';
import { useGraph } from './store';
import type { GraphView } from './useGraphModel';

const GROUP_PREFIX = 'group:';
/**
 * Elements above which the graph is a pale picture with only the part in focus live in cytoscape
 * (see PaleLayer): cytoscape's per-element styling and caching make thousands of elements take
 * seconds to draw and restyle without a GPU.
 */
export const BIG_GRAPH = 2_000;
/** A node's half width in model units (graphStyle), for fitting the view to places. */
const NODE_HALF = 8;

interface Props {
  view: GraphView;
  /** Opens a node's claim in its pane and selects it. */
  onOpen(nodeId: string): void;
  /** The live drawing, for the PNG export. */
  cyRef: { current: Core | null };
  /** A big graph's pale picture under the live drawing, for the exports. */
  paleRef: { current: PaleLayer | null };
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
 * keyboard's ring only switch classes, which keeps following a selection cheap. A big graph is a
 * pale picture (PaleLayer) with only its bright part as cytoscape elements (syncLive).
 */
export function GraphCanvas({ view, onOpen, cyRef, paleRef }: Props) {
  const t = useT();
  const box = useRef<GraphCanvasElement>(null);
  const { focusId, setFocus, setClicked, place, layoutVersion } = useGraph();
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  /** Where each node stands: its live element's place, or the place the pale picture drew it at. */
  const placeRef = useRef<(id: string) => Point | null>(() => null);

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
    const openAt = (id: string) => {
      setFocus(id);
      setClicked(id);
      // The graph centres on the claim in this frame; opening it in its pane renders the whole
      // app for the new selection, which waits until that frame is on screen.
      afterPaint(() => {
        openRef.current(id);
        setClicked(null);
      });
    };
    cy.on('tap', 'node', (e) => {
      const n = e.target as NodeSingular;
      if (!n.isParent()) openAt(n.id());
    });
    const pale = new PaleLayer(box.current!);
    paleRef.current = pale;
    cy.on('viewport resize', () => pale.schedule(() => viewportOf(cy)));
    // A tap on the pale picture is a tap on the background for cytoscape: find the claim under it.
    cy.on('tap', (e) => {
      if (e.target !== cy) return;
      const id = pale.nodeAt(e.position, 2 / cy.zoom());
      if (id) openAt(id);
    });
    // A pale claim under the pointer joins the live part, so a press on it grabs it like any node.
    cy.on('mousemove', (e) => {
      const input = liveInput.current;
      // While a node is dragged the live part stays as it is: the dragged node must not leave it.
      if (!input || cy.nodes(':grabbed').nonempty()) return;
      const id = e.target === cy ? pale.nodeAt(e.position) : (input.hoverId ?? null);
      if (id === (input.hoverId ?? null)) return;
      liveInput.current = { ...input, hoverId: id };
      syncLive(cy, liveInput.current, live.current);
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
    // cytoscape keeps where its box sits on the page and forgets it only on a resize or a scroll:
    // when the pane moves without changing size (the panes beside it settling), every click was
    // read at the old place and missed its node. Where the box is is read again as the pointer
    // comes in and on each press, before cytoscape sees the event (capture phase).
    const moved = () => rendererOf(cy).invalidateContainerClientCoordsCache();
    for (const type of ['pointerenter', 'pointerdown', 'wheel'] as const) el.addEventListener(type, moved, { capture: true, passive: true });
    el.nodeBox = (nodeId) => {
      const p = placeRef.current(nodeId);
      if (!p) return null;
      const r = el.getBoundingClientRect();
      const zoom = cy.zoom();
      const pan = cy.pan();
      return { x: r.left + pan.x + zoom * p.x, y: r.top + pan.y + zoom * p.y };
    };
    el.drawingSize = () => {
      const bb = cy.elements().nonempty() ? cy.elements().boundingBox() : null;
      const rest = pale.bounds();
      if (!rest) return { w: bb?.w ?? 0, h: bb?.h ?? 0 };
      const x1 = Math.min(rest.x1, bb?.x1 ?? Infinity);
      const y1 = Math.min(rest.y1, bb?.y1 ?? Infinity);
      return { w: Math.max(rest.x2, bb?.x2 ?? -Infinity) - x1, h: Math.max(rest.y2, bb?.y2 ?? -Infinity) - y1 };
    };
    el.nodeState = (nodeId) => {
      const n = cy.getElementById(nodeId);
      // A big graph's claim outside the bright part is only in the pale picture: faded, by definition.
      if (n.empty()) return placeRef.current(nodeId) ? { faded: true, group: null } : null;
      const parent = n.parent();
      return { faded: n.hasClass('faded'), group: parent.empty() ? null : String(parent.data('label') as string) };
    };
    return () => {
      for (const type of ['pointerenter', 'pointerdown', 'wheel'] as const) el.removeEventListener(type, moved, { capture: true });
      sized.disconnect();
      pale.destroy();
      paleRef.current = null;
      cy.destroy();
      cyRef.current = null;
    };
  }, [cyRef, paleRef, place, setFocus, setClicked]);

  /** What the drawing shows now, so a change of selection restyles only the difference. */
  const applied = useRef<Applied>({ faded: new Set(), labelled: new Set(), center: null, focus: null, big: false });
  const live = useRef<LiveClasses>(new Map());
  /** What the live part was last brought to (null while the graph is small). */
  const liveInput = useRef<LiveInput | null>(null);
  /** The places the pale picture was painted with. */
  const paleAt = useRef<ReadonlyMap<string, Point> | null>(null);
  const positions = useRef(view.positions);
  positions.current = view.positions;
  const big = view.nodes.length + view.edges.length > BIG_GRAPH;
  const nodesById = useMemo(() => new Map(view.nodes.map((n) => [n.id, n])), [view.nodes]);
  const incident = useMemo(() => (big ? incidentEdges(view.edges) : new Map()), [big, view.edges]);
  placeRef.current = (id) => {
    const n = cyRef.current?.getElementById(id);
    if (n && n.nonempty()) return n.position();
    return big && nodesById.has(id) ? (positions.current.get(id) ?? null) : null;
  };
  // The shape: nodes, groups, edges and their starting places. A drag changes places, not the shape,
  // so it does not rebuild (and the view does not jump back to the whole graph under the mouse).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const pale = paleRef.current!;
    cy.batch(() => cy.elements().remove());
    live.current = new Map();
    liveInput.current = null;
    applied.current = { faded: new Set(), labelled: new Set(), center: null, focus: null, big };
    setViewportCaching(cy, false);
    if (big) {
      // Grouped by place alone, without compound boxes: the picture is painted, not laid out.
      setPale(pale, view.nodes, view.edges, positions.current);
      paleAt.current = positions.current;
      fitBox(cy, boxOf(view.nodes.map((n) => positions.current.get(n.id)!)), 48);
      pale.paint(viewportOf(cy));
    } else {
      pale.clear();
      const groups = [...new Set(view.nodes.map((n) => n.group))];
      const elements: ElementDefinition[] = [
        ...groups.map((g) => ({ data: { id: GROUP_PREFIX + g, label: view.groupLabels.get(g) ?? '' }, classes: 'group' })),
        ...view.nodes.map((n) => ({
          data: { id: n.id, label: n.label, color: n.color, parent: GROUP_PREFIX + n.group },
          position: { ...positions.current.get(n.id)! },
          classes: n.isCluster ? 'cluster' : '',
        })),
        ...view.edges.map((e) => ({
          data: { id: e.id, source: e.source, target: e.target, color: e.color },
          classes: `${e.directed ? 'directed' : ''} curved`,
        })),
      ];
      cy.batch(() => cy.add(elements));
      fitBox(cy, cy.nodes().boundingBox({ includeLabels: false, includeOverlays: false }), 48);
    }
    markDrawn('shape', view.nodes.length, cy.elements().length);
  }, [cyRef, paleRef, big, view.nodes, view.edges, view.groupLabels, layoutVersion]);

  // Places loaded from the project (after the shape, or after switching arrangement) move the nodes.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // The pale picture is repainted at the new places, unless the shape's effect just painted these.
    if (big && paleAt.current !== view.positions) {
      paleAt.current = view.positions;
      setPale(paleRef.current!, view.nodes, view.edges, view.positions);
      paleRef.current!.schedule(() => viewportOf(cy));
    }
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
  }, [cyRef, paleRef, big, view.nodes, view.edges, view.positions]);

  // Fading, labels, the centre and the keyboard's ring. Only what changed is touched: restyling
  // every one of thousands of elements on each selection would cost seconds.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const was = applied.current;
    // A big graph writes the quotes of the neighbourhood only: thousands of labels are unreadable and slow.
    const labelled = new Set(was.big && view.faded.size === 0 ? [] : view.nodes.filter((n) => !view.faded.has(n.id)).map((n) => n.id));
    if (was.big) {
      // The pale picture stays; the bright part is brought to cytoscape, a few dozen elements.
      liveInput.current = { nodes: nodesById, incident, labelled, centerId: view.centerId, focusId, places: positions.current };
      const shown = syncLive(cy, liveInput.current, live.current);
      // A search matching thousands of claims makes thousands live: those pan and zoom as a picture.
      setViewportCaching(cy, shown > BIG_GRAPH);
      applied.current = { faded: view.faded, labelled, center: view.centerId, focus: focusId, big: true };
      markDrawn('classes', view.nodes.length - view.faded.size, shown);
      return;
    }
    cy.batch(() => {
      const touched = syncClass(cy, 'faded', was.faded, view.faded);
      syncClass(cy, 'labelled', was.labelled, labelled);
      for (const id of touched) {
        cy.getElementById(id)
          .connectedEdges()
          .forEach((e) => {
            e.toggleClass('faded', view.faded.has(e.source().id()) || view.faded.has(e.target().id()));
          });
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
    applied.current = { faded: view.faded, labelled, center: view.centerId, focus: focusId, big: false };
    markDrawn('classes', view.nodes.length - view.faded.size, cy.elements().length);
  }, [cyRef, view, focusId, nodesById, incident]);

  // Only a new centre moves the view: fading alone (a filter, the search) leaves it where the analyst put it.
  const lastCenter = useRef<string | null>(null);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !view.centerId || view.centerId === lastCenter.current) return;
    lastCenter.current = view.centerId;
    // The neighbourhood's places, found through the view's sets, not by visiting the drawing.
    const near = view.nodes.filter((n) => !view.faded.has(n.id)).map((n) => placeRef.current(n.id));
    const points = near.filter((p): p is Point => p !== null);
    if (points.length > 0) fitBox(cy, boxOf(points), 64);
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
    const at = (id: string) => placeRef.current(id) ?? { x: 0, y: 0 };
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

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}

/** The box around nodes standing at `points`. */
function boxOf(points: readonly Point[]): Box {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    x1 = Math.min(x1, p.x - NODE_HALF);
    y1 = Math.min(y1, p.y - NODE_HALF);
    x2 = Math.max(x2, p.x + NODE_HALF);
    y2 = Math.max(y2, p.y + NODE_HALF);
  }
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

/**
 * Fits the view to the nodes themselves: cytoscape's own fit counts the labels' boxes too, and
 * long quotes beside the nodes would shrink a small neighbourhood to specks.
 */
function fitBox(cy: Core, bb: Box, padding: number): void {
  if (!Number.isFinite(bb.w) || !Number.isFinite(bb.h)) return;
  const w = cy.width();
  const h = cy.height();
  if (w <= 0 || h <= 0) return;
  const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min((w - 2 * padding) / Math.max(bb.w, 1), (h - 2 * padding) / Math.max(bb.h, 1))));
  cy.viewport({ zoom, pan: { x: (w - zoom * (bb.x1 + bb.x2)) / 2, y: (h - zoom * (bb.y1 + bb.y2)) / 2 } });
}

/** The parts of cytoscape's canvas renderer used here; they are not in its typings. */
interface CanvasRenderer {
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  invalidateContainerClientCoordsCache(): void;
}
const rendererOf = (cy: Core) => (cy as unknown as { renderer(): CanvasRenderer }).renderer();

/** cytoscape reads these two options from the renderer; they cannot be changed through cy.options. */
function setViewportCaching(cy: Core, on: boolean): void {
  const r = rendererOf(cy);
  r.textureOnViewport = on;
  r.hideEdgesOnViewport = on;
}

/** Runs `fn` once the next frame has been painted and the page is idle (or 100 ms later at most). */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => requestIdleCallback(fn, { timeout: 100 }));
}

const viewportOf = (cy: Core): Viewport => ({ zoom: cy.zoom(), pan: cy.pan(), width: cy.width(), height: cy.height() });

/** Hands the pale picture every shown node and link at `places`, in their pale colours. */
function setPale(pale: PaleLayer, nodes: readonly GraphNode[], edges: readonly GraphEdge[], places: ReadonlyMap<string, Point>): void {
  pale.setGraph(
    nodes.map((n) => ({ id: n.id, color: paleOf(n.color) })),
    edges.map((e) => ({ source: e.source, target: e.target, color: paleOf(e.color) })),
    places,
  );
}

/**
 * The instrumentation point the benchmark reads (like the panes' `crossread:painted`): the graph's
 * elements or its fading were just applied; the next frame shows them. `live` counts the elements
 * cytoscape holds, each of which it styles, caches and redraws.
 */
function markDrawn(kind: 'shape' | 'classes', shown: number, live: number): void {
  performance.mark('crossread:graph-drawn', { detail: { kind, shown, live } });
}
