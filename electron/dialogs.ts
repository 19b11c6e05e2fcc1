/**
 * The shell calls (contract's `shellApi`): native Open and Save dialogs for project files and
 * annotation files.
 * The dialog functions are passed in so this can be tested without Electron; main.ts binds them
 * to the focused window.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { AppError } from './core/errors';
import { IMPORT_LIMITS } from './core/import/types';
import type { ExportFormat } from '../shared/dossier';
import type { ShellHandlers } from './ipc';
import type { PathApprovals } from './chosenPaths';

export const PROJECT_EXTENSION = 'crossread';
export const DEFAULT_PROJECT_NAME = 'Research.crossread';
const PROJECT_FILTERS = [{ name: 'Crossread project', extensions: [PROJECT_EXTENSION] }];
// desktop (issue 7): the import dialog
const DOCUMENT_FILTERS = [
  { name: 'Documents', extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'] },
  { name: 'All files', extensions: ['*'] },
];
/** The API takes at most this many files per import call. */
export const MAX_PICKED_FILES = 50;
/** Crossread's own annotation files end in .crossread.json; W3C and Hypothesis files in .json or .jsonld. */
const ANNOTATION_FILTERS = [{ name: 'Annotation files', extensions: ['json', 'jsonld'] }];

export interface DialogApi {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

/** `approve` hears every path the user chose to export to or import from (see chosenPaths.ts). */
export function createDialogHandlers(dialogs: DialogApi, defaultDir: string, approve: PathApprovals = IGNORE_PATHS): ShellHandlers {
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
    'dialog.importDocuments': async () => {
      const result = await dialogs.showOpenDialog({
        title: 'Import Documents',
        defaultPath: defaultDir,
        properties: ['openFile', 'multiSelections'],
        filters: DOCUMENT_FILTERS,
      });
      if (result.canceled || result.filePaths.length === 0) return null;
      if (result.filePaths.length > MAX_PICKED_FILES) {
        throw new AppError('bad-input', `Choose at most ${MAX_PICKED_FILES} files at a time (${result.filePaths.length} were chosen).`);
      }
      // Read here, so the page never names a path on disk; files over the limit are not read
      // at all, and the page reports them.
      const files = [];
      for (const file of result.filePaths) {
        const { size } = await stat(file);
        const dataBase64 = size > IMPORT_LIMITS.maxFileBytes ? '' : (await readFile(file)).toString('base64');
        files.push({ name: path.basename(file), size, dataBase64 });
      }
      return { files };
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
      approve.write(chosen);
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
      approve.write(result.filePath);
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
      if (result.canceled || chosen === undefined) return null;
      approve.read(chosen);
      return { path: chosen };
    },
  };
}

const IGNORE_PATHS: PathApprovals = { write: () => undefined, read: () => undefined };

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
