import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { EditorState } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import type { NoteOwner } from '../../shared/contract';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { RichTextToolbar as Toolbar, SAFE_URL } from './RichTextToolbar';

const SAVE_DELAY = 400;

/**
 * A claim's or a link's note: rich text (bold, italic, lists, links) in a Lexical editor, saved as
 * Lexical JSON while the user types. A save still pending is flushed on blur, on unmount and when
 * the page goes away, so closing never loses the last words.
 */
export function NoteEditor({ owner, label }: { owner: NoteOwner; label: string }) {
  const [initial, setInitial] = useState<{ json: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    call('notes.get', owner).then(
      (n) => alive && setInitial({ json: n.json }),
      (e: Error) => alive && setError(e.message),
    );
    return () => {
      alive = false;
    };
  }, [owner]);
  if (error) return <p className="pane-error">{error}</p>;
  if (!initial) return null;
  return <LoadedNote owner={owner} label={label} json={initial.json} />;
}

function LoadedNote({ owner, label, json }: { owner: NoteOwner; label: string; json: string | null }) {
  const t = useT();
  const { actions } = useWorkspace();
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ownerRef = useRef(owner);

  const flush = useRef(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const body = pending.current;
    if (body === null) return;
    pending.current = null;
    setStatus('saving');
    try {
      const { text } = await call('notes.save', { owner: ownerRef.current, json: body });
      actions.setNoteText(ownerRef.current, text);
      setStatus('saved');
    } catch (err) {
      actions.notify('error', (err as Error).message);
      setStatus('idle');
    }
  });

  useEffect(() => {
    const save = flush.current;
    const onHide = () => void save();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void save();
    };
  }, []);

  const onChange = (state: EditorState) => {
    pending.current = JSON.stringify(state.toJSON());
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush.current(), SAVE_DELAY);
  };

  return (
    <LexicalComposer
      initialConfig={{
        namespace: `note-${owner.kind}-${owner.id}`,
        nodes: [ListNode, ListItemNode, LinkNode],
        theme: { text: { bold: 'note-bold', italic: 'note-italic' }, link: 'note-link', list: { ul: 'note-ul', ol: 'note-ol' } },
        editorState: json ?? undefined,
        onError(e: Error) {
          console.error(e);
        },
      }}
    >
      <div className="note">
        <Toolbar />
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-input" aria-label={label} onBlur={() => void flush.current()} />}
          placeholder={<div className="note-placeholder">{t('note.placeholder')}</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={(url) => SAFE_URL.test(url)} />
        <OnChangePlugin ignoreSelectionChange onChange={onChange} />
        <p className="note-status" aria-live="polite">
          {status === 'saving' ? t('note.saving') : status === 'saved' ? t('note.saved') : ''}
        </p>
      </div>
    </LexicalComposer>
  );
}
