import { useT } from '../i18n/I18n';
import { attributeName, showValue } from './attributeLabels';
import { useAttributes } from './AttributesContext';

/** A document's attribute values under its title in the document list ("expert's country: Azerbaijan"). */
export function DocumentValues({ documentId, skip }: { documentId: string; skip?: string | null }) {
  const t = useT();
  const attrs = useAttributes();
  const shown = attrs.attributes
    .filter((a) => a.id !== skip)
    .map((a) => ({ a, v: attrs.documentValue(documentId, a.id) }))
    .filter((x) => x.v !== undefined);
  if (shown.length === 0) return null;
  return (
    <span className="doc-values">
      {shown.map(({ a, v }) => (
        <span key={a.id} className="doc-value" title={attributeName(t, a)}>
          <span className="muted">{attributeName(t, a)}:</span> {showValue(t, a, v)}
        </span>
      ))}
    </span>
  );
}
