/**
 * The desktop's native import: the shell reads the files the dialog returned and imports them
 * through the real backend, one at a time, reporting progress; no file's bytes go to the page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { OpenDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createDialogHandlers } from '../../../electron/dialogs';
import type { DialogApi } from '../../../electron/dialogs';
import { ChosenPaths } from '../../../electron/chosenPaths';
import { importChosenFiles } from '../../../electron/import-chosen';
import type { ImportProgress } from '../../../shared/contract';
import { CARAVAN, CORPUS_FILES, corpusPath, KAZPRAVDA, tempDir, withProject } from '../core/helpers';

function picking(filePaths: string[]) {
  const opened: OpenDialogOptions[] = [];
  const api: DialogApi = {
    showOpenDialog: async (options) => {
      opened.push(options);
      return { canceled: filePaths.length === 0, filePaths };
    },
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
  };
  return { api, opened };
}

describe('importing documents chosen in the native dialog', () => {
  it('a large import never sends file bytes to the page: the shell imports them and answers with the report', async () => {
    const { backend } = await withProject();
    const progress: ImportProgress[] = [];
    const { api, opened } = picking(CORPUS_FILES.map(corpusPath));
    const handlers = createDialogHandlers(api, tempDir(), new ChosenPaths(), (files) => importChosenFiles(files, backend, (p) => progress.push(p)));

    const answer = await handlers['dialog.importDocuments']({});
    expect(opened[0]?.properties).toEqual(['openFile', 'multiSelections']);
    expect(answer?.imported.map((d) => d.sourceName).sort()).toEqual([...CORPUS_FILES].sort());
    expect(answer).toMatchObject({ duplicates: [], failed: [], tooLarge: [] });
    // What goes back over IPC is the report: no field carries a file's content.
    expect(JSON.stringify(answer)).not.toContain(fs.readFileSync(corpusPath(KAZPRAVDA)).toString('base64').slice(0, 40));
    expect(JSON.stringify(answer)).not.toContain('dataBase64');
    expect(progress).toEqual([
      ...CORPUS_FILES.map((name, done) => ({ done, total: 3, name })),
      { done: 3, total: 3, name: '' },
    ]);
    const listed = await backend.call('documents.list', {});
    expect(listed).toHaveLength(3);
  });

  it('reports files over the size limit without reading them, duplicates and unreadable files, and imports the rest', async () => {
    const { backend } = await withProject();
    const dir = tempDir();
    const huge = path.join(dir, 'huge.txt');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 20 * 1024 * 1024 + 1);
    const missing = path.join(dir, 'gone.txt');
    await backend.call('documents.import', { files: [{ name: CARAVAN, dataBase64: fs.readFileSync(corpusPath(CARAVAN)).toString('base64') }] });

    const report = await importChosenFiles([huge, missing, corpusPath(CARAVAN), corpusPath(KAZPRAVDA)], backend, () => undefined);
    expect(report.tooLarge).toEqual([{ name: 'huge.txt', size: 20 * 1024 * 1024 + 1 }]);
    expect(report.failed).toEqual([{ name: 'gone.txt', message: 'gone.txt does not exist.' }]);
    expect(report.duplicates.map((d) => d.name)).toEqual([CARAVAN]);
    expect(report.imported.map((d) => d.sourceName)).toEqual([KAZPRAVDA]);
  });

  it('a FIFO or a link out of its folder chosen in the dialog is refused at once, and the rest lands', async () => {
    const { backend } = await withProject();
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const link = path.join(dir, 'passwd.txt');
    fs.symlinkSync('/etc/passwd', link);
    const report = await importChosenFiles([fifo, link, corpusPath(KAZPRAVDA)], backend, () => undefined);
    expect(report.failed.map((f) => f.name)).toEqual(['pipe.txt', 'passwd.txt']);
    expect(report.failed[0]!.message).toMatch(/^pipe\.txt is a (FIFO|pipe|named pipe)|not a regular file/);
    expect(report.failed[1]!.message).toMatch(/^passwd\.txt is a link to a file outside its folder/);
    expect(JSON.stringify(report)).not.toContain('root:');
    expect(report.imported.map((d) => d.sourceName)).toEqual([KAZPRAVDA]);
  });

  it('stops with the backend’s own reason when no project is open, changing nothing', async () => {
    const { backend } = await withProject();
    await backend.call('project.close', {});
    await expect(importChosenFiles([corpusPath(KAZPRAVDA)], backend, () => undefined)).rejects.toMatchObject({ code: expect.any(String) });
  });

  it('returns null when the dialog is cancelled, importing nothing', async () => {
    const calls: string[][] = [];
    const { api } = picking([]);
    const handlers = createDialogHandlers(api, tempDir(), new ChosenPaths(), async (files) => {
      calls.push([...files]);
      return { imported: [], duplicates: [], failed: [], tooLarge: [] };
    });
    expect(await handlers['dialog.importDocuments']({})).toBeNull();
    expect(calls).toEqual([]);
  });
});
