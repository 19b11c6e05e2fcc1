import { useEffect, useState } from 'react';
import type { Matrix } from '../../shared/hypotheses';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { RichTextField } from '../notes/RichTextField';
import { edit, useHypotheses } from './store';

/** The hypothesis of the cursor's column: its title, its description in rich text, and its removal. */
export function HypothesisDetails({ matrix, editable, onSaved }: { matrix: Matrix; editable: boolean; onSaved(): void }) {
  const t = useT();
  const { actions } = useWorkspace();
  const col = useHypotheses((s) => s.cursor.col);
  const h = matrix.hypotheses[col];
  const [title, setTitle] = useState(h?.title ?? '');
  useEffect(() => setTitle(h?.title ?? ''), [h?.id, h?.title]);
  if (!h) return null;
  const rename = () => {
    if (title.trim() && title.trim() !== h.title) void edit(() => call('hypotheses.update', { id: h.id, title: title.trim() }), undefined, onSaved);
  };
  return (
    <section className="hyp-details" aria-label={t('hyp.details')}>
      <div className="hyp-inline">
        <input aria-label={t('hyp.title')} value={title} maxLength={300} disabled={!editable} onChange={(e) => setTitle(e.target.value)} onBlur={rename} onKeyDown={(e) => e.key === 'Enter' && rename()} />
        <span className="muted">{t('hyp.by', { author: h.author })}</span>
        {editable ? (
          <button type="button" className="danger" onClick={() => void edit(() => call('hypotheses.delete', { id: h.id }), undefined, onSaved)}>
            {t('hyp.deleteHypothesis')}
          </button>
        ) : null}
      </div>
      <RichTextField
        key={h.id}
        namespace={`hypothesis-${h.id}`}
        json={h.description || null}
        label={t('hyp.description')}
        placeholder={t('hyp.description')}
        readOnly={!editable}
        save={async (json) => {
          await call('hypotheses.update', { id: h.id, description: json });
          onSaved();
        }}
        onSaveError={(message) => actions.notify('error', message)}
      />
    </section>
  );
}
