import { useCallback } from 'react';
import { useWorkspace } from '../app/workspace';
import { useHistory } from '../history/useHistory';
import { useT } from '../i18n/I18n';

/** Deletes a claim (and, with it, its links), then offers Undo for exactly that deletion on the toast that says so. */
export function useDeleteClaim() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const history = useHistory();
  return useCallback(
    async (id: string) => {
      const links = state.links.filter((l) => l.fromId === id || l.toId === id).length;
      const done = await actions.deleteAnnotation(id);
      if (done) await history.offerUndo(links > 0 ? t('claims.deletedWithLinks', { count: links }) : t('claims.deleted'), done.step);
    },
    [state.links, actions, history, t],
  );
}
