import { useState } from 'react';
import type { Attribute } from '../../shared/attributes';
import { useT } from '../i18n/I18n';

/**
 * One value of one attribute: a list to pick from for choices and yes/no, a field for the rest.
 * Typed values are saved when the field is left (or Enter is pressed); one the backend refuses is
 * put back as it was, and the refusal is shown.
 */
export function ValueEditor({ attr, value, label, onSave }: { attr: Attribute; value: string | undefined; label: string; onSave(value: string | null): Promise<boolean> }) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  if (attr.type === 'choice' || attr.type === 'boolean') {
    const options = attr.type === 'choice' ? attr.choices.map((c) => [c, c]) : [['yes', t('attributes.yes')], ['no', t('attributes.no')]];
    return (
      <select aria-label={label} value={value ?? ''} onChange={(e) => void onSave(e.target.value === '' ? null : e.target.value)}>
        <option value="">{t('attributes.noValue')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    );
  }
  const commit = async () => {
    if (draft === null) return;
    const next = draft.trim();
    if (next !== (value ?? '')) await onSave(next === '' ? null : next);
    setDraft(null);
  };
  return (
    <input
      aria-label={label}
      type={attr.type === 'date' ? 'date' : 'text'}
      inputMode={attr.type === 'number' ? 'decimal' : undefined}
      value={draft ?? value ?? ''}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void commit();
        if (e.key === 'Escape' && draft !== null) {
          e.preventDefault();
          setDraft(null);
        }
      }}
    />
  );
}
