import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { linkMode, useLinkingFrom } from './linkMode';

/** Says that link mode is on, from which claim, and how to leave it. Shown only in link mode. */
export function LinkBanner() {
  const t = useT();
  const { state } = useWorkspace();
  const linkingFrom = useLinkingFrom();
  if (linkingFrom === null) return null;
  const from = state.annotations.find((a) => a.id === linkingFrom);
  const quote = from ? (from.exact.length > 80 ? `${from.exact.slice(0, 80)}…` : from.exact) : '';
  return (
    <div className="link-banner" role="status">
      <span>{t('links.banner', { quote })}</span>
      <button type="button" onClick={() => linkMode.end()}>
        {t('common.cancel')} <kbd>Esc</kbd>
      </button>
    </div>
  );
}
