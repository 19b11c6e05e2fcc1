import { useT } from '../i18n/I18n';
import { useWorkspace } from './workspace';

export function Toasts() {
  const t = useT();
  const { state, actions } = useWorkspace();
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
          {toast.action ? (
            <button
              type="button"
              onClick={() => {
                toast.action!.run();
                actions.dismiss(toast.id);
              }}
            >
              {toast.action.label}
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
