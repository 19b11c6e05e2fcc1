import { useEffect, useRef } from 'react';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useTeamStore } from './store';

/** How often the page asks for the connection state (a cheap call: nothing is read but counters). */
const POLL_MS = 1000;

/**
 * Keeps the team status fresh while a project is open, reloads the workspace's data when
 * colleagues' changes were applied (the selection and the layout stay: only the data is fetched
 * again), and tells colleagues which claim this user has selected.
 */
export function useTeamSync(): void {
  const { state, actions } = useWorkspace();
  const setStatus = useTeamStore((s) => s.setStatus);
  const open = state.project !== null;
  const revision = useRef(0);
  const refresh = useRef(actions.refresh);
  refresh.current = actions.refresh;

  useEffect(() => {
    if (!open) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const status = await call('team.status', {});
        if (stopped) return;
        setStatus(status);
        if (status.revision !== revision.current) {
          // A new connection starts counting again; only a growing count means new data.
          const grew = status.revision > revision.current;
          revision.current = status.revision;
          if (grew) await refresh.current('documents', 'tags', 'annotations', 'links', 'relations');
        }
      } catch {
        // The status is shown from the last answer; the next poll tries again.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [open, setStatus]);

  const live = useTeamStore((s) => s.status.state !== 'off' && s.status.state !== 'refused');
  const selected = state.selectedId ? state.annotations.find((a) => a.id === state.selectedId) : undefined;
  const selection = selected ? { documentId: selected.documentId, start: selected.start, end: selected.end } : null;
  const key = selection ? `${selection.documentId}:${selection.start}:${selection.end}` : '';
  useEffect(() => {
    if (!live) return;
    void call('team.presence', { selection }).catch(() => undefined);
    // The key says everything the selection holds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, key]);
}
