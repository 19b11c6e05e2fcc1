import { useState } from 'react';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';

/**
 * Browser mode's stand-in for the native open/save dialogs: a path on this machine. The suggested
 * path is known before the dialog opens: filled in later, it would land in the middle of what
 * the user is already typing.
 */
export function ProjectPathDialog({
  mode,
  initialPath,
  onSubmit,
  onClose,
}: {
  mode: 'new' | 'open';
  initialPath: string;
  onSubmit(path: string): void;
  onClose(): void;
}) {
  const t = useT();
  const [path, setPath] = useState(initialPath);
  return (
    <Dialog title={mode === 'new' ? t('project.pathTitleNew') : t('project.pathTitleOpen')} onClose={onClose}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) onSubmit(path.trim());
        }}
      >
        <label className="field">
          <span>{t('project.pathLabel')}</span>
          <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/Research.crossread" data-autofocus />
        </label>
        <p className="muted small">{t('project.pathHint')}</p>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!path.trim()}>
            {mode === 'new' ? t('project.create') : t('project.open')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
