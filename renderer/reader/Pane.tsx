import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentMeta } from '../../shared/contract';
import { trimSelection } from '../../shared/text';
import { useWorkspace } from '../app/workspace';
import { usePickClaim } from '../annotations/usePickClaim';
import { useLinkingFrom } from '../links/linkMode';
import { useT } from '../i18n/I18n';
import { assignLayers, clearPane, extraTagName, highlightName, markPainted, PENDING, SELECTED } from './highlights';
import { NearPaint, type PaintItem } from './nearPaint';
import type { OffsetMap } from './offsets';
import { paneRegistry } from './paneRegistry';
import { CodingStripe } from '../connectors/CodingStripe';
import { LinkMarkers } from './LinkMarkers';
import { SourceEditor } from './SourceEditor';
import { useDocumentText } from './useDocumentText';
import { ClaimDragGrip } from '../hypotheses/ClaimDragGrip';

interface Props {
  doc: DocumentMeta;
  index: number;
  count: number;
}

export function Pane({ doc, index, count }: Props) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const linkingFrom = useLinkingFrom();
  const pick = usePickClaim();
  const { text, pageStarts, error } = useDocumentText(doc.id);
  const [map, setMap] = useState<OffsetMap | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const annotations = useMemo(
    () => state.annotations.filter((a) => a.documentId === doc.id).sort((a, b) => a.start - b.start || a.end - b.end),
    [state.annotations, doc.id],
  );

  const onReady = useCallback(
    (m: OffsetMap) => {
      setMap(m);
      const el = scroller.current;
      if (!el) return;
      paneRegistry.set(doc.id, { map: m, scroller: el });
      const fraction = actions.scrollOf(doc.id);
      requestAnimationFrame(() => {
        el.scrollTop = fraction * Math.max(0, el.scrollHeight - el.clientHeight);
      });
    },
    [actions, doc.id],
  );
  useEffect(() => () => {
    paneRegistry.delete(doc.id);
    clearPane(doc.id);
  }, [doc.id]);

  // Paint this pane's claims, the selected one, and a pending selection: those near the view
  // (NearPaint), the band following the scroll.
  const near = useMemo(() => (map && scroller.current ? new NearPaint(doc.id, map, scroller.current) : null), [map, doc.id]);
  const popover = state.popover;
  const allSaving = state.saving;
  const saving = useMemo(() => allSaving.filter((c) => c.documentId === doc.id), [allSaving, doc.id]);
  useEffect(() => {
    if (!near) return;
    // Claims being saved paint like saved ones; they are few, so the list is merged and sorted again.
    const claims = saving.length === 0 ? annotations : [...annotations, ...saving].sort((a, b) => a.start - b.start || a.end - b.end);
    const layers = assignLayers(claims);
    const items: PaintItem[] = claims.map((a, i) => {
      const [first = null, ...rest] = a.tagIds;
      return { start: a.start, end: a.end, names: [highlightName(first, layers[i]!), ...rest.map(extraTagName)] };
    });
    const always: PaintItem[] = [];
    const selected = claims.find((a) => 'id' in a && a.id === state.selectedId);
    if (selected) always.push({ start: selected.start, end: selected.end, names: [SELECTED] });
    if (popover?.mode === 'create' && popover.documentId === doc.id) always.push({ start: popover.start, end: popover.end, names: [PENDING] });
    near.set(items, always);
    markPainted(doc.id, claims.length, saving.length);
  }, [near, annotations, saving, state.selectedId, state.tags, popover, doc.id]);
  // The painted band follows the view: on scroll, and when the pane or its text changes size.
  useEffect(() => {
    const el = scroller.current;
    if (!near || !el) return;
    const ro = new ResizeObserver(() => near.follow());
    ro.observe(el);
    const text = el.querySelector('.source-text');
    if (text) ro.observe(text);
    return () => ro.disconnect();
  }, [near]);

  const openCreate = useCallback(
    (preset: string[] = []) => {
      if (!map) return false;
      const sel = window.getSelection();
      const offsets = map.selectionOffsets(sel);
      if (!offsets || !sel || text === null) return false;
      // A selection of nothing but blanks is handled by doing nothing: no popover that cannot save.
      const trimmed = trimSelection(text, offsets.start, offsets.end);
      if (!trimmed) return true;
      // The whole selection: the popover is placed so that none of it is covered.
      const rect = sel.getRangeAt(0).getBoundingClientRect();
      actions.setPopover({ mode: 'create', documentId: doc.id, ...trimmed, rect, tagIds: preset });
      return true;
    },
    [map, text, actions, doc.id],
  );

  const onMouseUp = useCallback(
    (e: React.MouseEvent) => {
      if (!map || e.button !== 0) return;
      if (!linkingFrom && openCreate()) return;
      const offset = map.offsetAtPoint(e.clientX, e.clientY);
      if (offset === null) return;
      const hits = annotations.filter((a) => a.start <= offset && offset < a.end);
      const rect = new DOMRect(e.clientX, e.clientY, 0, 16);
      if (linkingFrom) {
        // The innermost claim under the pointer is the one meant (the start claim itself ends link mode).
        const target = [...hits].sort((a, b) => a.end - a.start - (b.end - b.start))[0];
        if (target) pick(target.id, rect);
        return;
      }
      if (hits.length === 1) {
        pick(hits[0]!.id, rect);
      } else if (hits.length > 1) {
        actions.setPopover({ mode: 'choose', documentId: doc.id, annotationIds: hits.map((h) => h.id), rect });
      } else {
        actions.select(null);
      }
    },
    [map, annotations, actions, openCreate, linkingFrom, pick, doc.id],
  );

  const tags = state.tags;
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const digit = /^[1-9]$/.test(e.key) ? Number(e.key) : 0;
      if (e.key === 'Enter' || (digit && digit <= tags.length)) {
        const preset = digit ? [tags[digit - 1]!.id] : [];
        if (openCreate(preset)) e.preventDefault();
      }
    },
    [openCreate, tags],
  );

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    near?.follow();
    const range = el.scrollHeight - el.clientHeight;
    actions.rememberScroll(doc.id, range > 0 ? Math.min(1, el.scrollTop / range) : 0);
  }, [actions, doc.id, near]);

  const label = doc.title;
  return (
    <section className="pane" role="region" aria-label={label} data-document-id={doc.id}>
      <header className="pane-header">
        <div className="pane-title">
          <h2 title={doc.title}>{doc.title}</h2>
          <p>
            {[doc.outlet, doc.author, doc.date ?? t('documents.noDate')].filter(Boolean).join(' · ')}
            <span className="pane-count"> · {t('claims.title').toLowerCase()}: {annotations.length}</span>
          </p>
        </div>
        <div className="pane-actions">
          <button type="button" className="icon" aria-label={t('pane.left', { title: label })} title={t('pane.left', { title: label })} disabled={index === 0} onClick={() => actions.movePane(doc.id, -1)}>
            ←
          </button>
          <button type="button" className="icon" aria-label={t('pane.right', { title: label })} title={t('pane.right', { title: label })} disabled={index === count - 1} onClick={() => actions.movePane(doc.id, 1)}>
            →
          </button>
          <button type="button" className="icon" aria-label={t('pane.close', { title: label })} title={t('pane.close', { title: label })} onClick={() => actions.closePane(doc.id)}>
            ×
          </button>
        </div>
      </header>
      <div className="pane-main">
        <div className="pane-body" ref={scroller} onScroll={onScroll} onMouseUp={onMouseUp} lang={doc.language || undefined}>
          {error ? <p className="pane-error" role="alert">{error}</p> : null}
          {text === null && !error ? <p className="pane-loading">{t('pane.loading')}</p> : null}
          <LinkMarkers
            map={map}
            scroller={scroller}
            annotations={annotations}
            links={state.links}
            onOpen={(a) => pick(a.id, map?.range(a.start, a.end)?.getBoundingClientRect() ?? null)}
          />
          {text !== null ? <SourceEditor documentId={doc.id} text={text} pageStarts={pageStarts} label={label} onReady={onReady} onKeyDown={onKeyDown} /> : null}
        </div>
        <ClaimDragGrip documentId={doc.id} map={map} scroller={scroller} />
        <CodingStripe documentId={doc.id} title={label} map={map} scroller={scroller} annotations={annotations} />
      </div>
    </section>
  );
}

