import type { ReactNode } from 'react';
import { useT } from '../i18n/I18n';
import { Dialog } from './Dialog';

/** Asks before a change; Cancel has the focus' neighbour, the change the focus, so Enter confirms as in native dialogs. */
export function ConfirmDialog({
  title,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onCancel} confirmation>
      <div className="dialog-body confirmation-body">
        {children}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" data-autofocus onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
