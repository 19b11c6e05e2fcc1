import { useCallback } from 'react';
import { REFI_PROJECT_EXTENSION } from '../../shared/refi';
import { call, callShell, getTransport } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { download } from '../dossier/useExportDossier';
import { useT } from '../i18n/I18n';
import { toBase64 } from '../share/useShareImport';
import { useRefiStore, type RefiSource } from './store';

/** The largest .qdpx the page uploads (the API's limit for an uploaded file). */
const MAX_BYTES = 50 * 1024 * 1024;

const nameOf = (source: RefiSource) => ('file' in source ? source.file.name : (source.path.split(/[\\/]/).pop() ?? source.path));

/**
 * REFI-QDA exchange: export the project as a .qdpx (the native Save dialog on the desktop, a
 * download in browser mode), and import one with a preview the backend computes without writing,
 * applied only on Import.
 */
export function useRefi() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const store = useRefiStore();

  const exportProject = useCallback(
    () =>
      actions.guard(async () => {
        const defaultName = `${state.project?.name ?? 'Project'}${REFI_PROJECT_EXTENSION}`;
        if (getTransport().kind === 'electron') {
          const chosen = await callShell('dialog.exportRefi', { kind: 'qdpx', defaultName });
          if (chosen === null) return;
          if (chosen !== undefined) {
            const written = await call('refi.exportTo', { path: chosen.path });
            actions.notify('info', t('refi.exported', { name: written.path.split(/[\\/]/).pop() ?? '' }));
            return;
          }
        }
        const built = await call('refi.export', {});
        download(built.fileName, built.mime, built.dataBase64);
        actions.notify('info', t('refi.exported', { name: built.fileName }));
      }),
    [actions, state.project, t],
  );

  const preview = useCallback(
    async (source: RefiSource) => {
      store.setPreview({ source, result: null });
      const result = await actions.guard(() => call('refi.import', { ...source, dryRun: true }));
      // Closed (or another file chosen) while the file was read: that preview is no longer wanted.
      if (useRefiStore.getState().preview?.source !== source) return;
      store.setPreview(result ? { source, result } : null);
    },
    [actions, store],
  );

  const startImport = useCallback(async () => {
    const picked = await actions.guard(() => callShell('dialog.importRefi'));
    if (picked === undefined) useRefiStore.getState().input?.click();
    else if (picked) await preview({ path: picked.path });
  }, [actions, preview]);

  const fromFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_BYTES) {
        actions.notify('error', t('refi.tooLarge', { name: file.name }));
        return;
      }
      await preview({ file: { name: file.name, dataBase64: await toBase64(file) } });
    },
    [actions, preview, t],
  );

  const close = useCallback(() => store.setPreview(null), [store]);

  const confirm = useCallback(async () => {
    const pending = useRefiStore.getState().preview;
    if (!pending?.result) return;
    store.setPreview(null);
    const name = nameOf(pending.source);
    const progress = actions.notify('progress', t('refi.applying', { name }));
    try {
      const result = await actions.guard(() => call('refi.import', { ...pending.source, dryRun: false }));
      if (!result) return;
      await actions.refresh('documents', 'tags', 'annotations', 'links', 'relations', 'history');
      actions.notify('info', t('refi.imported', { name, documents: result.documents.new, claims: result.claims.new, tags: result.tags.new }));
    } finally {
      actions.dismiss(progress);
    }
  }, [actions, store, t]);

  return { exportProject, startImport, fromFile, confirm, close };
}
