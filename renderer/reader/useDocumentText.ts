import { useEffect, useState } from 'react';
import { call } from '../api/client';

interface Loaded {
  text: string;
  /** A paged source's page map (shared/pages.ts); [] when the document has no pages. */
  pageStarts: number[];
}

// Texts and their pages never change after import, so one fetch per document per session is enough.
const cache = new Map<string, Promise<Loaded>>();

const NO_PAGES: number[] = [];

export function useDocumentText(documentId: string): { text: string | null; pageStarts: number[]; error: string | null } {
  const [state, setState] = useState<{ loaded: Loaded | null; error: string | null }>({ loaded: null, error: null });
  useEffect(() => {
    let alive = true;
    if (!documentId) return;
    let pending = cache.get(documentId);
    if (!pending) {
      pending = call('documents.get', { id: documentId }).then((d) => ({ text: d.text, pageStarts: d.pageStarts }));
      cache.set(documentId, pending);
      pending.catch(() => cache.delete(documentId));
    }
    pending.then(
      (loaded) => alive && setState({ loaded, error: null }),
      (err: Error) => alive && setState({ loaded: null, error: err.message }),
    );
    return () => {
      alive = false;
    };
  }, [documentId]);
  return { text: state.loaded?.text ?? null, pageStarts: state.loaded?.pageStarts ?? NO_PAGES, error: state.error };
}
