import { memo, useEffect, useRef, useState } from 'react';
import type { Hypothesis } from '../../shared/hypotheses';
import { call } from '../api/client';
import { useT } from '../i18n/I18n';
import { RichTextField } from '../notes/RichTextField';
import { edit, useHypotheses } from './store';

/** The hypothesis of the cursor's column: its title, its description in rich text, and its removal. */
function HypothesisDetailsView({ hypotheses, editable, onSaved }: { hypotheses: readonly Hypothesis[]; editable: boolean; onSaved(): void }) {
  const t = useT();
  const col = useHypotheses((s) => s.cursor.col);
  const h = hypotheses[col];
  const [title, setTitle] = useState(h?.title ?? '');
  useEffect(() => setTitle(h?.title ?? ''), [h?.id, h?.title]);
  // The description autosaves while typed; one sitting (until the focus leaves it) is one undo step.
  const session = useRef(crypto.randomUUID());
  useEffect(() => {
    session.current = crypto.randomUUID();
  }, [h?.id]);
  // The field keeps its own text while typed; a description changed otherwise (an undo, a merge) is loaded
  // afresh. Saves go through the matrix's edit queue, so no reload answers with a description older than the last one saved.
  const known = useRef({ id: h?.id ?? '', description: h?.description ?? '' });
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    if (!h || (known.current.id === h.id && known.current.description === h.description)) return;
    if (known.current.id === h.id) {
      session.current = crypto.randomUUID();
      setRevision((r) => r + 1);
    }
    known.current = { id: h.id, description: h.description };
  }, [h]);
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
      <div
        className="hyp-description"
        onBlur={(e) => {
          // The field's own blur has already flushed the last save under the old session.
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) session.current = crypto.randomUUID();
        }}
      >
        <RichTextField
          key={`${h.id}:${revision}`}
          namespace={`hypothesis-${h.id}`}
          json={h.description || null}
          label={t('hyp.description')}
          placeholder={t('hyp.description')}
          readOnly={!editable}
          save={async (json) => {
            const id = h.id;
            const sitting = session.current;
            const failed = await edit(async () => {
              const saved = await call('hypotheses.update', { id, description: json, session: sitting });
              if (known.current.id === id) known.current = { id, description: saved.description };
            }, undefined, onSaved);
            if (failed) throw new Error(failed);
          }}
          // The matrix's store reports a refused edit already.
          onSaveError={() => undefined}
        />
      </div>
    </section>
  );
}

/** Memoised: a rating edit leaves the hypotheses as they were, and the rich-text field need not render again. */
export const HypothesisDetails = memo(HypothesisDetailsView);
