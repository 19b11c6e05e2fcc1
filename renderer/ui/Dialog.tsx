import { useEffect, useRef, type ReactNode } from 'react';
import { useUndoKeyCancels } from '../history/useUndoKeyCancels';
import { useT } from '../i18n/I18n';

/**
 * A modal on the native <dialog>: focus is trapped and Escape closes it, as users expect. A
 * `confirmation` asks before a change: Ctrl+Z there closes it and does nothing else (the user is
 * backing out, not undoing an earlier step behind it).
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
  confirmation,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
  confirmation?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useUndoKeyCancels(confirmation === true, onClose);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) {
      el.showModal();
      // showModal focuses the first button (the close ×); a field marked data-autofocus wants it more.
      el.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : confirmation ? 'dialog confirmation' : 'dialog'}
      aria-label={title}
      role={confirmation ? 'alertdialog' : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-head">
        <h2>{title}</h2>
        <button type="button" className="icon" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
