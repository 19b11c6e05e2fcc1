import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { timelineFigure, type TimelineWords } from '../../shared/timeline-figure';
import { useRevealClaim } from '../annotations/useRevealClaim';
import { useWorkspace } from '../app/workspace';
import { useClusterStore } from '../clusters/store';
import { useT } from '../i18n/I18n';
import { toReact } from './toReact';
import { useTimeline } from './useTimeline';

const QUOTE = 80;
/** Narrower panes scroll sideways rather than squeeze the axis into nothing. */
const MIN_WIDTH = 240;

/**
 * Claims on a time axis by their source's date, one row per claim cluster: who said it first (a
 * filled, outlined mark), who repeated it (a ring) and who contradicted it (a red cross). Clicking a
 * claim opens it in its pane; clicking a cluster's title opens the cluster.
 */
export function TimelineView() {
  const t = useT();
  const { state } = useWorkspace();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    // The content box: the figure is drawn inside the padding.
    const measure = () => {
      const style = getComputedStyle(el);
      setWidth(el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const layout = useTimeline(Math.max(MIN_WIDTH, width));
  const reveal = useRevealClaim();
  const openCluster = useClusterStore((s) => s.open);

  const words = useMemo<TimelineWords>(() => {
    const claims = new Map(state.annotations.map((a) => [a.id, a]));
    const docs = new Map(state.documents.map((d) => [d.id, d]));
    return {
      undated: t('timeline.undated'),
      first: t('timeline.first'),
      repeat: t('timeline.repeat'),
      contradicts: t('timeline.contradicts'),
      pointLabel: (p) => {
        const quote = (claims.get(p.claimId)?.exact ?? '').replace(/\s+/g, ' ');
        const doc = docs.get(p.documentId);
        const text = t('timeline.point', {
          quote: quote.length > QUOTE ? `${quote.slice(0, QUOTE - 1)}…` : quote,
          source: doc ? doc.outlet || doc.title : '',
          date: p.date ?? t('timeline.undated'),
        });
        return p.role === 'claim' ? text : `${text} (${t(`timeline.${p.role}`)})`;
      },
    };
  }, [state.annotations, state.documents, t]);

  const figure = useMemo(() => (layout ? timelineFigure(layout, words, { interactive: true, selectedId: state.selectedId }) : null), [layout, words, state.selectedId]);

  const act = (target: EventTarget | null): boolean => {
    const el = target instanceof Element ? target : null;
    const claim = el?.closest<SVGElement>('[data-claim]')?.dataset.claim;
    if (claim) {
      reveal(claim);
      return true;
    }
    const cluster = el?.closest<SVGElement>('[data-cluster]')?.dataset.cluster;
    if (cluster) {
      openCluster(cluster);
      return true;
    }
    return false;
  };
  const onClick = (e: MouseEvent) => void act(e.target);
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key === 'Enter' || e.key === ' ') && act(e.target)) e.preventDefault();
  };

  const empty = state.annotations.length === 0;
  return (
    <div className="timeline" ref={box} role="figure" aria-label={t('timeline.title')}>
      {empty ? <p className="muted small">{t('timeline.empty')}</p> : null}
      {!empty && layout && figure ? (
        // Clicks and keys of the points (role=button, focusable) and row titles are handled here, once for the whole figure.
        <div className="timeline-figure" onClick={onClick} onKeyDown={onKeyDown}>
          {toReact(figure)}
        </div>
      ) : null}
      {!empty && layout && layout.rows.every((r) => r.kind === 'other') ? <p className="muted small">{t('timeline.noClusters')}</p> : null}
    </div>
  );
}
