/**
 * The shell calls (contract's `shellApi`): native Open and Save dialogs for project files and
 * annotation files.
 * The dialog functions are passed in so this can be tested without Electron; main.ts binds them
 * to the focused window.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { ExportFormat } from '../shared/dossier';
import type { ShellHandlers } from './ipc';
import type { PathApprovals } from './chosenPaths';
import type { ChosenImport } from './import-chosen';

export const PROJECT_EXTENSION = 'crossread';
export const DEFAULT_PROJECT_NAME = 'Research.crossread';
const PROJECT_FILTERS = [{ name: 'Crossread project', extensions: [PROJECT_EXTENSION] }];
const DOCUMENT_FILTERS = [
  { name: 'Documents', extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'] },
  { name: 'All files', extensions: ['*'] },
];
/** Crossread's own annotation files end in .crossread.json; W3C and Hypothesis files in .json or .jsonld. */
const ANNOTATION_FILTERS = [{ name: 'Annotation files', extensions: ['json', 'jsonld'] }];
const FIGURE_FILTERS = { svg: { name: 'SVG image', extensions: ['svg'] }, png: { name: 'PNG image', extensions: ['png'] } };
const REFI_FILTERS = { qdpx: [{ name: 'REFI-QDA project', extensions: ['qdpx'] }], qdc: [{ name: 'REFI-QDA codebook', extensions: ['qdc'] }] };

export interface DialogApi {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

/** Reads and imports the files the user chose (import-chosen.ts, bound to the backend in main.ts). */
export type ImportChosen = (files: readonly string[]) => Promise<ChosenImport>;

/**
 * `approve` hears every path the user chose to export to or import from (see chosenPaths.ts);
 * `importFiles` imports the documents chosen in the Import dialog.
 */
export function createDialogHandlers(
  dialogs: DialogApi,
  defaultDir: string,
  approve: PathApprovals,
  importFiles: ImportChosen,
): ShellHandlers {
  return {
    'dialog.openProject': async () => {
      const result = await dialogs.showOpenDialog({
        title: 'Open Project',
        defaultPath: defaultDir,
        properties: ['openFile'],
        filters: PROJECT_FILTERS,
      });
      const chosen = result.filePaths[0];
      if (result.canceled || chosen === undefined) return null;
      approve.read(chosen);
      return { path: chosen };
    },
    'dialog.importDocuments': async () => {
      const result = await dialogs.showOpenDialog({
        title: 'Import Documents',
        defaultPath: defaultDir,
        properties: ['openFile', 'multiSelections'],
        filters: DOCUMENT_FILTERS,
      });
      if (result.canceled || result.filePaths.length === 0) return null;
      return importFiles(result.filePaths);
    },
    'dialog.createProject': async () => {
      const chosen = await chooseSavePath(dialogs, {
        title: 'New Project',
        defaultPath: path.join(defaultDir, DEFAULT_PROJECT_NAME),
        filters: PROJECT_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (chosen === null) return null;
      approve.write(chosen);
      return { path: chosen };
    },
    'dialog.saveFile': async ({ defaultName, format }) => {
      const chosen = await chooseSavePath(dialogs, {
        title: 'Export Dossier',
        // Only the base name of the suggestion is used: the folder is always the user's default
        // one. It carries the extension, so the dialog's overwrite check sees the real name.
        defaultPath: path.join(defaultDir, withExtension(path.basename(defaultName), [format])),
        filters: [{ name: EXPORT_FILTER_NAMES[format], extensions: [format] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (chosen === null) return null;
      approve.write(chosen);
      return { path: chosen };
    },
    'dialog.exportAnnotations': async () => {
      const chosen = await chooseSavePath(dialogs, {
        title: 'Export Annotations',
        defaultPath: path.join(defaultDir, 'annotations.crossread.json'),
        filters: ANNOTATION_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (chosen === null) return null;
      approve.write(chosen);
      return { path: chosen };
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
    'dialog.exportRefi': async ({ kind, defaultName }) => {
      const chosen = await chooseSavePath(dialogs, {
        title: kind === 'qdpx' ? 'Export REFI-QDA Project' : 'Export REFI-QDA Codebook',
        defaultPath: path.join(defaultDir, withExtension(path.basename(defaultName), [kind])),
        filters: REFI_FILTERS[kind],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (chosen === null) return null;
      approve.write(chosen);
      return { path: chosen };
    },
    'dialog.saveFigure': async ({ kind, defaultName }) => {
      const chosen = await chooseSavePath(dialogs, {
        title: 'Export Figure',
        defaultPath: path.join(defaultDir, withExtension(path.basename(defaultName), [kind])),
        filters: [FIGURE_FILTERS[kind]],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (chosen === null) return null;
      approve.write(chosen);
      return { path: chosen };
    },
    'dialog.importRefi': async () => {
      const result = await dialogs.showOpenDialog({ title: 'Import REFI-QDA Project', defaultPath: defaultDir, properties: ['openFile'], filters: REFI_FILTERS.qdpx });
      const chosen = result.filePaths[0];
      if (result.canceled || chosen === undefined) return null;
      approve.read(chosen);
      return { path: chosen };
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

/** `name` when it already ends in one of `extensions` (any case), else `name.<first extension>`. */
export function withExtension(name: string, extensions: readonly string[]): string {
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(`.${ext}`)) ? name : `${name}.${extensions[0]}`;
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * A save dialog whose answer always ends in the filter's extension and never names an existing
 * file the user did not confirm. The Linux (GTK) dialog returns what was typed without the
 * filter's extension (electron/electron#21935) and checks for overwriting only that name; so when
 * the extension has to be added and a file of that name exists, the dialog opens again on the
 * full name, where its own overwrite confirmation asks the user.
 */
export async function chooseSavePath(dialogs: DialogApi, options: SaveDialogOptions): Promise<string | null> {
  const extensions = (options.filters ?? []).flatMap((filter) => filter.extensions);
  let defaultPath = options.defaultPath;
  for (;;) {
    const result = await dialogs.showSaveDialog({ ...options, defaultPath });
    if (result.canceled || !result.filePath) return null;
    if (extensions.length === 0) return result.filePath;
    const full = withExtension(result.filePath, extensions);
    // The dialog confirmed this very name, or there is nothing there to overwrite.
    if (full === result.filePath || !(await exists(full))) return full;
    defaultPath = full;
  }
}
