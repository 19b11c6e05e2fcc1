import { useCallback } from 'react';
import { call, callShell } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { useShare, type ShareSource } from './ShareContext';

const MAX_BYTES = 50 * 1024 * 1024;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const nameOf = (source: ShareSource) => ('file' in source ? source.file.name : (source.path.split(/[\\/]/).pop() ?? source.path));

/**
 * Importing an annotation file: pick it (native dialog, or the page's file input in browser mode),
 * show the preview the backend computes without writing, and apply it only on Confirm.
 */
export function useShareImport(fileInput: () => HTMLInputElement | null) {
  const t = useT();
  const { actions } = useWorkspace();
  const share = useShare();

  const preview = useCallback(
    async (source: ShareSource) => {
      const progress = actions.notify('progress', t('share.reading', { name: nameOf(source) }));
      try {
        const result = await actions.guard(() => call('share.import', { ...source, dryRun: true }));
        if (result) share.actions.setPreview({ source, result });
      } finally {
        actions.dismiss(progress);
      }
    },
    [actions, share.actions, t],
  );

  const start = useCallback(async () => {
    const picked = await actions.guard(() => callShell('dialog.importAnnotations'));
    if (picked === undefined) fileInput()?.click();
    else if (picked) await preview({ path: picked.path });
  }, [actions, fileInput, preview]);

  const fromFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_BYTES) {
        actions.notify('error', t('share.tooLarge', { name: file.name }));
        return;
      }
      await preview({ file: { name: file.name, dataBase64: await toBase64(file) } });
    },
    [actions, preview, t],
  );

  const confirm = useCallback(async () => {
    const pending = share.state.preview;
    if (!pending) return;
    share.actions.setPreview(null);
    const name = nameOf(pending.source);
    const progress = actions.notify('progress', t('share.applying', { name }));
    try {
      const result = await actions.guard(() => call('share.import', { ...pending.source, dryRun: false }));
      if (!result) return;
      await actions.refresh('documents', 'tags', 'annotations', 'links', 'relations', 'history');
      await share.actions.refresh();
      const c = result.claims;
      actions.notify('info', result.changed ? t('share.done', { name, new: c.new, updated: c.updated, conflicts: c.conflicts, orphans: c.orphans, deleted: c.deleted }) : t('share.unchangedDone', { name }));
    } finally {
      actions.dismiss(progress);
    }
  }, [actions, share.actions, share.state.preview, t]);

  return { start, fromFile, confirm };
}
