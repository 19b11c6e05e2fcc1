import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';

/** Says that link mode is on, from which claim, and how to leave it. */
export function LinkBanner() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const from = state.annotations.find((a) => a.id === state.linkingFrom);
  const quote = from ? (from.exact.length > 80 ? `${from.exact.slice(0, 80)}…` : from.exact) : '';
  return (
    <div className="link-banner" role="status">
      <span>{t('links.banner', { quote })}</span>
      <button type="button" onClick={() => actions.cancelLinking()}>
        {t('common.cancel')} <kbd>Esc</kbd>
      </button>
    </div>
  );
}
