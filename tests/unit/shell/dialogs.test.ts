import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createDialogHandlers, withProjectExtension } from '../../../electron/dialogs';
import type { DialogApi } from '../../../electron/dialogs';
import { ChosenPaths, guardChosenPaths } from '../../../electron/chosenPaths';

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

describe('dialog.saveFile (dossier export)', () => {
  it('suggests the name in the default folder, never a folder from the suggestion, and returns the user’s path', async () => {
    const { api, opened } = fakeDialogs({ save: '/home/ana/Briefs/Мой бриф.pdf' });
    const handlers = createDialogHandlers(api, docs);
    expect(await handlers['dialog.saveFile']({ defaultName: '../../etc/Dossier.pdf', format: 'pdf' })).toEqual({ path: '/home/ana/Briefs/Мой бриф.pdf' });
    const options = opened[0] as SaveDialogOptions;
    expect(options.defaultPath).toBe(path.join(docs, 'Dossier.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it('adds the format’s extension when the name has none, and returns null on cancel', async () => {
    const { api } = fakeDialogs({ save: '/home/ana/brief' });
    expect(await createDialogHandlers(api, docs)['dialog.saveFile']({ defaultName: 'Dossier.docx', format: 'docx' })).toEqual({ path: '/home/ana/brief.docx' });
    const cancelled = fakeDialogs({ canceled: true });
    expect(await createDialogHandlers(cancelled.api, docs)['dialog.saveFile']({ defaultName: 'Dossier.md', format: 'md' })).toBeNull();
  });
});

describe('export.write in the desktop app', () => {
  it('writes only to a path the user chose in the save dialog, and only once', async () => {
    const approved = new ChosenPaths();
    const { api } = fakeDialogs({ save: '/home/ana/brief.md' });
    const calls: unknown[] = [];
    const backend = guardChosenPaths({ dispatch: async (name, input) => (calls.push([name, input]), { ok: true, value: null }) }, approved);
    const handlers = createDialogHandlers(api, docs, approved);

    const forged = await backend.dispatch('export.write', { format: 'md', options: {}, path: '/home/ana/.bashrc' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(calls).toEqual([]);

    const chosen = await handlers['dialog.saveFile']({ defaultName: 'Dossier.md', format: 'md' });
    expect(await backend.dispatch('export.write', { format: 'md', options: {}, path: chosen!.path })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('export.write', { format: 'md', options: {}, path: chosen!.path })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);
    // Every other call passes straight through.
    expect(await backend.dispatch('tags.list', {})).toEqual({ ok: true, value: null });
  });
});

describe('share.exportTo in the desktop app', () => {
  it('writes an annotation file only to the path the user just chose, once', async () => {
    const approved = new ChosenPaths();
    const calls: unknown[] = [];
    const backend = guardChosenPaths({ dispatch: async (name, input) => (calls.push([name, input]), { ok: true, value: null }) }, approved);
    const { api } = fakeDialogs({ save: '/home/ana/for-boris.crossread.json' });
    const handlers = createDialogHandlers(api, docs, approved);

    expect(await backend.dispatch('share.exportTo', { path: '/home/ana/.profile', embedText: false })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const chosen = await handlers['dialog.exportAnnotations']({});
    expect(await backend.dispatch('share.exportTo', { path: chosen!.path, embedText: false })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('share.exportTo', { path: chosen!.path, embedText: false })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);
  });
});

describe('share.import from a path in the desktop app', () => {
  it('reads only the file the user just chose: previews as often as needed, then one import', async () => {
    const chosen = new ChosenPaths();
    const calls: unknown[] = [];
    const backend = guardChosenPaths({ dispatch: async (name, input) => (calls.push([name, input]), { ok: true, value: null }) }, chosen);
    const { api } = fakeDialogs({ open: ['/home/ana/from-boris.crossread.json'] });
    const handlers = createDialogHandlers(api, docs, chosen);

    // A forged path, as preview or as import, never reaches the backend.
    expect(await backend.dispatch('share.import', { path: '/home/ana/.ssh/id_rsa' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await backend.dispatch('share.import', { path: '/etc/passwd', dryRun: false })).toMatchObject({ ok: false });
    expect(calls).toEqual([]);

    const picked = await handlers['dialog.importAnnotations']({});
    expect(await backend.dispatch('share.import', { path: picked!.path })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('share.import', { path: picked!.path, dryRun: true })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('share.import', { path: picked!.path, dryRun: false })).toEqual({ ok: true, value: null });
    // Applied once: the approval is used up.
    expect(await backend.dispatch('share.import', { path: picked!.path, dryRun: false })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(3);
    // Bytes sent by browser mode's file input name no path and pass through.
    expect(await backend.dispatch('share.import', { file: { name: 'a.json', dataBase64: 'e30=' } })).toEqual({ ok: true, value: null });
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
