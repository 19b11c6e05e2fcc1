import { useMemo } from 'react';
import type { Annotation, DocumentMeta } from '../../shared/contract';
import { placeOf, placeText } from '../../shared/pages';
import { splitParagraphs } from '../../shared/text';
import { useT } from '../i18n/I18n';
import { useDocumentText } from './useDocumentText';

/** "Caravan.kz, 2025-11-07, ¶12" (or "…, p. 2, ¶3" in a PDF): where a claim stands, as a dossier would cite it. */
export function useCitation(annotation: Annotation | undefined, doc: DocumentMeta | undefined): string {
  const t = useT();
  const { text, pageStarts } = useDocumentText(annotation?.documentId ?? '');
  const pageLabel = t('pages.short');
  return useMemo(() => {
    if (!annotation || !doc) return '';
    const source = doc.outlet || doc.title;
    const place = text ? placeText(placeOf(splitParagraphs(text), pageStarts, annotation.start), pageLabel) : null;
    return [source, doc.date, place].filter(Boolean).join(', ');
  }, [annotation, doc, text, pageStarts, pageLabel]);
}
