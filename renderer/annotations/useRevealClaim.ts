import { useCallback } from 'react';
import { useWorkspace } from '../app/workspace';
import { flash } from '../reader/highlights';
import { scrollToOffset } from '../reader/paneRegistry';

/**
 * Opens a claim's document in a pane if needed, scrolls the pane to the claim, flashes it and
 * selects it; with `edit`, its popover opens too.
 */
export function useRevealClaim() {
  const { state, actions } = useWorkspace();
  return useCallback(
    (id: string, opts: { edit?: boolean } = {}) => {
      const a = state.annotations.find((x) => x.id === id);
      if (!a) return;
      const linking = state.linkingFrom;
      actions.openDocument(a.documentId);
      if (!linking) actions.select(id);
      // The pane may need a frame (or a fetch) to render before it can scroll.
      let tries = 0;
      const attempt = () => {
        const rect = scrollToOffset(a.documentId, a.start, a.end);
        if (rect) {
          flash(a.documentId, a.start, a.end);
          // In link mode, choosing a claim anywhere (pane or list) makes it the link's other end.
          if (linking && linking !== id) actions.setPopover({ mode: 'link', fromId: linking, toId: id, rect });
          else if (opts.edit !== false) actions.setPopover({ mode: 'edit', annotationId: id, rect, tagIds: a.tagIds });
        } else if (tries++ < 60) setTimeout(attempt, 50);
      };
      requestAnimationFrame(attempt);
    },
    [state.annotations, state.linkingFrom, actions],
  );
}
