import type { ReactNode } from 'react';
import { useT } from '../i18n/I18n';
import type { RowFocusProps } from '../browser/VirtualList';
import type { GroupedRow } from './groupRows';
import { useClusterStore } from './store';

/** A group header of the claim browser grouped by cluster; claim rows are drawn by `claim`. */
export function GroupedRowView({ item, focus, claim }: { item: GroupedRow; focus: RowFocusProps; claim(item: Extract<GroupedRow, { kind: 'claim' }>): ReactNode }) {
  const t = useT();
  const open = useClusterStore((s) => s.open);
  if (item.kind === 'claim') return claim(item);
  if (item.kind === 'unclustered') {
    return (
      <div className="cluster-header unclustered" role="heading" aria-level={3} {...focus}>
        {t('clusters.unclustered')}
      </div>
    );
  }
  return (
    <button type="button" className="cluster-header" onClick={() => open(item.cluster.key)} {...focus}>
      <span className="cluster-header-kicker">{t('clusters.section')}</span>
      <span className="cluster-header-title">{item.title}</span>
      <span className="cluster-header-meta">
        {t('clusters.sourcesCount', { count: item.sources })} · {t('clusters.claimsCount', { count: item.cluster.memberIds.length })}
      </span>
    </button>
  );
}
