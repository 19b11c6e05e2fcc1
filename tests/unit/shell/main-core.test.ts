/**
 * The main process with the real core in a real utility process (the bundled core-host forked
 * through the typed stand-in): the page's calls reach it, a dossier PDF is printed by main's hidden
 * window at its request, and quitting waits for the page's last save to land before it closes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../electron/core/backend';
import { buildCoreHost } from './core-host-bundle';
import type { ElectronStandin } from './electron-standin';

/** A child process under a busy machine can take a while; nothing here measures speed. */
const SLOW = { timeout: 15_000 };

vi.mock('electron', async () => (await import('./electron-standin')).createElectron());
// Electron's unpatched fs; plain Node's fs is the same thing.
vi.mock('original-fs', async () => {
  const fs = await import('node:fs');
  return { ...fs, default: fs };
});

/** Where main.ts (electron/main.ts under the tests) looks for the host: beside itself. */
const HOST_BESIDE_MAIN = path.resolve(__dirname, '../../../electron/core-host.cjs');

let host: Awaited<ReturnType<typeof buildCoreHost>>;
beforeAll(async () => {
  host = await buildCoreHost();
});
afterAll(() => host.remove());

let electron: ElectronStandin;
let home: string;

beforeEach(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-main-core-'));
  vi.stubEnv('CROSSREAD_HOME', home);
  vi.resetModules();
  vi.doMock('electron', async () => (await import('./electron-standin')).createElectron());
  electron = (await import('electron')) as unknown as ElectronStandin;
  electron.standin.utilityModules.set(HOST_BESIDE_MAIN, host.file);
  await import('../../../electron/main');
  electron.app.becomeReady();
  await vi.waitFor(() => expect(electron.standin.windows.length > 0 || electron.app.log.some((entry) => entry.startsWith('exit'))).toBe(true), SLOW);
});

afterEach(async () => {
  // Quit as a user would, so the core closes its project and its process ends.
  if (!electron.app.log.includes('quit event')) {
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.log).toContain('quit event'), SLOW);
  }
  await vi.waitFor(() => expect(electron.standin.utilityProcesses.filter((child) => child.pid !== undefined)).toEqual([]), SLOW);
  vi.unstubAllEnvs();
  fs.rmSync(home, { recursive: true, force: true });
});

const invoke = (name: string, input: unknown) => electron.ipcRenderer.invoke(`api:${name}`, input) as Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;

/** A new project, named in the New Project dialog as a user would (the shell creates it only where the dialog said). */
async function createProject(): Promise<string> {
  electron.dialog.saveAnswers.push(path.join(home, 'Accords.crossread'));
  const chosen = (await electron.ipcRenderer.invoke('shell:dialog.createProject', {})) as { ok: boolean; value: { path: string } };
  const created = await invoke('project.create', { path: chosen.value.path });
  expect(created.ok).toBe(true);
  return (created.value as { path: string }).path;
}

describe('the main process with the core in a utility process', () => {
  it('the page’s calls are answered by the core in the utility process', async () => {
    expect(electron.standin.utilityProcesses).toHaveLength(1);
    const file = await createProject();
    expect(await invoke('project.current', {})).toMatchObject({ ok: true, value: { path: file } });
    // Main's own questions go the same way: the recent list behind the File menu.
    expect(await invoke('project.recent', {})).toMatchObject({ ok: true, value: [{ path: file }] });
    // The log says where the core runs.
    const logged = fs.readFileSync(path.join(home, 'logs', 'crossread.log'), 'utf8');
    expect(logged).toContain('the core runs in the utility process');
  });

  it('a dossier PDF the core builds is printed in main’s hidden PDF window', async () => {
    await createProject();
    const built = await invoke('export.build', { format: 'pdf', options: {} });
    expect(built.ok).toBe(true);
    const bytes = Buffer.from((built.value as { dataBase64: string }).dataBase64, 'base64').toString();
    expect(bytes).toMatch(/^%PDF- file:\/\/.*dossier\.html$/);
    const pdfWindows = electron.standin.windows.filter((w) => w.options.webPreferences?.partition === 'crossread-pdf');
    expect(pdfWindows).toHaveLength(1);
    expect(pdfWindows[0]!.destroyed).toBe(true);
  });

  it('typing in the last moments before Quit is saved: the page’s last save lands in the core’s process before it closes', async () => {
    const file = await createProject();
    const win = electron.standin.windows[0]!;
    const answers: unknown[] = [];
    // The page saves its layout as it goes away (pagehide), after Quit was chosen.
    win.webContents.on('pagehide', () => {
      void invoke('layout.set', { panes: [], sidebar: false }).then((answer) => answers.push(answer));
    });
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.log).toContain('quit event'), SLOW);
    // The first quit waited for the core; the second one finished it.
    expect(electron.app.log.filter((entry) => entry.startsWith('quit'))).toEqual(['quit', 'quit prevented', 'quit', 'quit event']);
    expect(answers).toEqual([{ ok: true, value: { panes: [], sidebar: false, inspector: true, view: null, connectors: true, followLinks: false } }]);
    expect(electron.standin.utilityProcesses[0]!.pid).toBeUndefined();
    // The project was closed properly (its writer lock released) with the save in it.
    const reopened = createBackend({ homeDir: home, resourcesDir: home, version: '0', projectPath: file, backupSchedule: false });
    expect(await reopened.call('layout.get', {})).toMatchObject({ sidebar: false });
    reopened.close();
  });
});
