import { useT } from '../i18n/I18n';
import { attributeName } from './attributeLabels';
import { useAttributes } from './AttributesContext';
import { ValueEditor } from './ValueEditor';

/**
 * A document's attribute values in its details dialog, each editable in place (saved at once, one
 * undo step each, as in the Attributes dialog): where a search hit in a value leads.
 */
export function DetailsValues({ documentId, name, readOnly }: { documentId: string; name: string; readOnly: boolean }) {
  const t = useT();
  const attrs = useAttributes();
  if (attrs.attributes.length === 0) return null;
  return (
    <fieldset className="details-values" disabled={readOnly}>
      <legend>{t('attributes.title')}</legend>
      {attrs.attributes.map((a) => (
        <label key={a.id} className="field">
          <span>{attributeName(t, a)}</span>
          <ValueEditor
            key={`${a.id}:${attrs.documentValue(documentId, a.id) ?? ''}`}
            attr={a}
            value={attrs.documentValue(documentId, a.id)}
            label={t('attributes.valueOf', { attribute: attributeName(t, a), document: name })}
            onSave={(v) => attrs.setValue({ kind: 'document', id: documentId }, a.id, v)}
          />
        </label>
      ))}
    </fieldset>
  );
}
