import { useCallback } from 'react';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';

/** Deletes a claim (and, with it, its links), then offers Undo on the toast that says so. */
export function useDeleteClaim() {
  const t = useT();
  const { state, actions } = useWorkspace();
  return useCallback(
    async (id: string) => {
      const links = state.links.filter((l) => l.fromId === id || l.toId === id).length;
      await actions.deleteAnnotation(id);
      if (state.annotations.some((a) => a.id === id)) {
        actions.notify('info', links > 0 ? t('claims.deletedWithLinks', { count: links }) : t('claims.deleted'), undefined, {
          label: t('command.edit.undo'),
          run: () => void actions.travel('undo'),
        });
      }
    },
    [state.links, state.annotations, actions, t],
  );
}
