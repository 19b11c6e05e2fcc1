import { useEffect, useRef, useState } from 'react';
import type { Memo, MemoOwner } from '../../shared/contract';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useNoteRevision } from '../history/noteRevision';
import { useLanguage, useT } from '../i18n/I18n';
import { RichTextField } from '../notes/RichTextField';
import { useColleagueTexts } from '../team/useColleagueTexts';
import { closeMemo, refreshMemos } from './memoStore';
import { useMemoTitle } from './useMemoTitle';

/** One memo in rich text, loaded from the project and saved there as the user types. */
export function MemoEditor({ owner }: { owner: MemoOwner }) {
  const t = useT();
  const language = useLanguage();
  const title = useMemoTitle();
  const { state, actions } = useWorkspace();
  const [memo, setMemo] = useState<Memo | null>(null);
  const [error, setError] = useState<string | null>(null);
  // An undo or redo that changed a memo: load it again rather than keep (and save back) what is shown.
  const revision = useNoteRevision();
  const holder = useRef<HTMLDivElement>(null);
  const colleagues = useColleagueTexts(holder);
  useEffect(() => {
    let alive = true;
    setMemo(null);
    call('memos.get', { owner }).then(
      (m) => alive && setMemo(m),
      (e: Error) => alive && setError(e.message),
    );
    return () => {
      alive = false;
    };
  }, [owner, revision, colleagues]);
  const heading = title(owner);
  const when = memo?.modifiedAt ? new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(memo.modifiedAt)) : null;
  return (
    <div className="memo-editor" ref={holder}>
      <div className="memo-editor-head">
        <button type="button" className="memo-back" onClick={closeMemo}>
          {t('memos.back')}
        </button>
        <h3>{heading}</h3>
      </div>
      {error ? <p className="pane-error">{error}</p> : null}
      {memo && when ? <p className="muted small memo-meta">{t('memos.byline', { author: memo.author || t('memos.noAuthor'), when })}</p> : null}
      {memo ? (
        <RichTextField
          key={`${revision}:${colleagues}`}
          namespace={`memo-${owner.kind}-${owner.kind === 'project' ? '' : owner.id}`}
          className="memo-field"
          json={memo.json}
          label={heading}
          placeholder={t('memos.placeholder')}
          readOnly={!!state.project?.readOnly}
          save={async (json, base) => {
            const saved = await call('memos.save', { owner, json, ...(base ? { base } : {}) });
            setMemo((m) => (m ? { ...m, author: saved.author, createdAt: saved.createdAt, modifiedAt: saved.modifiedAt } : saved));
            await refreshMemos();
            // Clearing a memo is an undo step: Undo must know it is the newest.
            if (!saved.text.trim()) await actions.refresh('history');
          }}
          onSaveError={(message) => actions.notify('error', message)}
        />
      ) : null}
    </div>
  );
}
