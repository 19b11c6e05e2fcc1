import { useEffect, useState, type RefObject } from 'react';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import type { OffsetMap } from '../reader/offsets';
import { startClaimDrag } from './claimDrag';
import { useHypotheses } from './store';

/**
 * A handle beside the claim selected in a pane, shown while the matrix is open: dragging it onto
 * the matrix adds the claim as a row. The source text itself cannot be dragged (its editor cancels
 * every drag so the text never changes), hence a handle outside it, in the pane's margin.
 */
export function ClaimDragGrip({ documentId, map, scroller }: { documentId: string; map: OffsetMap | null; scroller: RefObject<HTMLDivElement | null> }) {
  const t = useT();
  const { state } = useWorkspace();
  const analysisId = useHypotheses((s) => s.analysisId);
  const claim = state.annotations.find((a) => a.id === state.selectedId && a.documentId === documentId);
  const shown = !!claim && !!map && !!analysisId && state.layout.view?.kind === 'hypotheses' && !state.project?.readOnly;
  const [top, setTop] = useState<number | null>(null);
  useEffect(() => {
    const el = scroller.current;
    if (!shown || !el || !claim || !map) return setTop(null);
    const place = () => {
      const rect = map.range(claim.start, claim.end)?.getClientRects()[0];
      const box = el.getBoundingClientRect();
      // Only while the claim's first line is in sight: a handle at the pane's edge would point at nothing.
      setTop(rect && rect.top >= box.top && rect.bottom <= box.bottom ? rect.top - box.top : null);
    };
    place();
    el.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      el.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, [shown, claim, map, scroller]);
  if (!shown || top === null || !claim) return null;
  return (
    <span
      className="claim-drag-grip"
      role="button"
      aria-label={t('hyp.dragGrip')}
      title={t('hyp.dragGrip')}
      draggable
      style={{ top }}
      onDragStart={(e) => startClaimDrag(e, claim.id)}
    >
      ⠿
    </span>
  );
}
