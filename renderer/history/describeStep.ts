import type { StepLabel } from '../../shared/history';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/I18n';

/** Built-in link types are named in the UI's language; the user's own by the name they gave. */
const BUILTIN_RELATIONS: Record<string, MessageKey> = {
  supports: 'history.relation.supports',
  contradicts: 'history.relation.contradicts',
  elaborates: 'history.relation.elaborates',
  'same-claim': 'history.relation.same-claim',
};

/** The built-in source grading is named in the UI's language in its steps too. */
function builtinAttributeName(t: Translate, label: StepLabel): { name?: string } {
  if (!label.kind.startsWith('attribute.')) return {};
  if (label.params.builtin === 'reliability') return { name: t('attributes.builtin.reliability') };
  if (label.params.builtin === 'credibility') return { name: t('attributes.builtin.credibility') };
  return {};
}

/** Says what a history step did, in the UI's language: "link «…» supports «…»". */
export function describeStep(t: Translate, label: StepLabel): string {
  const p = label.params;
  const builtin = BUILTIN_RELATIONS[String(p.builtin ?? '')];
  const vars = { ...p, relation: builtin ? t(builtin) : String(p.relation ?? ''), ...builtinAttributeName(t, label) };
  switch (label.kind) {
    case 'other':
      return String(p.text ?? '');
    case 'autocode':
      return t('history.step.autocode', { query: String(p.query ?? ''), count: Number(p.created ?? 0) + Number(p.tagged ?? 0) });
    case 'tag.move':
      return t(p.parent ? 'history.step.tag.nest' : 'history.step.tag.move', vars);
    case 'note.clear':
      return t(p.owner === 'link' ? 'history.step.note.clear.link' : 'history.step.note.clear.claim', vars);
    case 'memo.clear':
      if (p.owner === 'project') return t('history.step.memo.clear.project');
      return t(p.owner === 'tag' ? 'history.step.memo.clear.tag' : 'history.step.memo.clear.document', vars);
    default:
      return t(`history.step.${label.kind}`, vars);
  }
}
