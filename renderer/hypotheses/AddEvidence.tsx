import { useState } from 'react';
import type { NewEvidence } from '../../shared/hypotheses';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { edit } from './store';

/** Adds evidence rows: the selected claim (alone or with its whole same-claim cluster), assumptions and absent evidence. */
export function AddEvidence({ analysisId, onAdded }: { analysisId: string; onAdded(): void }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const [text, setText] = useState('');
  const add = (rows: NewEvidence[]) =>
    void edit(
      async () => {
        const done = await call('hypotheses.addRows', { analysisId, rows });
        if (done.skipped > 0) actions.notify('info', t('hyp.alreadyIn', { count: done.skipped }));
      },
      undefined,
      onAdded,
    );
  const claimId = state.selectedId;
  const typed = (kind: 'assumption' | 'absent') => {
    if (!text.trim()) return;
    add([{ kind, text: text.trim() }]);
    setText('');
  };
  return (
    <div className="hyp-bar">
      <button type="button" disabled={!claimId} onClick={() => claimId && add([{ kind: 'claim', claimId }])}>
        {t('hyp.addClaim')}
      </button>
      <button type="button" disabled={!claimId} onClick={() => claimId && add([{ kind: 'cluster', claimId }])} title={t('hyp.addCluster.tip')}>
        {t('hyp.addCluster')}
      </button>
      <form
        className="hyp-inline"
        onSubmit={(e) => {
          e.preventDefault();
          typed('assumption');
        }}
      >
        <input aria-label={t('hyp.rowText')} placeholder={t('hyp.rowText')} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('hyp.addAssumption')}</button>
        <button type="button" onClick={() => typed('absent')}>
          {t('hyp.addAbsent')}
        </button>
      </form>
    </div>
  );
}
