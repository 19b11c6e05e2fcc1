import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { useEffect, useMemo, useRef } from 'react';
import { splitParagraphs, type ParagraphRange } from '../../shared/text';
import { OffsetMap } from './offsets';
import { PageRules } from './PageRules';

interface Props {
  documentId: string;
  text: string;
  /** A paged source's page map; [] for none. */
  pageStarts: readonly number[];
  label: string;
  onReady(map: OffsetMap): void;
  onKeyDown(e: KeyboardEvent): void;
}

/** Every way the browser or Lexical could change the text; the source is read-only. */
const BLOCKED_EVENTS = ['beforeinput', 'paste', 'cut', 'drop', 'dragstart'] as const;

/**
 * A source document in a Lexical editor. The editor is kept "editable" so the keyboard caret works
 * (Shift+arrows select text, as analysts expect), while every input is cancelled before the
 * browser or Lexical sees it — the text never changes, so stored offsets stay valid.
 */
export function SourceEditor({ documentId, text, pageStarts, label, onReady, onKeyDown }: Props) {
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  const initialConfig = useMemo(
    () => ({
      namespace: `source-${documentId}`,
      editable: true,
      theme: { paragraph: 'source-paragraph' },
      onError(error: Error) {
        console.error(error);
      },
      editorState() {
        const root = $getRoot();
        for (const p of paragraphs) {
          const para = $createParagraphNode();
          para.append($createTextNode(text.slice(p.start, p.end)));
          root.append(para);
        }
      },
    }),
    [documentId, paragraphs, text],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ContentEditable
        className="source-text"
        aria-label={label}
        aria-readonly="true"
        aria-multiline="true"
        role="textbox"
        spellCheck={false}
      />
      <ReadOnlyGuard paragraphs={paragraphs} text={text} onReady={onReady} onKeyDown={onKeyDown} />
      {pageStarts.length > 0 ? <PageRules paragraphs={paragraphs} pageStarts={pageStarts} /> : null}
    </LexicalComposer>
  );
}

function ReadOnlyGuard({
  paragraphs,
  text,
  onReady,
  onKeyDown,
}: {
  paragraphs: readonly ParagraphRange[];
  text: string;
  onReady(map: OffsetMap): void;
  onKeyDown(e: KeyboardEvent): void;
}) {
  const [editor] = useLexicalComposerContext();
  const keyHandler = useRef(onKeyDown);
  keyHandler.current = onKeyDown;
  const ready = useRef(onReady);
  ready.current = onReady;

  useEffect(() => {
    const root = editor.getRootElement();
    const host = root?.parentElement;
    if (!root || !host) return;
    const block = (e: Event) => {
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    // Captured on the host, so the cancel happens before Lexical's own listeners on the root.
    for (const name of BLOCKED_EVENTS) host.addEventListener(name, block, true);
    const keys = (e: KeyboardEvent) => keyHandler.current(e);
    host.addEventListener('keydown', keys, true);
    ready.current(new OffsetMap(root, paragraphs));
    return () => {
      for (const name of BLOCKED_EVENTS) host.removeEventListener(name, block, true);
      host.removeEventListener('keydown', keys, true);
    };
  }, [editor, paragraphs]);

  // Safety net for input that cannot be cancelled (IME composition): restore the source text.
  useEffect(() => {
    const expected = paragraphs.map((p) => text.slice(p.start, p.end)).join('\n\n');
    return editor.registerTextContentListener((current) => {
      if (current === expected) return;
      editor.update(() => {
        const root = $getRoot();
        root.clear();
        for (const p of paragraphs) {
          const para = $createParagraphNode();
          para.append($createTextNode(text.slice(p.start, p.end)));
          root.append(para);
        }
      });
    });
  }, [editor, paragraphs, text]);

  return null;
}
