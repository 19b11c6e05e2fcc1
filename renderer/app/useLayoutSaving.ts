import { useCallback, useEffect, useRef } from 'react';
import type { Layout } from '../../shared/contract';
import { call } from '../api/client';

/**
 * The open project's layout, saved shortly after it changes; reading positions are folded in at
 * save time. A save still pending when the user leaves the project is flushed first, so it never
 * lands in (or is lost to) the next project.
 */
export function useLayoutSaving(layout: Layout, readOnly: boolean, patch: (fn: (s: { layout: Layout }) => { layout: Layout }) => void) {
  const scrolls = useRef(new Map<string, number>());
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const saveLayoutNow = useCallback(async () => {
    if (saveTimer.current === null) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = null;
    const current = layoutRef.current;
    const panes = current.panes.map((p) => ({ ...p, scroll: scrolls.current.get(p.documentId) ?? p.scroll }));
    await call('layout.set', { ...current, panes }).catch(() => undefined);
  }, []);
  const scheduleLayoutSave = useCallback(() => {
    if (readOnly) return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void saveLayoutNow(), 300);
  }, [readOnly, saveLayoutNow]);
  useEffect(() => {
    const flush = () => void saveLayoutNow();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [saveLayoutNow]);

  const setLayout = useCallback(
    (fn: (l: Layout) => Layout) => {
      patch((s) => ({ layout: fn(s.layout) }));
      scheduleLayoutSave();
    },
    [patch, scheduleLayoutSave],
  );

  /** Forgets a pending save: it belongs to a project that may no longer be the open one. */
  const dropPendingSave = useCallback(() => {
    if (saveTimer.current === null) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = null;
  }, []);

  return { layoutRef, scrolls, saveLayoutNow, scheduleLayoutSave, setLayout, dropPendingSave };
}
