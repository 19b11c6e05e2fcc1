import { useT } from '../i18n/I18n';
import { useShare } from './ShareContext';

/**
 * A claim's anchor health: nothing (claim list) or "anchored exactly" (inspector) when its text was
 * found where it was, "re-anchored" when an import found it again by approximate matching.
 */
export function AnchorBadge({ id, showExact = false }: { id: string; showExact?: boolean }) {
  const t = useT();
  const health = useShare().state.anchors.get(id);
  if (!health) return showExact ? <span className="anchor-badge exact">{t('share.health.exact')}</span> : null;
  return (
    <span className="anchor-badge fuzzy" title={t('share.health.fuzzyTitle', { errors: health.errors, quote: health.originalExact })}>
      {t('share.health.fuzzy')}
    </span>
  );
}
