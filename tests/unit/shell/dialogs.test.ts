import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createDialogHandlers, withProjectExtension } from '../../../electron/dialogs';
import type { DialogApi } from '../../../electron/dialogs';

/** A dialog stand-in: records the options it was opened with and answers as the user would. */
function fakeDialogs(answer: { open?: string[]; save?: string; canceled?: boolean }) {
  const opened: Array<OpenDialogOptions | SaveDialogOptions> = [];
  const api: DialogApi = {
    showOpenDialog: async (options) => {
      opened.push(options);
      return { canceled: answer.canceled ?? false, filePaths: answer.canceled ? [] : (answer.open ?? []) };
    },
    showSaveDialog: async (options) => {
      opened.push(options);
      return { canceled: answer.canceled ?? false, filePath: answer.canceled ? '' : (answer.save ?? '') };
    },
  };
  return { api, opened };
}

const docs = path.resolve('/home/ana/Documents');

describe('dialog.openProject', () => {
  it('asks for one *.crossread file and returns its path', async () => {
    const { api, opened } = fakeDialogs({ open: ['/home/ana/Gaza.crossread'] });
    const value = await createDialogHandlers(api, docs)['dialog.openProject']({});
    expect(value).toEqual({ path: '/home/ana/Gaza.crossread' });
    const options = opened[0] as OpenDialogOptions;
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([{ name: 'Crossread project', extensions: ['crossread'] }]);
  });

  it('returns null when the user cancels', async () => {
    const { api } = fakeDialogs({ canceled: true });
    expect(await createDialogHandlers(api, docs)['dialog.openProject']({})).toBeNull();
  });
});

describe('dialog.createProject', () => {
  it('suggests Research.crossread in the default folder and returns the chosen path', async () => {
    const { api, opened } = fakeDialogs({ save: '/home/ana/Abraham.crossread' });
    expect(await createDialogHandlers(api, docs)['dialog.createProject']({})).toEqual({ path: '/home/ana/Abraham.crossread' });
    const options = opened[0] as SaveDialogOptions;
    expect(options.defaultPath).toBe(path.join(docs, 'Research.crossread'));
    expect(options.filters).toEqual([{ name: 'Crossread project', extensions: ['crossread'] }]);
  });

  it('adds the extension when the dialog did not', async () => {
    const { api } = fakeDialogs({ save: '/home/ana/Abraham' });
    expect(await createDialogHandlers(api, docs)['dialog.createProject']({})).toEqual({ path: '/home/ana/Abraham.crossread' });
  });

  it('returns null when the user cancels', async () => {
    const { api } = fakeDialogs({ canceled: true });
    expect(await createDialogHandlers(api, docs)['dialog.createProject']({})).toBeNull();
  });
});

describe('withProjectExtension', () => {
  it('keeps an existing .crossread extension in any case', () => {
    expect(withProjectExtension('/a/B.Crossread')).toBe('/a/B.Crossread');
    expect(withProjectExtension('/a/b.txt')).toBe('/a/b.txt.crossread');
  });
});

describe('annotation file dialogs', () => {
  it('export suggests annotations.crossread.json and returns the chosen path; import asks for one JSON file', async () => {
    const save = fakeDialogs({ save: '/home/ana/for-boris.crossread.json' });
    expect(await createDialogHandlers(save.api, docs)['dialog.exportAnnotations']({})).toEqual({ path: '/home/ana/for-boris.crossread.json' });
    expect((save.opened[0] as SaveDialogOptions).defaultPath).toBe(path.join(docs, 'annotations.crossread.json'));
    const open = fakeDialogs({ open: ['/home/ana/hypothesis.json'] });
    expect(await createDialogHandlers(open.api, docs)['dialog.importAnnotations']({})).toEqual({ path: '/home/ana/hypothesis.json' });
    const options = open.opened[0] as OpenDialogOptions;
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([{ name: 'Annotation files', extensions: ['json', 'jsonld'] }]);
  });

  it('return null when the user cancels', async () => {
    const { api } = fakeDialogs({ canceled: true });
    expect(await createDialogHandlers(api, docs)['dialog.exportAnnotations']({})).toBeNull();
    expect(await createDialogHandlers(api, docs)['dialog.importAnnotations']({})).toBeNull();
  });
});
