import type { Orphan } from '../../shared/share';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { useShare } from './ShareContext';

const short = (s: string, max = 160) => (s.length > max ? `${s.slice(0, max)}…` : s);

/**
 * The best match an import found for a claim but did not trust enough to place silently: shown
 * beside the claim's own quote, to accept (the claim is placed there) or reject.
 */
export function CandidateMatch({ orphan }: { orphan: Orphan }) {
  const t = useT();
  const { actions } = useWorkspace();
  const share = useShare();
  const c = orphan.candidate;
  if (!c) return null;
  const decide = (accept: boolean) =>
    void actions.guard(async () => {
      if (accept) {
        await call('share.acceptCandidate', { id: orphan.id });
        await actions.refresh('tags', 'annotations');
      } else {
        await call('share.rejectCandidate', { id: orphan.id });
      }
      await share.actions.refresh();
      actions.notify('info', t(accept ? 'share.candidateAccepted' : 'share.candidateRejected'));
    });
  return (
    <div className="share-candidate" aria-label={t('share.candidate', { percent: Math.round(c.confidence * 100), title: c.title })}>
      <p className="small">{t('share.candidate', { percent: Math.round(c.confidence * 100), title: c.title })}</p>
      <blockquote className="share-candidate-text">
        <span className="muted">…{c.before.slice(-60)}</span>
        <mark>{short(c.text)}</mark>
        <span className="muted">{c.after.slice(0, 60)}…</span>
      </blockquote>
      <div className="dialog-actions">
        <button type="button" onClick={() => decide(true)}>
          {t('share.candidateAccept')}
        </button>
        <button type="button" onClick={() => decide(false)}>
          {t('share.candidateReject')}
        </button>
      </div>
    </div>
  );
}
