import { shownTitle } from '../../shared/cluster-api';
import { useT } from '../i18n/I18n';
import { useClusterStore } from './store';
import { useClusterOf } from './useClusters';

/** In the inspector: the cluster the selected claim belongs to, its title, and a way into it. */
export function ClusterSection({ claimId }: { claimId: string }) {
  const t = useT();
  const cluster = useClusterOf().get(claimId);
  const open = useClusterStore((s) => s.open);
  if (!cluster) return null;
  return (
    <section className="inspector-section cluster-section" aria-label={t('clusters.section')}>
      <h3>{t('clusters.section')}</h3>
      <button type="button" className="cluster-open" onClick={() => open(cluster.key)}>
        <span className="cluster-title">{shownTitle(cluster)}</span>
        <span className="muted small">
          {t('clusters.sourcesCount', { count: cluster.documentIds.length })} · {t('clusters.claimsCount', { count: cluster.memberIds.length })}
        </span>
      </button>
    </section>
  );
}
