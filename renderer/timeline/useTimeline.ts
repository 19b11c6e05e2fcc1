import { useMemo } from 'react';
import { shownTitle } from '../../shared/cluster-api';
import { timelineLayout, type TimelineLayout } from '../../shared/timeline';
import { tagTree } from '../../shared/tag-tree';
import { useWorkspace } from '../app/workspace';
import { useClusters } from '../clusters/useClusters';
import { useT } from '../i18n/I18n';

/** The timeline of the open project laid out `width` pixels wide (null until the width is known). */
export function useTimeline(width: number): TimelineLayout | null {
  const t = useT();
  const { state } = useWorkspace();
  const clusters = useClusters();
  // Tags in the code tree's reading order, so a claim takes the colour of the tag listed first.
  const tags = useMemo(() => tagTree(state.tags).map((r) => r.tag), [state.tags]);
  return useMemo(() => {
    if (width <= 0) return null;
    return timelineLayout(
      {
        claims: state.annotations,
        documents: state.documents,
        tags,
        clusters: clusters.map((c) => ({ key: c.key, title: shownTitle(c), memberIds: c.memberIds })),
        links: state.links,
        relations: state.relations,
        otherLabel: t('clusters.unclustered'),
      },
      { width },
    );
  }, [width, state.annotations, state.documents, tags, clusters, state.links, state.relations, t]);
}
