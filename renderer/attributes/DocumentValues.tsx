import { gradeCode } from '../../shared/attributes';
import { useT } from '../i18n/I18n';
import { attributeName, showValue } from './attributeLabels';
import { useAttributes } from './AttributesContext';

/**
 * A document's attribute values under its title in the document list ("expert's country:
 * Azerbaijan"); the two halves of the source grading show as one Admiralty code ("grade B2").
 */
export function DocumentValues({ documentId, skip }: { documentId: string; skip?: string | null }) {
  const t = useT();
  const attrs = useAttributes();
  const value = (builtin: 'reliability' | 'credibility') => {
    const a = attrs.attributes.find((x) => x.builtin === builtin);
    return a && a.id !== skip ? attrs.documentValue(documentId, a.id) : undefined;
  };
  const grade = gradeCode(value('reliability'), value('credibility'));
  const shown = attrs.attributes
    .filter((a) => a.id !== skip && a.builtin === null)
    .map((a) => ({ a, v: attrs.documentValue(documentId, a.id) }))
    .filter((x) => x.v !== undefined);
  if (shown.length === 0 && grade === null) return null;
  return (
    <span className="doc-values">
      {grade ? (
        <span className="doc-value grade" title={`${t('attributes.builtin.reliability')} / ${t('attributes.builtin.credibility')}`}>
          <span className="muted">{t('grading.short')}</span> <span className="grade-code">{grade}</span>
        </span>
      ) : null}
      {shown.map(({ a, v }) => (
        <span key={a.id} className="doc-value" title={attributeName(t, a)}>
          <span className="muted">{attributeName(t, a)}:</span> {showValue(t, a, v)}
        </span>
      ))}
    </span>
  );
}
