import { useCallback, useMemo } from 'react';
import type { CodebookFormat, Tag, TagDescriptionPatch } from '../../shared/contract';
import { tagTree, type TreeRow } from '../../shared/tag-tree';
import { call, callShell, getTransport } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { download } from '../dossier/useExportDossier';
import { useHistory } from '../history/useHistory';
import { useLanguage, useT } from '../i18n/I18n';
import type { MoveTarget } from './treeMoves';

/** The code system as a tree, each tag with its live claims counted from the claims on screen (always current). */
export function useTagTree(): { rows: TreeRow<Tag>[]; counts: Map<string, number> } {
  const { state } = useWorkspace();
  const rows = useMemo(() => tagTree(state.tags), [state.tags]);
  const counts = useMemo(() => {
    const n = new Map<string, number>();
    for (const a of state.annotations) for (const id of a.tagIds) n.set(id, (n.get(id) ?? 0) + 1);
    return n;
  }, [state.annotations]);
  return { rows, counts };
}

/** The code system's actions; each refreshes what it touched, and a failure is an error toast with the backend's message. */
export function useCodeActions() {
  const t = useT();
  const language = useLanguage();
  const { actions } = useWorkspace();
  const history = useHistory();
  const move = useCallback(
    (id: string, to: MoveTarget) =>
      actions.guard(async () => {
        await call('tags.move', { id, parentId: to.parentId, index: to.index });
        await actions.refresh('tags');
        return true;
      }),
    [actions],
  );
  const describe = useCallback(
    (id: string, patch: TagDescriptionPatch) =>
      actions.guard(async () => {
        await call('tags.describe', { id, ...patch });
        await actions.refresh('tags');
        return true;
      }),
    [actions],
  );
  const recode = useCallback(
    async (kind: 'merge' | 'moveClaims', source: Tag, target: Tag) => {
      const done = await actions.guard(() => call(kind === 'merge' ? 'tags.merge' : 'tags.moveClaims', { sourceId: source.id, targetId: target.id }));
      if (!done) return;
      await actions.refresh('tags', 'annotations');
      const text = kind === 'merge' ? t('codes.merged', { name: source.name, target: target.name }) : t('codes.moved', { count: done.moved, target: target.name });
      if (done.step) await history.offerUndo(text, done.step);
      else actions.notify('info', text);
    },
    [actions, history, t],
  );
  const star = useCallback(
    async (tag: Tag, favourite: boolean) => {
      const done = await actions.guard(() => call('tags.favourite', { id: tag.id, favourite }));
      if (!done) return;
      await actions.refresh('tags');
      const text = t(favourite ? 'favourites.starred' : 'favourites.unstarred', { name: tag.name });
      if (done.step) await history.offerUndo(text, done.step);
    },
    [actions, history, t],
  );
  const exportCodebook = useCallback(
    (format: CodebookFormat) =>
      actions.guard(async () => {
        const lang = language === 'ru' ? 'ru' : 'en';
        if (getTransport().kind === 'electron') {
          const defaultName = `${lang === 'ru' ? 'Кодовая книга' : 'Codebook'}.${format}`;
          const chosen = format === 'qdc' ? await callShell('dialog.exportRefi', { kind: 'qdc', defaultName }) : await callShell('dialog.saveFile', { defaultName, format });
          if (chosen === null) return;
          if (chosen !== undefined) {
            const written = await call('codebook.write', { format, language: lang, path: chosen.path });
            actions.notify('info', t('codes.exported', { name: written.path.split(/[\\/]/).pop() ?? '' }));
            return;
          }
        }
        const built = await call('codebook.build', { format, language: lang });
        download(built.fileName, built.mime, built.dataBase64);
        actions.notify('info', t('codes.exported', { name: built.fileName }));
      }),
    [actions, language, t],
  );
  return { move, describe, recode, star, exportCodebook };
}
