import { useState } from 'react';
import type { Tag, TagDescriptionPatch } from '../../shared/contract';
import { useT } from '../i18n/I18n';
import { useCodeActions } from './useCodeSystem';

const FIELDS = [
  ['definition', 'codes.definition'],
  ['useWhen', 'codes.useWhen'],
  ['avoidWhen', 'codes.avoidWhen'],
  ['example', 'codes.example'],
] as const;

/** A tag's codebook entry: definition, when to use it, when not, an example. Saved as one undo step. */
export function CodebookEntry({ tag }: { tag: Tag }) {
  const t = useT();
  const { describe } = useCodeActions();
  const [draft, setDraft] = useState<Required<TagDescriptionPatch>>({ definition: tag.definition, useWhen: tag.useWhen, avoidWhen: tag.avoidWhen, example: tag.example });
  const changed = FIELDS.some(([k]) => draft[k] !== tag[k]);
  return (
    <form
      className="codebook-entry"
      aria-label={t('codes.describe', { name: tag.name })}
      onSubmit={(e) => {
        e.preventDefault();
        void describe(tag.id, draft);
      }}
    >
      {FIELDS.map(([key, label]) => (
        <label key={key} className="field">
          <span>{t(label)}</span>
          <textarea rows={key === 'definition' ? 2 : 1} maxLength={4000} value={draft[key]} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
        </label>
      ))}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="submit" className="primary" disabled={!changed}>
          {t('codes.save')}
        </button>
      </div>
    </form>
  );
}
