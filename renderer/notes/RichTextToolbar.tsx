import { $isLinkNode, $toggleLink, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, $setSelection, FORMAT_TEXT_COMMAND, type BaseSelection } from 'lexical';
import { useRef, useState } from 'react';
import { useT } from '../i18n/I18n';

/** Links a note may carry; the exporters check them again (shared/richtext safeHref). */
export const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** Bold, italic, lists and links for a rich-text field (claim notes, the dossier summary). */
export function RichTextToolbar() {
  const t = useT();
  const [editor] = useLexicalComposerContext();
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState('https://');
  // The URL field takes focus, so the text to link is remembered before it does.
  const saved = useRef<BaseSelection | null>(null);
  const startLink = () => {
    saved.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    setLinking(true);
  };
  const applyLink = () => {
    if (!SAFE_URL.test(url)) return;
    editor.update(() => {
      if (saved.current) $setSelection(saved.current.clone());
      $toggleLink(url);
    });
    setLinking(false);
    editor.focus();
  };
  const removeLinkIfAny = () => {
    let inLink = false;
    editor.getEditorState().read(() => {
      const sel = $getSelection();
      if ($isRangeSelection(sel)) inLink = sel.getNodes().some((n) => $isLinkNode(n) || $isLinkNode(n.getParent()));
    });
    if (inLink) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    return inLink;
  };
  // mousedown preventDefault keeps the editor's selection while a toolbar button is clicked.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="note-toolbar" role="toolbar" aria-label={t('note.toolbar')}>
      <button type="button" onMouseDown={keep} aria-label={t('note.bold')} title={t('note.bold')} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}>
        <b>B</b>
      </button>
      <button type="button" onMouseDown={keep} aria-label={t('note.italic')} title={t('note.italic')} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}>
        <i>I</i>
      </button>
      <button type="button" onMouseDown={keep} aria-label={t('note.bullets')} title={t('note.bullets')} onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}>
        •
      </button>
      <button type="button" onMouseDown={keep} aria-label={t('note.numbers')} title={t('note.numbers')} onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)}>
        1.
      </button>
      <button type="button" onMouseDown={keep} aria-label={t('note.link')} title={t('note.link')} onClick={() => removeLinkIfAny() || (linking ? setLinking(false) : startLink())}>
        <span className="link-glyph">{t('note.link').toLowerCase()}</span>
      </button>
      {linking ? (
        <form
          className="note-link-form"
          onSubmit={(e) => {
            e.preventDefault();
            applyLink();
          }}
        >
          <input aria-label={t('note.linkUrl')} value={url} onChange={(e) => setUrl(e.target.value)} autoFocus />
          <button type="submit" disabled={!SAFE_URL.test(url)}>
            {t('popover.add')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
