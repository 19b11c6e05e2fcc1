import { useCallback } from 'react';
import type { DossierOptionsInput, ExportFormat } from '../../shared/dossier';
import { call, callShell, getTransport } from '../api/client';

export type ExportOutcome = { kind: 'saved'; name: string } | { kind: 'downloaded'; name: string } | { kind: 'cancelled' };

/** The name with the format's extension (the user may have typed it without one). */
export function withExtension(name: string, format: ExportFormat): string {
  const trimmed = name.trim() || `Dossier.${format}`;
  return trimmed.toLowerCase().endsWith(`.${format}`) ? trimmed : `${trimmed}.${format}`;
}

/** Hands bytes to the browser as a download named `name` (browser mode's way of saving a file). */
export function download(name: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download has to start reading the blob first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Exports over whichever transport the app has: the desktop asks for a path in the native save
 * dialog and the backend writes the file; browser mode builds the file and hands it over as a
 * download. Either way the name is the user's (suggested from the title, editable).
 */
export function useExportDossier() {
  return useCallback(async (format: ExportFormat, options: DossierOptionsInput, fileName: string): Promise<ExportOutcome> => {
    const name = withExtension(fileName, format);
    if (getTransport().kind === 'electron') {
      const chosen = await callShell('dialog.saveFile', { defaultName: name, format });
      if (chosen === null) return { kind: 'cancelled' };
      if (chosen !== undefined) {
        const written = await call('export.write', { format, options, path: chosen.path });
        return { kind: 'saved', name: written.path.split(/[\\/]/).pop() ?? name };
      }
    }
    const built = await call('export.build', { format, options });
    download(name, built.mime, built.dataBase64);
    return { kind: 'downloaded', name };
  }, []);
}
