import { useMemo } from 'react';
import type { Annotation, DocumentMeta } from '../../shared/contract';
import { paragraphIndexAt, splitParagraphs } from '../../shared/text';
import { useDocumentText } from './useDocumentText';

/** "Caravan.kz, 2025-11-07, ¶12": where a claim stands, as a dossier would cite it. */
export function useCitation(annotation: Annotation | undefined, doc: DocumentMeta | undefined): string {
  const { text } = useDocumentText(annotation?.documentId ?? '');
  return useMemo(() => {
    if (!annotation || !doc) return '';
    const source = doc.outlet || doc.title;
    const para = text ? paragraphIndexAt(splitParagraphs(text), annotation.start) + 1 : 0;
    return [source, doc.date, para > 0 ? `¶${para}` : null].filter(Boolean).join(', ');
  }, [annotation, doc, text]);
}
