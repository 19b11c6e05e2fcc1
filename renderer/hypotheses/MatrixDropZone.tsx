import { useEffect, useState } from 'react';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { addClaims } from './addClaims';
import { CLAIM_DRAG_TYPE, isClaimDrag } from './claimDrag';

/**
 * While a claim is being dragged anywhere in the window, the matrix shows where it can be dropped;
 * a claim dropped there becomes a row of the open analysis.
 */
export function MatrixDropZone({ analysisId }: { analysisId: string }) {
  const t = useT();
  const { actions } = useWorkspace();
  const [dragging, setDragging] = useState(false);
  const [over, setOver] = useState(false);
  useEffect(() => {
    const start = (e: DragEvent) => setDragging(isClaimDrag(e));
    const stop = () => {
      setDragging(false);
      setOver(false);
    };
    window.addEventListener('dragstart', start);
    window.addEventListener('dragend', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragstart', start);
      window.removeEventListener('dragend', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
  if (!dragging) return null;
  return (
    <div
      className={over ? 'hyp-drop over' : 'hyp-drop'}
      role="region"
      aria-label={t('hyp.dropHere')}
      onDragOver={(e) => {
        if (!isClaimDrag(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        const claimId = e.dataTransfer.getData(CLAIM_DRAG_TYPE);
        if (!claimId) return;
        e.preventDefault();
        void addClaims(analysisId, [claimId], t, actions, () => void actions.refresh('history'));
      }}
    >
      <span>{t('hyp.dropHere')}</span>
    </div>
  );
}
