import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { relationColor, relationIsDirected } from '../../shared/relation-colors';
import { useWorkspace } from '../app/workspace';
import { useRevealClaim } from '../annotations/useRevealClaim';
import { useT } from '../i18n/I18n';
import { relationNames } from '../links/relationLabel';
import { paneRegistry } from '../reader/paneRegistry';
import { ConnectorEngine, HOT_HIGHLIGHT, type DrawnLink } from './engine';
import { ConnectorToggles } from './ConnectorToggles';
import { useConnectors } from './store';

const QUOTE_CHARS = 60;
const shortQuote = (text: string) => (text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : text);

/**
 * Links drawn between the side-by-side panes, over the reading row (the element it is placed in): the React side feeds the
 * engine (engine.ts) the links, claims and pane order, and shows what the pointer found (the
 * relation's name) and the toggles. The drawing itself never goes through React.
 */
export function ConnectorOverlay() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const reveal = useRevealClaim();
  const host = useRef<HTMLDivElement>(null);
  const engine = useRef<ConnectorEngine | null>(null);
  const { hot, tip, setHot, selectLink, focusRequest } = useConnectors();
  const { layout, links, annotations, relations, documents } = state;

  const order = useMemo(() => layout.panes.map((p) => p.documentId), [layout.panes]);
  const claims = useMemo(() => new Map(annotations.map((a) => [a.id, { documentId: a.documentId, start: a.start, end: a.end }])), [annotations]);
  const drawn = useMemo(() => {
    const rels = new Map(relations.map((r) => [r.id, r]));
    return links.flatMap((l): DrawnLink[] => {
      const a = claims.get(l.fromId);
      const b = claims.get(l.toId);
      if (!a || !b || a.documentId === b.documentId) return [];
      const rel = rels.get(l.relationId);
      return [{ id: l.id, fromId: l.fromId, toId: l.toId, fromDocumentId: a.documentId, toDocumentId: b.documentId, color: relationColor(rel), directed: relationIsDirected(rel) }];
    });
  }, [links, claims, relations]);

  // The engine calls back through refs, so it is made once and never sees a stale closure.
  const linkById = useMemo(() => new Map(links.map((l) => [l.id, l])), [links]);
  const latest = useRef({ reveal, t, linkById, relations, documents, claims, annotations, actions, setHot, selectLink });
  latest.current = { reveal, t, linkById, relations, documents, claims, annotations, actions, setHot, selectLink };
  useLayoutEffect(() => {
    // The reading row is the element this overlay is placed in.
    const row = host.current?.parentElement;
    if (!row || !host.current) return;
    const relationOf = (linkId: string) => {
      const { linkById: ls, relations: rs, t: tr } = latest.current;
      const relationId = ls.get(linkId)?.relationId;
      const rel = rs.find((r) => r.id === relationId);
      return rel ? relationNames(rel, tr).name : '?';
    };
    // Marker labels differ only by relation, place and document: thousands of markers share a few
    // dozen wordings, each formatted once per language.
    const worded = new WeakMap<object, Map<string, string>>();
    const e = new ConnectorEngine(row, host.current, {
      hover: (ids, at) => latest.current.setHot(ids, at),
      select: (linkId) => {
        const link = latest.current.linkById.get(linkId);
        if (!link) return;
        latest.current.selectLink(linkId);
        latest.current.actions.showClaim(link.fromId);
      },
      reveal: (claimId) => latest.current.reveal(claimId),
      connectorLabel: (linkId) => {
        const { linkById: ls, relations: rs, t: tr, annotations: as } = latest.current;
        const link = ls.get(linkId);
        const quote = (id: string | undefined) => shortQuote(as.find((a) => a.id === id)?.exact ?? '');
        const directed = relationIsDirected(rs.find((r) => r.id === link?.relationId));
        return tr(directed ? 'connectors.connectorLabel' : 'connectors.connectorLabelBoth', { relation: relationOf(linkId), from: quote(link?.fromId), to: quote(link?.toId) });
      },
      markerLabel: (m) => {
        const { t: tr, documents: docs, claims: cs } = latest.current;
        const relation = relationOf(m.linkId);
        const title = m.where === 'closed' ? (docs.find((d) => d.id === cs.get(m.hiddenId)?.documentId)?.title ?? '') : '';
        let cache = worded.get(tr);
        if (!cache) worded.set(tr, (cache = new Map()));
        const key = `${m.where}\u0000${relation}\u0000${title}`;
        let label = cache.get(key);
        if (label === undefined) {
          label = m.where === 'closed' ? tr('connectors.markerClosed', { title, relation }) : tr(m.where === 'above' ? 'connectors.markerAbove' : 'connectors.markerBelow', { relation });
          cache.set(key, label);
        }
        return label;
      },
    });
    engine.current = e;
    return () => {
      e.dispose();
      engine.current = null;
    };
  }, []);

  // A link chosen by its connector stays marked in the inspector until another claim is selected.
  const selectedId = state.selectedId;
  useEffect(() => {
    const { selectedLinkId } = useConnectors.getState();
    if (!selectedLinkId) return;
    const link = latest.current.linkById.get(selectedLinkId);
    if (!link || (link.fromId !== selectedId && link.toId !== selectedId)) selectLink(null);
  }, [selectedId, selectLink]);

  const hotSet = useMemo(() => new Set(hot), [hot]);
  const focusable = useMemo(() => new Set(selectedId ? drawn.filter((l) => l.fromId === selectedId || l.toId === selectedId).map((l) => l.id) : []), [drawn, selectedId]);
  useLayoutEffect(() => {
    engine.current?.update({ order, links: drawn, claims, show: layout.connectors, follow: layout.followLinks, hot: hotSet, focusable });
  }, [order, drawn, claims, layout.connectors, layout.followLinks, hotSet, focusable, state.tags]);

  // The key that goes to the selected claim's connectors: asked for in the store, done here where
  // the engine is; the frame that draws the request's state is awaited first.
  const asked = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === asked.current) return;
    asked.current = focusRequest;
    const frame = requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (!engine.current?.focusFirst()) latest.current.actions.notify('info', latest.current.t('connectors.noneToFocus'));
      }),
    );
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  // Both ends of a hovered link are marked in the text too.
  useEffect(() => {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges: Range[] = [];
    for (const id of hot) {
      const link = drawn.find((l) => l.id === id);
      if (!link || !layout.connectors) continue;
      for (const [claimId, documentId] of [
        [link.fromId, link.fromDocumentId],
        [link.toId, link.toDocumentId],
      ] as const) {
        const c = claims.get(claimId);
        const r = c ? paneRegistry.get(documentId)?.map.range(c.start, c.end) : null;
        if (r) ranges.push(r);
      }
    }
    if (ranges.length === 0) CSS.highlights.delete(HOT_HIGHLIGHT);
    else {
      const h = new Highlight(...ranges);
      h.priority = 25;
      CSS.highlights.set(HOT_HIGHLIGHT, h);
    }
  }, [hot, drawn, claims, layout.connectors]);

  const tipLinks = tip && layout.connectors ? hot.flatMap((id) => links.filter((l) => l.id === id)).slice(0, 4) : [];
  return (
    <>
      <div ref={host} className={layout.connectors ? 'connector-host' : 'connector-host is-off'} />
      {tip && tipLinks.length > 0 ? (
        <div className="connector-tip" role="tooltip" style={{ left: tip.x + 12, top: tip.y + 14 }}>
          {tipLinks.map((l) => {
            const rel = relations.find((r) => r.id === l.relationId);
            return (
              <div key={l.id} className="connector-tip-row">
                <span className="connector-swatch" style={{ background: relationColor(rel) }} />
                {rel ? relationNames(rel, t).name : '?'}
              </div>
            );
          })}
          {/* Focus, not the pointer, brought the tip: the key that opens the link is the hint. */}
          <div className="connector-tip-hint">{t(document.activeElement?.matches('.connector-hit') ? 'connectors.tipHintKey' : 'connectors.tipHint')}</div>
        </div>
      ) : null}
      <ConnectorToggles />
    </>
  );
}
