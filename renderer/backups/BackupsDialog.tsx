import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../shared/contract';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useUndoKeyCancels } from '../history/useUndoKeyCancels';
import { useLanguage, useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';

/** The open project's backups: back up now, or restore one (after a confirmation). */
export function BackupsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const language = useLanguage();
  const { state, actions } = useWorkspace();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  useUndoKeyCancels(confirming !== null, () => setConfirming(null));
  const [busy, setBusy] = useState(false);
  const readOnly = state.project?.readOnly ?? true;
  const when = (b: BackupInfo) => new Date(b.createdAt).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'medium' });

  const load = useCallback(async () => {
    const list = await actions.guard(() => call('backups.list', {}));
    setBackups(list ?? []);
  }, [actions]);
  useEffect(() => {
    void load();
  }, [load]);

  const backUpNow = async () => {
    setBusy(true);
    const made = await actions.guard(() => call('backups.create', {}));
    setBusy(false);
    if (made) {
      actions.notify('info', t('backups.made'));
      await load();
    }
  };

  const restore = async (b: BackupInfo) => {
    setBusy(true);
    const ok = await actions.restoreBackup(b.id);
    setBusy(false);
    if (ok) {
      actions.notify('info', t('backups.restored', { date: when(b) }));
      onClose();
    } else {
      setConfirming(null);
      await load();
    }
  };

  return (
    <Dialog title={t('backups.title')} onClose={onClose} wide>
      <div className="dialog-body">
        <p className="muted">{t('backups.intro')}</p>
        {readOnly ? <p className="muted">{t('backups.readOnly')}</p> : null}
        {confirming ? (
          <div className="backup-confirm" role="alertdialog" aria-label={t('backups.confirmRestore')}>
            <p>{t('backups.confirm', { date: when(confirming) })}</p>
            <div className="dialog-actions">
              <span className="spacer" />
              <button type="button" onClick={() => setConfirming(null)} disabled={busy}>
                {t('common.cancel')}
              </button>
              <button type="button" className="primary" data-autofocus onClick={() => void restore(confirming)} disabled={busy}>
                {t('backups.confirmRestore')}
              </button>
            </div>
          </div>
        ) : null}
        {backups === null ? null : backups.length === 0 ? (
          <p>{t('backups.empty')}</p>
        ) : (
          <ul className="backup-list" aria-label={t('backups.title')}>
            {backups.map((b) => (
              <li key={b.id}>
                <span className="backup-when">{when(b)}</span>
                <span className="muted">{t(`backups.reason.${b.reason}`)}</span>
                <span className="muted">{t('backups.size', { size: Math.max(1, Math.round(b.size / 1024)) })}</span>
                <span className="spacer" />
                <button type="button" aria-label={t('backups.restoreLabel', { date: when(b) })} disabled={readOnly || busy} onClick={() => setConfirming(b)}>
                  {t('backups.restore')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => void backUpNow()} disabled={readOnly || busy}>
            {t('backups.now')}
          </button>
          <span className="spacer" />
          <button type="button" className="primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
