import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { addClaims } from './addClaims';
import { useHypotheses } from './store';

/** The inspector's way in: the claim shown goes into the open analysis as a row (once, alone or in its cluster). */
export function AddToMatrix({ claimId }: { claimId: string }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const analysisId = useHypotheses((s) => s.analysisId);
  if (state.layout.view?.kind !== 'hypotheses' || !analysisId || state.project?.readOnly) return null;
  return (
    <button type="button" onClick={() => void addClaims(analysisId, [claimId], t, actions, () => void actions.refresh('history'))}>
      {t('hyp.addToMatrix')}
    </button>
  );
}
