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
import { call } from '../api/client';
import { useT } from '../i18n/I18n';
import { RichTextToolbar, SAFE_URL } from '../notes/RichTextToolbar';

const SAVE_DELAY = 400;

/** Lets the export wait for the summary's last keystrokes to be saved before it builds. */
export type FlushSummary = RefObject<(() => Promise<void>) | null>;

/**
 * The analyst's dossier summary: rich text in a Lexical editor, kept in the project and saved as
 * the user types (like a claim's note). Export flushes a pending save first, through `flushRef`.
 */
export function SummaryEditor({ flushRef, readOnly, onError }: { flushRef: FlushSummary; readOnly: boolean; onError(message: string): void }) {
  const [initial, setInitial] = useState<{ json: string | null } | null>(null);
  useEffect(() => {
    let alive = true;
    call('dossier.summary.get', {}).then(
      (s) => alive && setInitial({ json: s?.json ?? null }),
      (e: Error) => alive && onError(e.message),
    );
    return () => {
      alive = false;
    };
  }, [onError]);
  if (!initial) return null;
  return <LoadedSummary json={initial.json} flushRef={flushRef} readOnly={readOnly} onError={onError} />;
}

function LoadedSummary({ json, flushRef, readOnly, onError }: { json: string | null; flushRef: FlushSummary; readOnly: boolean; onError(message: string): void }) {
  const t = useT();
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useRef(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const body = pending.current;
    if (body === null) return;
    pending.current = null;
    setStatus('saving');
    try {
      await call('dossier.summary.save', { json: body });
      setStatus('saved');
    } catch (err) {
      setStatus('idle');
      onError((err as Error).message);
    }
  });

  useEffect(() => {
    const save = flush.current;
    const slot = flushRef;
    slot.current = save;
    return () => {
      slot.current = null;
      void save();
    };
  }, [flushRef]);

  const onChange = (state: EditorState) => {
    if (readOnly) return;
    pending.current = JSON.stringify(state.toJSON());
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush.current(), SAVE_DELAY);
  };

  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'dossier-summary',
        nodes: [ListNode, ListItemNode, LinkNode],
        theme: { text: { bold: 'note-bold', italic: 'note-italic' }, link: 'note-link', list: { ul: 'note-ul', ol: 'note-ol' } },
        editorState: json ?? undefined,
        editable: !readOnly,
        onError(e: Error) {
          console.error(e);
        },
      }}
    >
      <div className="note summary-editor">
        {readOnly ? null : <RichTextToolbar />}
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-input" aria-label={t('export.summary')} onBlur={() => void flush.current()} />}
          placeholder={<div className="note-placeholder">{t('export.summaryPlaceholder')}</div>}
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
