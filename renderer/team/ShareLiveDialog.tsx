import { useState } from 'react';
import { TeamToken, TeamUrl, type TeamStatus } from '../../shared/team';
import { call } from '../api/client';
import { type Translate, useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';
import { TeamState } from './TeamState';
import { useTeamStore } from './store';

/** What went wrong, in the user's language: the known cases are worded here, anything else as the backend said it. */
export function teamError(t: Translate, status: TeamStatus): string | null {
  if (status.state === 'refused') return t('team.error.refused');
  if (!status.error) return null;
  if (status.state === 'offline' || status.state === 'connecting') return t('team.error.unreachable', { server: status.server ?? '' });
  return status.error;
}

/**
 * Share live…: the team server's address and this user's token (both from whoever runs the
 * server), Connect and Disconnect. The token is checked for its shape here and by the backend; the
 * server alone says whether it is valid.
 */
export function ShareLiveDialog() {
  const t = useT();
  const status = useTeamStore((s) => s.status);
  const setStatus = useTeamStore((s) => s.setStatus);
  const close = useTeamStore((s) => s.closeDialog);
  const [url, setUrl] = useState(status.server ?? '');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const connected = status.state !== 'off' && status.state !== 'refused';
  const known = status.server !== null && status.server === url.trim() && token.trim() === '';

  const connect = async () => {
    setProblem(null);
    if (!known) {
      if (!TeamUrl.safeParse(url).success) return setProblem(t('team.error.url'));
      if (!TeamToken.safeParse(token).success) return setProblem(t('team.error.token'));
    }
    setBusy(true);
    try {
      const next = await call('team.connect', known ? {} : { url: url.trim(), token: token.trim() });
      setStatus(next);
      setProblem(teamError(t, next));
      if (next.state === 'synced' || next.state === 'syncing') setToken('');
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('team.title')} onClose={close}>
      <form
        className="dialog-body team-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void connect();
        }}
      >
        <p className="muted small">{t('team.intro')}</p>
        <label className="field">
          <span>{t('team.server')}</span>
          <input
            data-autofocus
            value={url}
            placeholder="wss://team.example.org"
            spellCheck={false}
            autoComplete="off"
            disabled={connected}
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('team.token')}</span>
          <input
            type="password"
            value={token}
            placeholder={status.server ? t('team.tokenKept') : 'crt1.…'}
            spellCheck={false}
            autoComplete="off"
            disabled={connected}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <div className="team-dialog-state">
          <TeamState status={status} />
          {status.project ? <span className="muted small">{t('team.as', { project: status.project, user: status.user ?? '' })}</span> : null}
        </div>
        {problem ? (
          <p className="error-text" role="alert">
            {problem}
          </p>
        ) : null}
        <p className="muted small">{t('team.conflictsNote')}</p>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={close}>
            {t('common.close')}
          </button>
          {connected ? (
            <button
              type="button"
              disabled={busy}
              onClick={async () => {
                setStatus(await call('team.disconnect', {}));
              }}
            >
              {t('team.disconnect')}
            </button>
          ) : (
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('team.connecting') : t('team.connect')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
