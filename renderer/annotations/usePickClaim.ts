import { useCallback } from 'react';
import { useWorkspace } from '../app/workspace';
import { linkMode } from '../links/linkMode';

/**
 * What choosing a claim (in a pane, the claim list, search, a link) means now. In link mode it is
 * the link's other end, and choosing the claim the link starts from is the way out; otherwise the
 * claim opens in the inspector — the one place where an existing claim is edited.
 */
export function usePickClaim() {
  const { actions } = useWorkspace();
  return useCallback(
    (id: string, rect: DOMRect | null) => {
      const from = linkMode.current();
      if (from !== null && from !== id) {
        if (rect) actions.setPopover({ mode: 'link', fromId: from, toId: id, rect });
        return;
      }
      linkMode.end();
      actions.showClaim(id);
    },
    [actions],
  );
}
