import { useEffect, useState } from 'react';
import { useT } from '../i18n/I18n';
import { useWorkspace } from './workspace';

export function Toasts() {
  const t = useT();
  const { state, actions } = useWorkspace();
  // A toast's Undo is bound to one history step: once history has moved past it (another step,
  // an undo, a redo), the button is gone for good, so it can never undo anything else.
  const newest = state.history.undo?.id ?? null;
  const [spent, setSpent] = useState<ReadonlySet<number>>(() => new Set());
  useEffect(() => {
    const stale = state.toasts.filter((x) => x.action?.step !== undefined && x.action.step !== newest && !spent.has(x.id));
    if (stale.length > 0) setSpent((s) => new Set([...s, ...stale.map((x) => x.id)]));
  }, [newest, state.toasts, spent]);
  const live = (toast: (typeof state.toasts)[number]) =>
    toast.action && (toast.action.step === undefined || (toast.action.step === newest && !spent.has(toast.id)));
  return (
    <div className="toasts" aria-live="polite">
      {state.toasts.map((toast) => (
        <div key={toast.id} className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
          {toast.kind === 'progress' ? <span className="spinner" aria-hidden="true" /> : null}
          <div className="toast-text">
            <p>{toast.text}</p>
            {toast.details?.map((d) => (
              <p key={d} className="small">
                {d}
              </p>
            ))}
          </div>
          {live(toast) ? (
            <button
              type="button"
              onClick={() => {
                toast.action!.run();
                actions.dismiss(toast.id);
              }}
            >
              {toast.action!.label}
            </button>
          ) : null}
          {toast.kind !== 'progress' ? (
            <button type="button" className="icon" aria-label={t('common.dismiss')} onClick={() => actions.dismiss(toast.id)}>
              ×
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}
