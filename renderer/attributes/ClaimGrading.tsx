import { gradeCode } from '../../shared/attributes';
import { useT } from '../i18n/I18n';
import { attributeName } from './attributeLabels';
import { useAttributes } from './AttributesContext';
import { ValueEditor } from './ValueEditor';

/**
 * The claim's source grading in the inspector: what its document is graded, and the claim's own
 * override of either half ("the outlet is B, but this claim is hearsay: 4").
 */
export function ClaimGrading({ annotationId, documentId }: { annotationId: string; documentId: string }) {
  const t = useT();
  const attrs = useAttributes();
  const grading = attrs.attributes.filter((a) => a.builtin !== null);
  if (grading.length === 0) return null;
  const reliability = grading.find((a) => a.builtin === 'reliability');
  const credibility = grading.find((a) => a.builtin === 'credibility');
  const docCode = gradeCode(reliability && attrs.documentValue(documentId, reliability.id), credibility && attrs.documentValue(documentId, credibility.id));
  const claimCode = gradeCode(
    reliability && attrs.claimValue(annotationId, documentId, reliability.id),
    credibility && attrs.claimValue(annotationId, documentId, credibility.id),
  );
  return (
    <section className="inspector-section claim-grading" aria-label={t('grading.title')}>
      <h3>
        {t('grading.title')} {claimCode ? <span className="grade-code" data-testid="claim-grade">{claimCode}</span> : null}
      </h3>
      <p className="muted small">{docCode ? t('grading.document', { code: docCode }) : t('grading.documentNone')}</p>
      <div className="grading-fields">
        {grading.map((a) => (
          <label key={a.id}>
            <span>{attributeName(t, a)}</span>
            <ValueEditor
              key={`${a.id}:${attrs.claimOverride(annotationId, a.id) ?? ''}`}
              attr={a}
              value={attrs.claimOverride(annotationId, a.id)}
              label={t('grading.override', { attribute: attributeName(t, a) })}
              onSave={(v) => attrs.setValue({ kind: 'annotation', id: annotationId }, a.id, v)}
            />
          </label>
        ))}
      </div>
    </section>
  );
}
