/**
 * The preload as the page uses it, wired to the main process's real IPC registration through the
 * typed Electron stand-in: a call goes page → preload → ipcRenderer → ipcMain handler → backend.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_NAMES, SHELL_NAMES } from '../../../shared/contract';
import type { ApiResponse, ShellName } from '../../../shared/contract';
import type { CrossreadBridge } from '../../../electron/preload';
import { registerIpc } from '../../../electron/ipc';
import type { ShellHandlers } from '../../../electron/ipc';
import type { ElectronStandin } from './electron-standin';

vi.mock('electron', async () => (await import('./electron-standin')).createElectron());

const electron = (await import('electron')) as unknown as ElectronStandin;
await import('../../../electron/preload');

const dispatched: string[] = [];
const shellCalls: string[] = [];
const backend = {
  dispatch: (name: string): Promise<ApiResponse<unknown>> => {
    dispatched.push(name);
    return Promise.resolve({ ok: true, value: name });
  },
};
const recordShell = (name: ShellName) => () => {
  shellCalls.push(name);
  return Promise.resolve(null);
};
const shellHandlers = Object.fromEntries(SHELL_NAMES.map((name) => [name, recordShell(name)])) as unknown as ShellHandlers;
registerIpc(electron.ipcMain, backend, shellHandlers);

/** A valid input for each shell call (they are validated before their handler runs). */
const SHELL_INPUTS: Partial<Record<ShellName, unknown>> = { 'dialog.saveFile': { defaultName: 'Dossier.html', format: 'html' }, 'dialog.exportRefi': { kind: 'qdpx', defaultName: 'Project.qdpx' }, 'dialog.saveFigure': { kind: 'svg', defaultName: 'Claim graph.svg' } };

function bridge(): CrossreadBridge {
  const api = electron.contextBridge.mainWorld.crossread;
  if (!api) throw new Error('window.crossread was not exposed');
  return api as CrossreadBridge;
}

beforeEach(() => {
  dispatched.length = 0;
  shellCalls.length = 0;
  electron.ipcRenderer.pageUrl = 'app://crossread/index.html';
});

describe('preload bridge', () => {
  it('exposes exactly one small object, and not ipcRenderer', () => {
    expect(Object.keys(electron.contextBridge.mainWorld)).toEqual(['crossread']);
    const api = bridge();
    expect(Object.keys(api).sort()).toEqual(['invoke', 'invokeShell', 'onCommand', 'onImportProgress', 'transport']);
    expect(api.transport).toBe('electron');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('the dossier summary and the dossier export settings reach the backend from the desktop app', async () => {
    for (const name of ['dossier.summary.get', 'dossier.summary.save', 'dossier.settings.get'] as const) {
      expect(API_NAMES).toContain(name);
      expect(await bridge().invoke(name, {})).toEqual({ ok: true, value: name });
    }
    expect(dispatched).toEqual(['dossier.summary.get', 'dossier.summary.save', 'dossier.settings.get']);
  });

  it.each(API_NAMES)('every contract call reaches the backend through the preload: %s', async (name) => {
    expect(await bridge().invoke(name, {})).toEqual({ ok: true, value: name });
    expect(dispatched).toEqual([name]);
  });

  it.each(SHELL_NAMES)('every shell call reaches its handler through the preload: %s', async (name) => {
    expect(await bridge().invokeShell(name, SHELL_INPUTS[name] ?? {})).toEqual({ ok: true, value: null });
    expect(shellCalls).toEqual([name]);
  });

  it.each([['../x'], ['api:tags.list'], ['tags'], ['Tags.list'], ['tags.li st'], ['dialog.openProject']])(
    'answers the name %j, which the main process does not serve as an API call, with a clear error',
    async (name) => {
      const answer = await bridge().invoke(name, {});
      expect(answer).toEqual({ ok: false, error: { code: 'bad-input', message: `unknown call: ${JSON.stringify(name)}` } });
      expect(dispatched).toEqual([]);
    },
  );

  it('refuses a name that is not a short string without sending anything', async () => {
    const invoke = bridge().invoke as (name: unknown, input: unknown) => Promise<unknown>;
    expect(await invoke({ toString: () => 'tags.list' }, {})).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await invoke('', {})).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await invoke(`tags.${'x'.repeat(200)}`, {})).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(dispatched).toEqual([]);
  });

  it('is refused by the main process when the page has navigated away from the app', async () => {
    electron.ipcRenderer.pageUrl = 'https://evil.example/';
    expect(await bridge().invoke('tags.list', {})).toEqual({ ok: false, error: { code: 'bad-input', message: 'refused: unknown sender' } });
    expect(dispatched).toEqual([]);
  });

  it('cannot send a value IPC cannot carry, and answers instead of throwing', async () => {
    const answer = await bridge().invoke('tags.list', { callback: () => undefined });
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers menu commands as strings only, and unsubscribes', () => {
    const received: unknown[] = [];
    const stop = bridge().onCommand((...args: unknown[]) => received.push(args));
    const [win] = [new electron.BrowserWindow()];
    win.webContents.send('command', 'project.open');
    win.webContents.send('command', { not: 'a string' });
    expect(received).toEqual([['project.open']]);
    stop();
    win.webContents.send('command', 'project.new');
    expect(received).toEqual([['project.open']]);
    expect(electron.ipcRenderer.listenerCount('command')).toBe(0);
  });

  it('delivers import progress without the IPC event, and unsubscribes', () => {
    const received: unknown[] = [];
    const stop = bridge().onImportProgress((...args: unknown[]) => received.push(args));
    const win = new electron.BrowserWindow();
    win.webContents.send('import-progress', { done: 1, total: 3, name: 'a.txt' });
    win.webContents.send('import-progress', 'not progress');
    expect(received).toEqual([[{ done: 1, total: 3, name: 'a.txt' }]]);
    stop();
    expect(electron.ipcRenderer.listenerCount('import-progress')).toBe(0);
  });
});

describe('the built preload', () => {
  it('loads nothing but electron at run time, as a sandboxed preload must (no zod, no contract tables)', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const bundle = fs.readFileSync(path.resolve(__dirname, '../../../out/electron/preload.cjs'), 'utf8');
    expect([...new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))]).toEqual(['electron']);
    expect(bundle).not.toMatch(/\bzod\b|ZodError/);
  });
});
