import { useEffect, useRef } from 'react';

/**
 * While a confirmation is open, Ctrl+Z (or Ctrl+Shift+Z) closes it and does nothing else: the user
 * is backing out of the question, not undoing an earlier step behind it. The listener runs in the
 * capture phase, before the window's command keys, and marks the key handled so they skip it.
 */
export function useUndoKeyCancels(open: boolean, cancel: () => void): void {
  const ref = useRef(cancel);
  ref.current = cancel;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== 'KeyZ' || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      e.preventDefault();
      e.stopPropagation();
      ref.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
}
