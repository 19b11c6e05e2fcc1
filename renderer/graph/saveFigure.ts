import { FIGURE_MIME, type FigureKind } from '../../shared/figure-file';
import { call, callShell, getTransport } from '../api/client';
import { download } from '../dossier/useExportDossier';

export type FigureOutcome = { kind: 'saved'; name: string } | { kind: 'downloaded'; name: string } | { kind: 'cancelled' };

/**
 * Saves a figure the page drew: on the desktop the user picks the place in the native save dialog
 * and the backend writes it there (the page never names a path of its own); browser mode hands it
 * over as a download.
 */
export async function saveFigure(kind: FigureKind, fileName: string, base64: string): Promise<FigureOutcome> {
  if (getTransport().kind === 'electron') {
    const chosen = await callShell('dialog.saveFigure', { kind, defaultName: fileName });
    if (chosen === null) return { kind: 'cancelled' };
    if (chosen !== undefined) {
      const written = await call('figure.write', { kind, dataBase64: base64, path: chosen.path });
      return { kind: 'saved', name: written.path.split(/[\\/]/).pop() ?? fileName };
    }
  }
  download(fileName, FIGURE_MIME[kind], base64);
  return { kind: 'downloaded', name: fileName };
}
