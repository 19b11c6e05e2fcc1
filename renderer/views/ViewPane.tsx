import { useT } from '../i18n/I18n';
import { useViewPane } from './useViewPane';
import { viewDef, VIEWS } from './views';

/** The pane at the end of the reading row that holds one analysis view, with a tab for each. */
export function ViewPane() {
  const t = useT();
  const { view, open, close } = useViewPane();
  const def = view ? viewDef(view.kind) : undefined;
  if (!view || !def) return null;
  const Body = def.component;
  return (
    <section className="view-pane" aria-label={t(def.title)}>
      <header className="view-pane-head">
        <div role="tablist" aria-label={t('view.tabs')} className="view-tabs">
          {VIEWS.map((v) => (
            <button
              key={v.kind}
              type="button"
              role="tab"
              aria-selected={v.kind === view.kind}
              className={v.kind === view.kind ? 'view-tab active' : 'view-tab'}
              onClick={() => open(v.kind)}
            >
              {t(v.title)}
            </button>
          ))}
        </div>
        <button type="button" className="icon" aria-label={t('view.close')} title={t('view.close')} onClick={close}>
          ×
        </button>
      </header>
      <div className="view-pane-body">
        <Body />
      </div>
    </section>
  );
}
