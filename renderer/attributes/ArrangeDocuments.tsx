import { useT } from '../i18n/I18n';
import { attributeName } from './attributeLabels';
import { useAttributes } from './AttributesContext';

/**
 * Sort and group pickers above the document list, shown once some document has an attribute value
 * to arrange by: until then they would only take height from the claim list below.
 */
export function ArrangeDocuments({ sortBy, groupBy, onSort, onGroup }: { sortBy: string | null; groupBy: string | null; onSort(id: string | null): void; onGroup(id: string | null): void }) {
  const t = useT();
  const { attributes, usedValues, setDialogOpen } = useAttributes();
  if (!attributes.some((a) => usedValues(a.id).length > 0)) return null;
  return (
    <div className="doc-arrange">
      <label>
        <span>{t('attributes.sortBy')}</span>
        <select value={sortBy ?? ''} onChange={(e) => onSort(e.target.value || null)}>
          <option value="">{t('attributes.importOrder')}</option>
          {attributes.map((a) => (
            <option key={a.id} value={a.id}>
              {attributeName(t, a)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('attributes.groupBy')}</span>
        <select value={groupBy ?? ''} onChange={(e) => onGroup(e.target.value || null)}>
          <option value="">{t('attributes.noGrouping')}</option>
          {attributes.map((a) => (
            <option key={a.id} value={a.id}>
              {attributeName(t, a)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="link-button" onClick={() => setDialogOpen(true)}>
        {t('attributes.open')}
      </button>
    </div>
  );
}
