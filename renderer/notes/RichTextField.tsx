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
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useT } from '../i18n/I18n';
import { RichTextToolbar, SAFE_URL } from './RichTextToolbar';

const SAVE_DELAY = 400;

export interface RichTextFieldProps {
  /** Lexical's namespace for this editor (one per note, so undo histories never mix). */
  namespace: string;
  /** The stored editor state, or null for an empty field. */
  json: string | null;
  label: string;
  placeholder: string;
  readOnly?: boolean;
  className?: string;
  /** Stores the editor state; a rejection is reported through `onSaveError`. */
  /** `base`: the state this editor started from (loaded or last saved), null for a new field. */
  save(json: string, base: string | null): Promise<void>;
  onSaveError(message: string): void;
  /** Receives the flush function while mounted, so a caller can wait for the last keystrokes. */
  flushRef?: RefObject<(() => Promise<void>) | null>;
}

/**
 * Rich text (bold, italic, lists, links) in a Lexical editor, saved as Lexical JSON while the user
 * types. A save still pending is flushed on blur, on unmount and when the page goes away, so
 * closing never loses the last words. Notes and the dossier summary are both this field.
 */
export function RichTextField(props: RichTextFieldProps) {
  const { namespace, json, label, placeholder, readOnly = false, className, flushRef } = props;
  const t = useT();
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const pending = useRef<string | null>(null);
  // What this editor last loaded or saved: a live team applies only the change from it.
  const base = useRef<string | null>(json);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The latest callbacks, read when a save runs: a flush started at unmount still reaches them.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  const flush = useRef(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const body = pending.current;
    if (body === null) return;
    pending.current = null;
    setStatus('saving');
    try {
      await latest.current.save(body, base.current);
      base.current = body;
      setStatus(pending.current === null ? 'saved' : 'idle');
    } catch (err) {
      setStatus('idle');
      latest.current.onSaveError((err as Error).message);
    }
  });

  useEffect(() => {
    const save = flush.current;
    const onHide = () => void save();
    window.addEventListener('pagehide', onHide);
    if (flushRef) flushRef.current = save;
    return () => {
      window.removeEventListener('pagehide', onHide);
      if (flushRef) flushRef.current = null;
      void save();
    };
  }, [flushRef]);

  const onChange = (state: EditorState) => {
    if (readOnly) return;
    pending.current = JSON.stringify(state.toJSON());
    // "Saved" must only show while nothing typed is waiting to be saved.
    setStatus('idle');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush.current(), SAVE_DELAY);
  };

  return (
    <LexicalComposer
      initialConfig={{
        namespace,
        nodes: [ListNode, ListItemNode, LinkNode],
        theme: { text: { bold: 'note-bold', italic: 'note-italic' }, link: 'note-link', list: { ul: 'note-ul', ol: 'note-ol' } },
        editorState: json ?? undefined,
        editable: !readOnly,
        onError(e: Error) {
          console.error(e);
        },
      }}
    >
      <div className={className ? `note ${className}` : 'note'}>
        {readOnly ? null : <RichTextToolbar />}
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-input" aria-label={label} onBlur={() => void flush.current()} />}
          placeholder={<div className="note-placeholder">{placeholder}</div>}
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
