import { useEffect, useState } from 'react';
import type { DossierSettings } from '../../shared/contract';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';
import { ExportForm } from './ExportForm';

/**
 * "Export dossier…": the cover (title, analyst, the rich-text summary), what goes in (tags,
 * sources, notes, order, heading language) and the format. The last choices are offered again.
 */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const [settings, setSettings] = useState<DossierSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    call('dossier.settings.get', {}).then(
      (s) => alive && setSettings(s),
      (e: Error) => alive && setError(e.message),
    );
    return () => {
      alive = false;
    };
  }, []);
  return (
    <Dialog title={t('export.title')} onClose={onClose} wide>
      {settings ? (
        <ExportForm initial={settings} tags={state.tags} documents={state.documents} readOnly={state.project?.readOnly ?? true} onClose={onClose} notify={actions.notify} />
      ) : (
        <div className="dialog-body">{error ? <p className="pane-error">{error}</p> : <p className="muted">{t('app.loading')}</p>}</div>
      )}
    </Dialog>
  );
}
