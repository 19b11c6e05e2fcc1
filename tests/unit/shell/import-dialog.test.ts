import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpenDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createDialogHandlers, MAX_PICKED_FILES } from '../../../electron/dialogs';
import type { DialogApi } from '../../../electron/dialogs';

function picking(filePaths: string[], canceled = false) {
  const opened: OpenDialogOptions[] = [];
  const api: DialogApi = {
    showOpenDialog: async (options) => {
      opened.push(options);
      return { canceled, filePaths: canceled ? [] : filePaths };
    },
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
  };
  return { handlers: createDialogHandlers(api, os.tmpdir()), opened };
}

describe('dialog.importDocuments', () => {
  it('offers several documents of the importable types and hands back their bytes, not their paths', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-pick-'));
    const a = path.join(dir, 'Интервью.txt');
    fs.writeFileSync(a, 'date 2025-11-07\nТекст интервью.');
    const big = path.join(dir, 'huge.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 20 * 1024 * 1024 + 1);

    const { handlers, opened } = picking([a, big]);
    const value = await handlers['dialog.importDocuments']({});
    expect(opened[0]?.properties).toEqual(['openFile', 'multiSelections']);
    expect(opened[0]?.filters?.[0]).toEqual({ name: 'Documents', extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'] });
    expect(value).toEqual({
      files: [
        { name: 'Интервью.txt', size: fs.statSync(a).size, dataBase64: fs.readFileSync(a).toString('base64') },
        // Over the 20 MB limit: not read; the page reports it.
        { name: 'huge.txt', size: 20 * 1024 * 1024 + 1, dataBase64: '' },
      ],
    });
    fs.rmSync(dir, { recursive: true });
  });

  it('returns null when cancelled, and refuses more files than one import takes', async () => {
    expect(await picking([], true).handlers['dialog.importDocuments']({})).toBeNull();
    const many = Array.from({ length: MAX_PICKED_FILES + 1 }, (_, i) => `/nowhere/${i}.txt`);
    await expect(picking(many).handlers['dialog.importDocuments']({})).rejects.toThrow(/at most 50 files/);
  });
});
