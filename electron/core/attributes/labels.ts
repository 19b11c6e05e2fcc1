import type { StepLabel } from '../../../shared/history';
import { shortQuote } from '../store/step-labels';
import type { Project } from '../store/project';
import type { Attributes } from './store';

/** Names the undo steps of attributes from the project as it stands (a deletion before it runs). */
export function attributeLabel(attributes: Attributes, kind: 'attribute.create' | 'attribute.delete', id: string): StepLabel {
  const attr = attributes.get(id);
  return { kind, params: { name: attr.name, builtin: attr.builtin ?? '' } };
}

export function attributeUpdateLabel(attributes: Attributes, id: string, patch: { name?: string | undefined }): StepLabel {
  const attr = attributes.get(id);
  const name = patch.name?.trim();
  if (name !== undefined && name !== attr.name) return { kind: 'attribute.rename', params: { from: attr.name, name } };
  return { kind: 'attribute.choices', params: { name: attr.name, builtin: attr.builtin ?? '' } };
}

/** A value is named by its attribute and its owner: the document's title, or the claim's quote. */
export function valueLabel(project: Project, attributes: Attributes, owner: { kind: 'document' | 'annotation'; id: string }, attributeId: string): StepLabel {
  const attr = attributes.get(attributeId);
  const what = owner.kind === 'document' ? project.documents.get(owner.id).title : project.annotations.get(owner.id).exact;
  return { kind: 'attribute.value', params: { name: attr.name, builtin: attr.builtin ?? '', owner: shortQuote(what), ownerKind: owner.kind } };
}
