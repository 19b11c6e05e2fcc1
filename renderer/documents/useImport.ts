import { useCallback } from 'react';
import type { ImportResult } from '../../shared/contract';
import { call, getTransport, importWithDialog } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';

const MAX_BYTES = 20 * 1024 * 1024;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** A file to import that the page holds: picked in its file input or dropped on it. */
export interface ImportSource {
  name: string;
  size: number;
  base64(): Promise<string>;
}

export const fromFile = (file: File): ImportSource => ({ name: file.name, size: file.size, base64: () => toBase64(file) });

/** Reports an import: opens the first new document and lists every file that was not imported. */
function useImportReport() {
  const t = useT();
  const { actions } = useWorkspace();
  return useCallback(
    async (result: ImportResult, tooLarge: readonly { name: string; size: number }[]) => {
      const problems = tooLarge.map((f) => t('import.tooLarge', { name: f.name, size: (f.size / 1024 / 1024).toFixed(1) }));
      for (const d of result.duplicates) problems.push(t('import.duplicate', { name: d.name, title: d.title }));
      // The message names the file itself; prefixing the name again would say it twice.
      for (const f of result.failed) problems.push(f.message);
      await actions.reloadDocuments();
      const firstId = result.imported[0]?.id;
      if (firstId) actions.openDocument(firstId);
      if (result.imported.length > 0 || problems.length === 0) actions.notify('info', t('import.done', { count: result.imported.length }));
      if (problems.length > 0) actions.notify('error', problems[0]!, problems.slice(1));
    },
    [actions, t],
  );
}

/** Imports files picked or dropped in the page, with progress and a per-file report. */
export function useImport() {
  const t = useT();
  const { actions } = useWorkspace();
  const report = useImportReport();
  return useCallback(
    async (files: ImportSource[]) => {
      if (files.length === 0) return;
      const tooLarge = files.filter((f) => f.size > MAX_BYTES);
      const accepted = files.filter((f) => f.size <= MAX_BYTES);
      const progress = accepted.length ? actions.notify('progress', t('import.running', { count: accepted.length })) : null;
      const result: ImportResult = { imported: [], duplicates: [], failed: [] };
      try {
        // One file per call keeps each request small and lets progress move file by file.
        for (const file of accepted) {
          const answer = await actions.guard(async () =>
            call('documents.import', { files: [{ name: file.name, dataBase64: await file.base64() }] }),
          );
          if (!answer) continue;
          result.imported.push(...answer.imported);
          result.duplicates.push(...answer.duplicates);
          result.failed.push(...answer.failed);
        }
      } finally {
        if (progress !== null) actions.dismiss(progress);
      }
      await report(result, tooLarge);
    },
    [actions, report, t],
  );
}

/**
 * The desktop's native Import dialog: the shell reads and imports the chosen files itself (their
 * bytes never pass through the page) and reports progress before each file. Resolves to false
 * where there is no native dialog (browser mode), so the caller can offer the page's file input.
 */
export function useDesktopImport() {
  const t = useT();
  const { actions } = useWorkspace();
  const report = useImportReport();
  return useCallback(async (): Promise<boolean> => {
    let progress: number | null = null;
    const stop = getTransport().onImportProgress(({ total }) => {
      progress ??= actions.notify('progress', t('import.running', { count: total }));
    });
    let answer: Awaited<ReturnType<typeof importWithDialog>> | undefined;
    try {
      answer = await actions.guard(importWithDialog);
    } finally {
      stop();
      if (progress !== null) actions.dismiss(progress);
    }
    if (answer === 'unavailable') return false;
    if (answer) await report(answer, answer.tooLarge);
    return true;
  }, [actions, report, t]);
}
