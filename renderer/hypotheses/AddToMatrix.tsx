import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { edit, useHypotheses } from './store';

/** The inspector's way in: the claim shown goes into the open analysis as a row (once, alone or in its cluster). */
export function AddToMatrix({ claimId }: { claimId: string }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const analysisId = useHypotheses((s) => s.analysisId);
  if (state.layout.view?.kind !== 'hypotheses' || !analysisId || state.project?.readOnly) return null;
  const add = () =>
    void edit(
      async () => {
        const done = await call('hypotheses.addRows', { analysisId, rows: [{ kind: 'claim', claimId }] });
        if (done.skipped > 0) actions.notify('info', t('hyp.alreadyIn', { count: done.skipped }));
      },
      undefined,
      () => void actions.refresh('history'),
    );
  return (
    <button type="button" onClick={add}>
      {t('hyp.addToMatrix')}
    </button>
  );
}
