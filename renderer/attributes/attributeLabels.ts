import type { Attribute, AttributeType } from '../../shared/attributes';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/I18n';

/** The built-in source grading is named in the UI's language; the project's own attributes by their names. */
export function attributeName(t: Translate, attr: Pick<Attribute, 'name' | 'builtin'>): string {
  if (attr.builtin === 'reliability') return t('attributes.builtin.reliability');
  if (attr.builtin === 'credibility') return t('attributes.builtin.credibility');
  return attr.name;
}

const TYPE_KEYS: Record<AttributeType, MessageKey> = {
  text: 'attributes.type.text',
  number: 'attributes.type.number',
  date: 'attributes.type.date',
  boolean: 'attributes.type.boolean',
  choice: 'attributes.type.choice',
};

export const typeName = (t: Translate, type: AttributeType) => t(TYPE_KEYS[type]);

/** A stored value as the UI shows it: yes/no in the UI's language, anything else as stored. */
export function showValue(t: Translate, attr: Pick<Attribute, 'type'>, value: string | undefined): string {
  if (value === undefined) return '';
  if (attr.type === 'boolean') return t(value === 'yes' ? 'attributes.yes' : 'attributes.no');
  return value;
}

/** Choices are typed as one line, separated by commas or vertical bars ("Azerbaijan | Kazakhstan | Russia"). */
export function parseChoices(text: string): string[] {
  return text
    .split(/[|,]/)
    .map((c) => c.trim())
    .filter(Boolean);
}
