import { tagTree } from '../../shared/tag-tree';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { attributeFilterEntries, UNTAGGED, type ClaimFilters } from './filters';
import { useAttributes } from '../attributes/AttributesContext';
import { attributeName, showValue } from '../attributes/attributeLabels';

/**
 * One line naming the filters in force other than the search text (which shows in its own box),
 * so a list narrowed from the matrix says why it is short even with the filter panel closed.
 */
export function useFilterSummary(f: ClaimFilters): string {
  const t = useT();
  const { state } = useWorkspace();
  const { attributes } = useAttributes();
  const parts: string[] = [];
  const tree = f.tagIds.length > 0 ? new Map(tagTree(state.tags).map((r) => [r.tag.id, r])) : new Map();
  // A parent tag's filter includes its subtags' claims, and the summary says so.
  const tagNames = f.tagIds
    .map((id) => {
      if (id === UNTAGGED) return t('claims.untagged');
      const row = tree.get(id);
      if (!row) return undefined;
      return row.descendants.length > 0 ? t('codes.withChildren', { name: row.tag.name, count: row.descendants.length }) : row.tag.name;
    })
    .filter((n): n is string => n !== undefined);
  if (tagNames.length === 1) parts.push(tagNames[0]!);
  else if (tagNames.length > 1) parts.push(t(f.tagMode === 'all' ? 'browser.summaryAll' : 'browser.summaryAny', { tags: tagNames.join(', ') }));
  const docNames = f.documentIds
    .map((id) => state.documents.find((d) => d.id === id))
    .filter((d) => d !== undefined)
    .map((d) => d.outlet || d.title);
  if (docNames.length) parts.push(docNames.join(', '));
  if (f.author !== null) parts.push(f.author);
  if (f.links !== 'all') parts.push(t(f.links === 'linked' ? 'browser.links.linked' : 'browser.links.unlinked'));
  for (const [id, values] of attributeFilterEntries(f)) {
    const attr = attributes.find((a) => a.id === id);
    if (attr) parts.push(`${attributeName(t, attr)}: ${values.map((v) => showValue(t, attr, v)).join(', ')}`);
  }
  return parts.join(' · ');
}
