import { useSyncExternalStore } from 'react';

/*
 * Open note editors keep their own text while the user types; when an undo or redo changes a note
 * in the project, they must load it again. This counter tells them so.
 */
let revision = 0;
const listeners = new Set<() => void>();

export function notesChangedByHistory(): void {
  revision++;
  for (const l of listeners) l();
}

export function useNoteRevision(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => revision,
  );
}
