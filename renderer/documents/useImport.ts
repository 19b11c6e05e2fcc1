import { useCallback } from 'react';
import type { PickedFile } from '../../shared/contract';
import { call } from '../api/client';
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

/** A file to import: picked in the page (a File) or in the desktop's native dialog (read by the shell). */
export interface ImportSource {
  name: string;
  size: number;
  base64(): Promise<string>;
}

export const fromFile = (file: File): ImportSource => ({ name: file.name, size: file.size, base64: () => toBase64(file) });
export const fromPicked = (file: PickedFile): ImportSource => ({ name: file.name, size: file.size, base64: async () => file.dataBase64 });

/** Imports files picked or dropped by the user, with progress and a per-file report. */
export function useImport() {
  const t = useT();
  const { actions } = useWorkspace();
  return useCallback(
    async (files: ImportSource[]) => {
      if (files.length === 0) return;
      const problems: string[] = [];
      const accepted = files.filter((f) => {
        if (f.size <= MAX_BYTES) return true;
        problems.push(t('import.tooLarge', { name: f.name, size: (f.size / 1024 / 1024).toFixed(1) }));
        return false;
      });
      const progress = accepted.length ? actions.notify('progress', t('import.running', { count: accepted.length })) : null;
      let imported = 0;
      let firstId: string | null = null;
      try {
        // One file per call keeps each request small and lets progress move file by file.
        for (const file of accepted) {
          const result = await actions.guard(async () =>
            call('documents.import', { files: [{ name: file.name, dataBase64: await file.base64() }] }),
          );
          if (!result) continue;
          imported += result.imported.length;
          firstId ??= result.imported[0]?.id ?? null;
          for (const d of result.duplicates) problems.push(t('import.duplicate', { name: d.name, title: d.title }));
          // The message names the file itself; prefixing the name again would say it twice.
          for (const f of result.failed) problems.push(f.message);
        }
      } finally {
        if (progress !== null) actions.dismiss(progress);
      }
      await actions.reloadDocuments();
      if (firstId) actions.openDocument(firstId);
      if (imported > 0 || problems.length === 0) actions.notify('info', t('import.done', { count: imported }));
      if (problems.length > 0) actions.notify('error', problems[0]!, problems.slice(1));
    },
    [actions, t],
  );
}
