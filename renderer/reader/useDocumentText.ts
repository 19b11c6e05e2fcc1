import { useEffect, useState } from 'react';
import { call } from '../api/client';

// Texts never change after import, so one fetch per document per session is enough.
const cache = new Map<string, Promise<string>>();

export function useDocumentText(documentId: string): { text: string | null; error: string | null } {
  const [state, setState] = useState<{ text: string | null; error: string | null }>({ text: null, error: null });
  useEffect(() => {
    let alive = true;
    if (!documentId) return;
    let pending = cache.get(documentId);
    if (!pending) {
      pending = call('documents.get', { id: documentId }).then((d) => d.text);
      cache.set(documentId, pending);
      pending.catch(() => cache.delete(documentId));
    }
    pending.then(
      (text) => alive && setState({ text, error: null }),
      (err: Error) => alive && setState({ text: null, error: err.message }),
    );
    return () => {
      alive = false;
    };
  }, [documentId]);
  return state;
}
