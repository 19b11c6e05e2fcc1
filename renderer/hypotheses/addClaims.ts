import type { NewEvidence } from '../../shared/hypotheses';
import { call } from '../api/client';
import type { Translate } from '../i18n/I18n';
import { edit } from './store';

interface Notifier {
  notify(kind: 'info' | 'error', message: string): void;
}

/**
 * Adds claims to an analysis as rows, in one call (so one undo step for the whole batch), and says
 * how many went in and how many were already rows (alone or in their cluster) and were skipped.
 */
export function addClaims(analysisId: string, claimIds: readonly string[], t: Translate, ui: Notifier, after: () => void): Promise<string | null> {
  const rows: NewEvidence[] = claimIds.map((claimId) => ({ kind: 'claim', claimId }));
  return edit(
    async () => {
      const done = await call('hypotheses.addRows', { analysisId, rows });
      const said = [done.added > 0 || done.skipped === 0 ? t('hyp.added', { count: done.added }) : '', done.skipped > 0 ? t('hyp.alreadyIn', { count: done.skipped }) : ''];
      ui.notify('info', said.filter(Boolean).join(' '));
    },
    undefined,
    after,
  );
}
