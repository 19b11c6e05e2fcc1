/**
 * The shell calls (contract's `shellApi`): native Open and Save dialogs for project files and
 * annotation files.
 * The dialog functions are passed in so this can be tested without Electron; main.ts binds them
 * to the focused window.
 */
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { ExportFormat } from '../shared/dossier';
import type { ShellHandlers } from './ipc';

export const PROJECT_EXTENSION = 'crossread';
export const DEFAULT_PROJECT_NAME = 'Research.crossread';
const PROJECT_FILTERS = [{ name: 'Crossread project', extensions: [PROJECT_EXTENSION] }];
/** Crossread's own annotation files end in .crossread.json; W3C and Hypothesis files in .json or .jsonld. */
const ANNOTATION_FILTERS = [{ name: 'Annotation files', extensions: ['json', 'jsonld'] }];

export interface DialogApi {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

/** `onExportPath` hears every path chosen in a save dialog for a dossier or an annotation file (see exportPaths.ts). */
export function createDialogHandlers(dialogs: DialogApi, defaultDir: string, onExportPath: (file: string) => void = () => undefined): ShellHandlers {
  return {
    'dialog.openProject': async () => {
      const result = await dialogs.showOpenDialog({
        title: 'Open Project',
        defaultPath: defaultDir,
        properties: ['openFile'],
        filters: PROJECT_FILTERS,
      });
      const chosen = result.filePaths[0];
      return result.canceled || chosen === undefined ? null : { path: chosen };
    },
    'dialog.createProject': async () => {
      const result = await dialogs.showSaveDialog({
        title: 'New Project',
        defaultPath: path.join(defaultDir, DEFAULT_PROJECT_NAME),
        filters: PROJECT_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return null;
      return { path: withProjectExtension(result.filePath) };
    },
    'dialog.saveFile': async ({ defaultName, format }) => {
      const result = await dialogs.showSaveDialog({
        title: 'Export Dossier',
        // Only the base name of the suggestion is used: the folder is always the user's default one.
        defaultPath: path.join(defaultDir, path.basename(defaultName)),
        filters: [{ name: EXPORT_FILTER_NAMES[format], extensions: [format] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return null;
      const chosen = path.extname(result.filePath) ? result.filePath : `${result.filePath}.${format}`;
      onExportPath(chosen);
      return { path: chosen };
    },
    'dialog.exportAnnotations': async () => {
      const result = await dialogs.showSaveDialog({
        title: 'Export Annotations',
        defaultPath: path.join(defaultDir, 'annotations.crossread.json'),
        filters: ANNOTATION_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return null;
      onExportPath(result.filePath);
      return { path: result.filePath };
    },
    'dialog.importAnnotations': async () => {
      const result = await dialogs.showOpenDialog({
        title: 'Import Annotations',
        defaultPath: defaultDir,
        properties: ['openFile'],
        filters: ANNOTATION_FILTERS,
      });
      const chosen = result.filePaths[0];
      return result.canceled || chosen === undefined ? null : { path: chosen };
    },
  };
}

const EXPORT_FILTER_NAMES: Record<ExportFormat, string> = {
  html: 'Web page (HTML)',
  pdf: 'PDF document',
  docx: 'Word document',
  md: 'Markdown',
  json: 'Dossier JSON',
  csv: 'CSV table',
};

/** Linux save dialogs do not always append the filter's extension; a project file needs it. */
export function withProjectExtension(filePath: string): string {
  return path.extname(filePath).toLowerCase() === `.${PROJECT_EXTENSION}` ? filePath : `${filePath}.${PROJECT_EXTENSION}`;
}
