import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { pageAt } from '../../shared/pages';
import { paragraphIndexAt, type ParagraphRange } from '../../shared/text';
import { useT } from '../i18n/I18n';

/**
 * Page boundaries of a paged source (a PDF) in its pane: a thin rule with the page number above
 * the paragraph where each page begins. Drawn by CSS from a data attribute on the paragraph, so
 * the rule is no text: selections, offsets and copied quotes never contain it.
 */
export function PageRules({ paragraphs, pageStarts }: { paragraphs: readonly ParagraphRange[]; pageStarts: readonly number[] }) {
  const [editor] = useLexicalComposerContext();
  const t = useT();
  useEffect(() => {
    const apply = (): void => {
      const blocks = editor.getRootElement()?.children;
      if (!blocks) return;
      const labels = new Map<number, number>();
      pageStarts.forEach((start, i) => {
        const index = Math.max(0, paragraphIndexAt(paragraphs, start));
        // A page without text of its own shares its rule with the page that follows it.
        if (!labels.has(index) && pageAt(pageStarts, start) === i + 1) labels.set(index, i + 1);
      });
      for (let i = 0; i < blocks.length; i++) {
        const block = blocks[i] as HTMLElement;
        const page = labels.get(i);
        if (page === undefined) block.removeAttribute('data-page-rule');
        else block.setAttribute('data-page-rule', t('pages.rule', { page }));
      }
    };
    apply();
    return editor.registerUpdateListener(apply);
  }, [editor, paragraphs, pageStarts, t]);
  return null;
}
