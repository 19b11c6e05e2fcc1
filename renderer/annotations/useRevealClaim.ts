import { useCallback } from 'react';
import { useWorkspace } from '../app/workspace';
import { flash } from '../reader/highlights';
import { scrollToOffset } from '../reader/paneRegistry';
import { linkMode } from '../links/linkMode';
import { usePickClaim } from './usePickClaim';

/**
 * Opens a claim's document in a pane if needed, scrolls the pane to the claim, flashes it and
 * picks it (see usePickClaim: the inspector, or the other end of a link in link mode).
 */
export function useRevealClaim() {
  const { state, actions } = useWorkspace();
  const pick = usePickClaim();
  return useCallback(
    (id: string) => {
      const a = state.annotations.find((x) => x.id === id);
      if (!a) return;
      actions.openDocument(a.documentId);
      // Picked at once unless it is a link's other end: the relation picker needs the claim's place.
      const linking = linkMode.current();
      if (linking === null || linking === id) pick(id, null);
      // The pane may need a frame (or a fetch) to render before it can scroll.
      let tries = 0;
      const attempt = () => {
        const rect = scrollToOffset(a.documentId, a.start, a.end);
        if (rect) {
          flash(a.documentId, a.start, a.end);
          if (linking !== null && linking !== id && linkMode.current() === linking) pick(id, rect);
        } else if (tries++ < 60) setTimeout(attempt, 50);
      };
      requestAnimationFrame(attempt);
    },
    [state.annotations, actions, pick],
  );
}
