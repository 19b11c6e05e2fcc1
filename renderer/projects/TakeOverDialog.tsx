import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';

/** Another Crossread holds the project: says who (the backend's message) and what taking over risks. */
export function TakeOverDialog({ message, onTakeOver, onClose }: { message: string; onTakeOver(): void; onClose(): void }) {
  const t = useT();
  return (
    <Dialog title={t('takeOver.title')} onClose={onClose}>
      <div className="dialog-body">
        <p>{message}</p>
        <p className="warn-text">{t('takeOver.warning')}</p>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" onClick={onTakeOver}>
            {t('takeOver.confirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
