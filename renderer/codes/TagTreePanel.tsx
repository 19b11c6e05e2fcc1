import { useClaimFilters } from '../browser/filters';
import { useT } from '../i18n/I18n';
import { FoundTag } from '../search/FoundTag';
import { TagTree } from './TagTree';

/** The sidebar's code system: the tag tree; Enter or a double click on a tag lists its claims (its subtags' included). */
export function TagTreePanel({ onShowClaims }: { onShowClaims(): void }) {
  const t = useT();
  const { showOnly } = useClaimFilters();
  return (
    <div className="tag-tree-panel" role="tabpanel" aria-label={t('codes.tree')}>
      <TagTree
        label={t('codes.tree')}
        onOpen={(tag) => {
          showOnly({ tagId: tag.id });
          onShowClaims();
        }}
      />
      <FoundTag />
    </div>
  );
}
