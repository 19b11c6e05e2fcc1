import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createDialogHandlers, withExtension } from '../../../electron/dialogs';
import type { DialogApi } from '../../../electron/dialogs';
import { ChosenPaths, guardChosenPaths, READS_FROM_CHOSEN_PATH, WRITES_TO_CHOSEN_PATH } from '../../../electron/chosenPaths';
import { PATH_INPUTS } from '../../../shared/contract';

/**
 * A dialog stand-in: records the options it was opened with and answers as the user would;
 * `saves` answers successive save dialogs in turn (undefined: the user cancels that one).
 */
function fakeDialogs(answer: { open?: string[]; save?: string; saves?: (string | undefined)[]; canceled?: boolean }) {
  const opened: Array<OpenDialogOptions | SaveDialogOptions> = [];
  const saves = answer.saves ?? [answer.canceled ? undefined : answer.save];
  const api: DialogApi = {
    showOpenDialog: async (options) => {
      opened.push(options);
      return { canceled: answer.canceled ?? false, filePaths: answer.canceled ? [] : (answer.open ?? []) };
    },
    showSaveDialog: async (options) => {
      opened.push(options);
      const filePath = saves.shift();
      return filePath === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath };
    },
  };
  return { api, opened };
}

/** The dialogs under test; importing documents is tested in import-chosen.test.ts. */
function handlersFor(api: DialogApi, approve = new ChosenPaths()) {
  return createDialogHandlers(api, docs, approve, () => Promise.reject(new Error('no document import expected here')));
}

const docs = path.resolve('/home/ana/Documents');

describe('dialog.openProject', () => {
  it('asks for one *.crossread file and returns its path', async () => {
    const { api, opened } = fakeDialogs({ open: ['/home/ana/Gaza.crossread'] });
    const value = await handlersFor(api)['dialog.openProject']({});
    expect(value).toEqual({ path: '/home/ana/Gaza.crossread' });
    const options = opened[0] as OpenDialogOptions;
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([{ name: 'Crossread project', extensions: ['crossread'] }]);
  });

  it('returns null when the user cancels', async () => {
    const { api } = fakeDialogs({ canceled: true });
    expect(await handlersFor(api)['dialog.openProject']({})).toBeNull();
  });
});

describe('dialog.createProject', () => {
  it('suggests Research.crossread in the default folder and returns the chosen path', async () => {
    const { api, opened } = fakeDialogs({ save: '/home/ana/Abraham.crossread' });
    expect(await handlersFor(api)['dialog.createProject']({})).toEqual({ path: '/home/ana/Abraham.crossread' });
    const options = opened[0] as SaveDialogOptions;
    expect(options.defaultPath).toBe(path.join(docs, 'Research.crossread'));
    expect(options.filters).toEqual([{ name: 'Crossread project', extensions: ['crossread'] }]);
  });

  it('adds the extension when the dialog did not', async () => {
    const { api } = fakeDialogs({ save: '/home/ana/Abraham' });
    expect(await handlersFor(api)['dialog.createProject']({})).toEqual({ path: '/home/ana/Abraham.crossread' });
  });

  it('returns null when the user cancels', async () => {
    const { api } = fakeDialogs({ canceled: true });
    expect(await handlersFor(api)['dialog.createProject']({})).toBeNull();
  });
});

describe('withExtension', () => {
  it('keeps an existing extension in any case, and adds one to a name whose dot is not an extension', () => {
    expect(withExtension('/a/B.Crossread', ['crossread'])).toBe('/a/B.Crossread');
    expect(withExtension('/a/b.txt', ['crossread'])).toBe('/a/b.txt.crossread');
    expect(withExtension('/a/v1.2', ['html'])).toBe('/a/v1.2.html');
    expect(withExtension('/a/x.jsonld', ['json', 'jsonld'])).toBe('/a/x.jsonld');
  });
});

describe('save dialogs on Linux, which return the typed name without the filter’s extension', () => {
  const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-save-'));

  it('a Linux export named without its extension never overwrites a file the user did not confirm', async () => {
    const dir = folder();
    const existing = path.join(dir, 'brief.html');
    fs.writeFileSync(existing, 'yesterday’s brief');
    const approved = new ChosenPaths();
    // The user types "brief" (the GTK dialog checked only "brief"), then confirms "brief.html".
    const { api, opened } = fakeDialogs({ saves: [path.join(dir, 'brief'), existing] });
    const chosen = await handlersFor(api, approved)['dialog.saveFile']({ defaultName: 'Dossier.html', format: 'html' });
    expect(opened).toHaveLength(2);
    expect((opened[1] as SaveDialogOptions).defaultPath).toBe(existing);
    expect((opened[1] as SaveDialogOptions).properties).toContain('showOverwriteConfirmation');
    expect(chosen).toEqual({ path: existing });
    expect(approved.consumeWrite(existing)).toBe(true);
    fs.rmSync(dir, { recursive: true });
  });

  it('cancelling the second dialog approves nothing', async () => {
    const dir = folder();
    const existing = path.join(dir, 'brief.html');
    fs.writeFileSync(existing, 'yesterday’s brief');
    const approved = new ChosenPaths();
    const { api } = fakeDialogs({ saves: [path.join(dir, 'brief'), undefined] });
    expect(await handlersFor(api, approved)['dialog.saveFile']({ defaultName: 'Dossier.html', format: 'html' })).toBeNull();
    expect(approved.consumeWrite(existing)).toBe(false);
    expect(fs.readFileSync(existing, 'utf8')).toBe('yesterday’s brief');
    fs.rmSync(dir, { recursive: true });
  });

  it('a name with a dot such as "v1.2" gets the extension, and a free name needs no second dialog', async () => {
    const dir = folder();
    const { api, opened } = fakeDialogs({ saves: [path.join(dir, 'v1.2')] });
    expect(await handlersFor(api)['dialog.saveFile']({ defaultName: 'Dossier', format: 'html' })).toEqual({ path: path.join(dir, 'v1.2.html') });
    expect(opened).toHaveLength(1);
    // The suggestion carries the extension before the dialog opens.
    expect((opened[0] as SaveDialogOptions).defaultPath).toBe(path.join(docs, 'Dossier.html'));
    fs.rmSync(dir, { recursive: true });
  });

  it('a new project named over an existing project file without its extension asks again', async () => {
    const dir = folder();
    const existing = path.join(dir, 'Gaza.crossread');
    fs.writeFileSync(existing, 'a project');
    const { api, opened } = fakeDialogs({ saves: [path.join(dir, 'Gaza'), undefined] });
    expect(await handlersFor(api)['dialog.createProject']({})).toBeNull();
    expect((opened[1] as SaveDialogOptions).defaultPath).toBe(existing);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('dialog.saveFile (dossier export)', () => {
  it('suggests the name in the default folder, never a folder from the suggestion, and returns the user’s path', async () => {
    const { api, opened } = fakeDialogs({ save: '/home/ana/Briefs/Мой бриф.pdf' });
    const handlers = handlersFor(api);
    expect(await handlers['dialog.saveFile']({ defaultName: '../../etc/Dossier.pdf', format: 'pdf' })).toEqual({ path: '/home/ana/Briefs/Мой бриф.pdf' });
    const options = opened[0] as SaveDialogOptions;
    expect(options.defaultPath).toBe(path.join(docs, 'Dossier.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it('adds the format’s extension when the name has none, and returns null on cancel', async () => {
    const { api } = fakeDialogs({ save: '/home/ana/brief' });
    expect(await handlersFor(api)['dialog.saveFile']({ defaultName: 'Dossier.docx', format: 'docx' })).toEqual({ path: '/home/ana/brief.docx' });
    const cancelled = fakeDialogs({ canceled: true });
    expect(await handlersFor(cancelled.api)['dialog.saveFile']({ defaultName: 'Dossier.md', format: 'md' })).toBeNull();
  });
});

describe('export.write in the desktop app', () => {
  it('writes only to a path the user chose in the save dialog, and only once', async () => {
    const approved = new ChosenPaths();
    const { api } = fakeDialogs({ save: '/home/ana/brief.md' });
    const calls: unknown[] = [];
    const backend = guardChosenPaths({ dispatch: async (name, input) => (calls.push([name, input]), { ok: true, value: null }) }, approved);
    const handlers = handlersFor(api, approved);

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
    const handlers = handlersFor(api, approved);

    expect(await backend.dispatch('share.exportTo', { path: '/home/ana/.profile', embedText: false })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const chosen = await handlers['dialog.exportAnnotations']({});
    expect(await backend.dispatch('share.exportTo', { path: chosen!.path, embedText: false })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('share.exportTo', { path: chosen!.path, embedText: false })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);
  });
});

describe('agreement.write in the desktop app', () => {
  it('writes the agreement report only to the path the user just chose in the save dialog, once', async () => {
    const approved = new ChosenPaths();
    const calls: unknown[] = [];
    const backend = guardChosenPaths({ dispatch: async (name, input) => (calls.push([name, input]), { ok: true, value: null }) }, approved);
    const { api } = fakeDialogs({ save: '/home/ana/agreement.csv' });
    const handlers = handlersFor(api, approved);

    expect(await backend.dispatch('agreement.write', { format: 'csv', path: '/home/ana/.profile' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const chosen = await handlers['dialog.saveFile']({ defaultName: 'Intercoder agreement.csv', format: 'csv' });
    expect(await backend.dispatch('agreement.write', { format: 'csv', path: chosen!.path })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('agreement.write', { format: 'csv', path: chosen!.path })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);
  });
});

describe('share.import from a path in the desktop app', () => {
  it('reads only the file the user just chose: previews as often as needed, then one import', async () => {
    const chosen = new ChosenPaths();
    const calls: unknown[] = [];
    const backend = guardChosenPaths({ dispatch: async (name, input) => (calls.push([name, input]), { ok: true, value: null }) }, chosen);
    const { api } = fakeDialogs({ open: ['/home/ana/from-boris.crossread.json'] });
    const handlers = handlersFor(api, chosen);

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
    expect(await handlersFor(save.api)['dialog.exportAnnotations']({})).toEqual({ path: '/home/ana/for-boris.crossread.json' });
    expect((save.opened[0] as SaveDialogOptions).defaultPath).toBe(path.join(docs, 'annotations.crossread.json'));
    const open = fakeDialogs({ open: ['/home/ana/hypothesis.json'] });
    expect(await handlersFor(open.api)['dialog.importAnnotations']({})).toEqual({ path: '/home/ana/hypothesis.json' });
    const options = open.opened[0] as OpenDialogOptions;
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([{ name: 'Annotation files', extensions: ['json', 'jsonld'] }]);
  });

  it('return null when the user cancels', async () => {
    const { api } = fakeDialogs({ canceled: true });
    expect(await handlersFor(api)['dialog.exportAnnotations']({})).toBeNull();
    expect(await handlersFor(api)['dialog.importAnnotations']({})).toBeNull();
  });
});

describe('every call that names a path is guarded in the desktop app', () => {
  const forged = '/home/ana/.ssh/id_rsa';
  const passThrough = () => {
    const calls: string[] = [];
    const backend = guardChosenPaths({ dispatch: async (name) => (calls.push(name), { ok: true, value: null }) }, new ChosenPaths());
    return { backend, calls };
  };

  it('each entry of PATH_INPUTS is a write to or a read from a path the user chose', () => {
    const guarded = new Set([...WRITES_TO_CHOSEN_PATH, ...READS_FROM_CHOSEN_PATH]);
    expect(Object.keys(PATH_INPUTS).filter((name) => !guarded.has(name))).toEqual([]);
  });

  it('a path the page made up is refused by each of them before the core sees it', async () => {
    const { backend, calls } = passThrough();
    for (const name of Object.keys(PATH_INPUTS)) {
      expect(await backend.dispatch(name, { path: forged, dryRun: false }), name).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect(calls).toEqual([]);
  });

  it('an import job started with a path the page made up reads nothing (the job API was not guarded)', async () => {
    const { backend, calls } = passThrough();
    expect(await backend.dispatch('share.startImport', { path: '/etc/passwd', dryRun: true })).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('the codebook is written only where the user chose in the save dialog (codebook.write was not guarded)', async () => {
    const approved = new ChosenPaths();
    const calls: string[] = [];
    const backend = guardChosenPaths({ dispatch: async (name) => (calls.push(name), { ok: true, value: null }) }, approved);
    expect(await backend.dispatch('codebook.write', { format: 'md', path: '/home/ana/.bashrc' })).toMatchObject({ ok: false });
    const { api } = fakeDialogs({ save: '/home/ana/codebook.md' });
    const chosen = await handlersFor(api, approved)['dialog.saveFile']({ defaultName: 'Codebook.md', format: 'md' });
    expect(await backend.dispatch('codebook.write', { format: 'md', path: chosen!.path })).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['codebook.write']);
  });

  it('a project opens or is created only where the user chose in the project dialogs, and opening may be tried again', async () => {
    const approved = new ChosenPaths();
    const calls: string[] = [];
    const backend = guardChosenPaths({ dispatch: async (name) => (calls.push(name), { ok: true, value: null }) }, approved);
    const opened = await handlersFor(fakeDialogs({ open: ['/home/ana/Gaza.crossread'] }).api, approved)['dialog.openProject']({});
    expect(await backend.dispatch('project.open', { path: opened!.path })).toEqual({ ok: true, value: null });
    // The second try takes over a lock left by an app that closed badly.
    expect(await backend.dispatch('project.open', { path: opened!.path, takeOver: true })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('project.open', { path: '/home/ana/other.crossread' })).toMatchObject({ ok: false });
    const created = await handlersFor(fakeDialogs({ save: '/home/ana/New.crossread' }).api, approved)['dialog.createProject']({});
    expect(await backend.dispatch('project.create', { path: created!.path })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('project.create', { path: '/home/ana/.profile' })).toMatchObject({ ok: false });
    expect(calls).toEqual(['project.open', 'project.open', 'project.create']);
  });
});

describe('REFI-QDA projects in the desktop app', () => {
  it('a .qdpx is written only to the path the Save dialog just returned, and read only from the one the Open dialog returned', async () => {
    const chosen = new ChosenPaths();
    const calls: unknown[] = [];
    const backend = guardChosenPaths({ dispatch: async (name, input) => (calls.push([name, input]), { ok: true, value: null }) }, chosen);
    const { api } = fakeDialogs({ save: '/home/ana/study.qdpx', open: ['/home/ana/from-nvivo.qdpx'] });
    const handlers = handlersFor(api, chosen);

    expect(await backend.dispatch('refi.exportTo', { path: '/home/ana/.profile' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await backend.dispatch('refi.import', { path: '/home/ana/.ssh/id_rsa' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(calls).toEqual([]);

    const saveTo = await handlers['dialog.exportRefi']({ kind: 'qdpx', defaultName: 'study.qdpx' });
    expect(await backend.dispatch('refi.exportTo', { path: saveTo!.path })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('refi.exportTo', { path: saveTo!.path })).toMatchObject({ ok: false });
    const picked = await handlers['dialog.importRefi']({});
    expect(await backend.dispatch('refi.import', { path: picked!.path, dryRun: true })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('refi.import', { path: picked!.path, dryRun: false })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('refi.import', { path: picked!.path, dryRun: false })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(3);
  });
});

describe('graph and timeline figures in the desktop app', () => {
  it('a graph figure is saved through the native save dialog, written only to the path it returned, once', async () => {
    const approved = new ChosenPaths();
    const calls: unknown[] = [];
    const backend = guardChosenPaths({ dispatch: async (name, input) => (calls.push([name, input]), { ok: true, value: null }) }, approved);
    const { api, opened } = fakeDialogs({ save: '/home/ana/Figures/graph' });
    const handlers = handlersFor(api, approved);

    const svg = { kind: 'svg', dataBase64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>').toString('base64') };
    expect(await backend.dispatch('figure.write', { ...svg, path: '/home/ana/.bashrc' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const chosen = await handlers['dialog.saveFigure']({ kind: 'svg', defaultName: '../Claim graph.svg' });
    expect(chosen).toEqual({ path: '/home/ana/Figures/graph.svg' });
    const options = opened[0] as SaveDialogOptions;
    expect(options.defaultPath).toBe(path.join(docs, 'Claim graph.svg'));
    expect(options.filters).toEqual([{ name: 'SVG image', extensions: ['svg'] }]);
    expect(await backend.dispatch('figure.write', { ...svg, path: chosen!.path })).toEqual({ ok: true, value: null });
    expect(await backend.dispatch('figure.write', { ...svg, path: chosen!.path })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);

    const png = fakeDialogs({ save: '/home/ana/graph.png' });
    expect(await handlersFor(png.api)['dialog.saveFigure']({ kind: 'png', defaultName: 'Claim graph' })).toEqual({ path: '/home/ana/graph.png' });
    expect((png.opened[0] as SaveDialogOptions).filters).toEqual([{ name: 'PNG image', extensions: ['png'] }]);
    expect(await handlersFor(fakeDialogs({ canceled: true }).api)['dialog.saveFigure']({ kind: 'png', defaultName: 'g.png' })).toBeNull();
  });
});
