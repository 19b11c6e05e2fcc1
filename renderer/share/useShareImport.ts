import { useCallback, useRef } from 'react';
import type { ShareJob } from '../../shared/share';
import { call, callShell } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { runImportJob } from './importJob';
import { useShare, type ShareSource } from './ShareContext';

const MAX_BYTES = 50 * 1024 * 1024;

export async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const nameOf = (source: ShareSource) => ('file' in source ? source.file.name : (source.path.split(/[\\/]/).pop() ?? source.path));

/** Every conflict an import records, whatever kind of item it is about. */
const recordedTotal = (job: ShareJob) => Object.values(job.result?.recorded ?? {}).reduce((sum, n) => sum + n, 0);

/**
 * Importing an annotation file: pick it (native dialog, or the page's file input in browser mode),
 * show the preview the backend computes without writing — as a job with progress that Cancel stops —
 * and apply it only on Import.
 */
export function useShareImport(fileInput: () => HTMLInputElement | null) {
  const t = useT();
  const { actions } = useWorkspace();
  const share = useShare();
  /** The preview on screen and its job, once started; a preview closed meanwhile is no longer `current`. */
  const current = useRef<{ jobId: string | null } | null>(null);

  const ended = useCallback(
    (job: ShareJob, name: string) => {
      if (job.state === 'failed' && job.error) actions.notify('error', job.error.message);
      if (job.state === 'cancelled') actions.notify('info', t('share.cancelled', { name }));
    },
    [actions, t],
  );

  const preview = useCallback(
    async (source: ShareSource) => {
      const mine: { jobId: string | null } = { jobId: null };
      current.current = mine;
      // The dialog opens at once (reading a large file takes a moment) and offers Cancel from the start.
      share.actions.setPreview({ source, result: null, progress: null });
      const job = await actions.guard(() =>
        runImportJob(
          source,
          true,
          (jobId) => {
            mine.jobId = jobId;
            if (current.current !== mine) void call('share.cancelImport', { jobId }).catch(() => undefined);
          },
          (j) => {
            if (current.current === mine) share.actions.setPreview({ source, result: null, progress: { jobId: j.jobId, done: j.done, total: j.total } });
          },
        ),
      );
      if (current.current !== mine) return;
      current.current = null;
      if (job?.state === 'done' && job.result) share.actions.setPreview({ source, result: job.result, progress: null });
      else {
        share.actions.setPreview(null);
        if (job) ended(job, nameOf(source));
      }
    },
    [actions, ended, share.actions],
  );

  /** Closes the preview; a job still searching is cancelled, so nothing keeps working for nobody. */
  const close = useCallback(() => {
    const mine = current.current;
    const source = share.state.preview?.source;
    current.current = null;
    share.actions.setPreview(null);
    if (!mine) return;
    const jobId = mine.jobId;
    if (jobId) void actions.guard(() => call('share.cancelImport', { jobId }));
    if (source) actions.notify('info', t('share.cancelled', { name: nameOf(source) }));
  }, [actions, share.actions, share.state.preview, t]);

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
    if (!pending?.result) return;
    share.actions.setPreview(null);
    const name = nameOf(pending.source);
    const progress = actions.notify('progress', t('share.applying', { name }));
    try {
      const job = await actions.guard(() => runImportJob(pending.source, false, () => undefined, () => undefined));
      if (!job) return;
      if (job.state !== 'done' || !job.result) {
        ended(job, name);
        return;
      }
      const result = job.result;
      await actions.refresh('documents', 'tags', 'annotations', 'links', 'relations', 'history');
      await share.actions.refresh();
      const c = result.claims;
      actions.notify(
        'info',
        result.changed
          ? t('share.imported', { name, new: c.new, updated: c.updated, conflicts: recordedTotal(job), orphans: c.orphans, deleted: c.deleted })
          : t('share.unchangedDone', { name }),
      );
    } finally {
      actions.dismiss(progress);
    }
  }, [actions, ended, share.actions, share.state.preview, t]);

  return { start, fromFile, confirm, close };
}
