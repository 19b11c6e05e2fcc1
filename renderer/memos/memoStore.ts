import { useSyncExternalStore } from 'react';
import type { MemoOwner, MemoSummary } from '../../shared/contract';
import { call } from '../api/client';

/**
 * The Memos feature's own state: the written memos of the open project and the memo open in the
 * editor. Kept out of the workspace context; the search panel opens a memo through `openMemo`,
 * and the sidebar follows `request` to show the Memos tab.
 */
export interface MemoState {
  memos: MemoSummary[];
  open: MemoOwner | null;
  /** Goes up each time something asks for a memo to be shown. */
  request: number;
  /** The project these memos belong to. */
  project: string | null;
}

let state: MemoState = { memos: [], open: null, request: 0, project: null };
const listeners = new Set<() => void>();

function set(next: Partial<MemoState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function useMemos(): MemoState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export async function refreshMemos(): Promise<void> {
  set({ memos: await call('memos.list', {}) });
}

export function openMemo(owner: MemoOwner): void {
  set({ open: owner, request: state.request + 1 });
}

export function closeMemo(): void {
  set({ open: null });
}

/** Another project has other memos: nothing of the old one stays open. The same one keeps its open memo. */
export function memosOf(project: string | null): void {
  if (state.project !== project) set({ memos: [], open: null, project });
}

export const sameOwner = (a: MemoOwner, b: MemoOwner) =>
  a.kind === b.kind && (a.kind === 'project' || (b.kind !== 'project' && a.id === b.id));
