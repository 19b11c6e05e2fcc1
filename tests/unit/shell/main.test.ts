/**
 * The main process under the typed Electron stand-in (electron-standin.ts), with a recording
 * backend: start-up order, quitting, files handed over by the system, and the lockdown every
 * web contents gets. The utility process is refused here, so the core runs in the main process
 * (core-client.ts's fallback) and the recording backend is that core; main-core.test.ts runs the
 * real core in a real utility process.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { API_NAMES, SHELL_NAMES } from '../../../shared/contract';
import type { ElectronStandin } from './electron-standin';

/** A child process under a busy machine can take a while; nothing here measures speed. */
const SLOW = { timeout: 15_000 };

const fakes = vi.hoisted(() => {
  const state = {
    /** Backend calls and its close, in the order they happened. */
    events: [] as string[],
    backendOptions: [] as Array<{ projectPath?: string; printPdf?: (html: string) => Promise<Buffer> }>,
    dispatched: [] as Array<{ name: string; input: unknown }>,
    logDir: null as string | null,
    /** Runs while the core is being created (the start-up is still under way). */
    whileStarting: null as (() => void) | null,
  };

  const backend = {
    createBackend: (options: { projectPath?: string }) => {
      state.backendOptions.push(options);
      state.whileStarting?.();
      if (options.projectPath?.includes('busy')) throw new Error('busy.crossread is open in another Crossread (browser mode, process 42).');
      let closed = false;
      return {
        dispatch: (name: string, input: unknown) => {
          state.dispatched.push({ name, input });
          state.events.push(name);
          // As the real backend answers once closed.
          if (closed) return Promise.resolve({ ok: false, error: { code: 'no-project', message: 'No project is open.' } });
          if (name === 'project.recent') return Promise.resolve({ ok: true, value: [] });
          if (name === 'project.open' && JSON.stringify(input).includes('missing')) {
            return Promise.resolve({ ok: false, error: { code: 'not-found', message: 'The project file /x/missing.crossread does not exist.' } });
          }
          return Promise.resolve({ ok: true, value: null });
        },
        close: () => {
          closed = true;
          state.events.push('close');
        },
        project: () => null,
      };
    },
  };

  const log = {
    log: {
      toFile: (dir: string) => {
        state.logDir = dir;
        return `${dir}/crossread.log`;
      },
      path: () => (state.logDir ? `${state.logDir}/crossread.log` : null),
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
  };

  function reset(): void {
    state.events = [];
    state.backendOptions = [];
    state.dispatched = [];
    state.logDir = null;
    state.whileStarting = null;
  }
  return { state, backend, log, reset };
});

vi.mock('electron', async () => (await import('./electron-standin')).createElectron());
vi.mock('../../../electron/core/backend', () => fakes.backend);
vi.mock('../../../electron/core/log', () => fakes.log);
// Electron's unpatched fs; plain Node's fs is the same thing.
vi.mock('original-fs', async () => {
  const fs = await import('node:fs');
  return { ...fs, default: fs };
});

const { state } = fakes;
let electron: ElectronStandin;

/** Electron refuses the utility process; the core then runs in the main process. */
function refuseUtilityProcess(): void {
  electron.standin.fork = () => {
    throw new Error('utilityProcess could not be launched');
  };
}

/** A fresh Electron and a fresh main process, as when the app starts. */
async function startMain(): Promise<void> {
  vi.resetModules();
  vi.doMock('electron', async () => (await import('./electron-standin')).createElectron());
  electron = (await import('electron')) as unknown as ElectronStandin;
  refuseUtilityProcess();
  await import('../../../electron/main');
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Ready, and the start-up that follows it (the core starts asynchronously) done. */
async function becomeReady(): Promise<void> {
  electron.app.becomeReady();
  await vi.waitFor(() => expect(electron.standin.windows.length > 0 || electron.app.log.some((entry) => entry.startsWith('exit'))).toBe(true), SLOW);
  await settle();
}

/** The quit has run to its end: the core closed, then the app quit for real. */
const quitDone = () => vi.waitFor(() => expect(electron.app.log).toContain('quit event'), SLOW);

function emitApp(event: string, ...args: unknown[]): void {
  electron.app.emit(event, ...args);
}

const liveWindows = () => electron.standin.windows.filter((w) => !w.destroyed);

function setPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}
const realPlatform = process.platform;

beforeEach(() => {
  fakes.reset();
  vi.stubEnv('CROSSREAD_HOME', '');
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  setPlatform(realPlatform);
});

describe('main process start-up', () => {
  it('registers the scheme before ready and wires protocol, IPC, menu and window after it', async () => {
    await startMain();
    expect(electron.app.log).toEqual(['setName Crossread', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock', 'whenReady']);

    await becomeReady();
    expect([...electron.protocol.handlers.keys()]).toEqual(['app']);
    expect(state.backendOptions).toEqual([
      {
        homeDir: '/home/ana/.config/Crossread',
        resourcesDir: '/repo/resources',
        version: '0.1.0',
        appName: 'the desktop app',
        projectPath: undefined,
        // Dossier PDFs print in the shell's own hidden window (electron/pdf.ts).
        printPdf: expect.any(Function),
      },
    ]);
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(
      [...API_NAMES.map((n) => `api:${n}`), ...SHELL_NAMES.map((n) => `shell:${n}`)].sort(),
    );
    expect(electron.standin.windows).toHaveLength(1);
    const win = electron.standin.windows[0]!;
    expect(win.options.webPreferences?.preload).toMatch(/preload\.cjs$/);
    expect(win.webContents.loaded).toEqual(['app://crossread/index.html']);
    // The menu passed Electron's own template checks.
    expect(electron.Menu.applicationMenu?.items.length).toBeGreaterThan(0);
  });

  it('sends menu commands to the window on the "command" channel', async () => {
    await startMain();
    await becomeReady();
    const items: MenuItemConstructorOptions[] = [];
    const walk = (list: MenuItemConstructorOptions[]): void => {
      for (const entry of list) {
        items.push(entry);
        if (Array.isArray(entry.submenu)) walk(entry.submenu);
      }
    };
    walk(electron.Menu.applicationMenu?.items ?? []);
    const open = items.find((entry) => entry.label === 'Open Project…');
    (open?.click as (() => void) | undefined)?.();
    expect(electron.standin.windows[0]?.webContents.sent).toEqual([['command', 'project.open']]);
  });

  it('uses CROSSREAD_HOME as userData, set before the single-instance lock', async () => {
    vi.stubEnv('CROSSREAD_HOME', '/tmp/crossread-e2e');
    await startMain();
    const { log } = electron.app;
    expect(log.indexOf('setPath userData /tmp/crossread-e2e')).toBeGreaterThanOrEqual(0);
    expect(log.indexOf('setPath userData /tmp/crossread-e2e')).toBeLessThan(log.indexOf('requestSingleInstanceLock'));
    await becomeReady();
    expect(state.backendOptions).toMatchObject([{ homeDir: '/tmp/crossread-e2e' }]);
  });

  it('quits when the last window closes (not on macOS)', async () => {
    await startMain();
    await becomeReady();
    electron.standin.windows[0]!.close();
    expect(electron.app.log).toContain('quit');
    await quitDone();
    expect(state.events.filter((e) => e === 'close')).toEqual(['close']);
  });

  it('quits at once as a second instance, without starting a backend', async () => {
    vi.resetModules();
    vi.doMock('electron', async () => {
      const standin = (await import('./electron-standin')).createElectron();
      standin.app.gotLock = false;
      return standin;
    });
    electron = (await import('electron')) as unknown as ElectronStandin;
    refuseUtilityProcess();
    await import('../../../electron/main');
    expect(electron.app.log).toEqual(['setName Crossread', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock', 'quit', 'quit event']);
    expect(state.backendOptions).toEqual([]);
  });

  it('writes its log into the app folder', async () => {
    await startMain();
    await becomeReady();
    expect(state.logDir).toBe('/home/ana/.config/Crossread/logs');
  });

  it('starts on the welcome screen, saying why, when the project it was asked to open is busy', async () => {
    vi.spyOn(process, 'argv', 'get').mockReturnValue(['/opt/Crossread/crossread', '/data/busy.crossread']);
    await startMain();
    await becomeReady();
    vi.restoreAllMocks();
    expect(state.backendOptions).toMatchObject([{ projectPath: '/data/busy.crossread' }, { appName: 'the desktop app' }]);
    expect(state.backendOptions[1]?.projectPath).toBeUndefined();
    expect(electron.dialog.errorBoxes).toEqual([{ title: 'Crossread could not open this project', content: 'busy.crossread is open in another Crossread (browser mode, process 42).' }]);
    expect(electron.standin.windows).toHaveLength(1);
    expect(electron.app.log).not.toContain('exit 1');
  });
});

describe('the installation check (packaged Linux builds)', () => {
  async function startPackaged(resourcesDir: string): Promise<void> {
    setPlatform('linux');
    Object.defineProperty(process, 'resourcesPath', { value: resourcesDir, configurable: true });
    vi.resetModules();
    vi.doMock('electron', async () => {
      const standin = (await import('./electron-standin')).createElectron();
      standin.app.isPackaged = true;
      return standin;
    });
    electron = (await import('electron')) as unknown as ElectronStandin;
    refuseUtilityProcess();
    await import('../../../electron/main');
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.app.log.some((entry) => entry.startsWith('exit')) || state.backendOptions.length > 0).toBe(true), SLOW);
  }

  async function packagedResources(): Promise<string> {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-packaged-'));
    fs.writeFileSync(path.join(dir, 'app.asar'), 'the app');
    const { writeIntegrityList } = await import('../../../electron/integrity');
    await writeIntegrityList(dir);
    return dir;
  }

  it('starts when the files match the list written at packaging', async () => {
    await startPackaged(await packagedResources());
    expect(state.backendOptions).toHaveLength(1);
    expect(electron.dialog.errorBoxes).toEqual([]);
  });

  it('a packaged Linux app whose files were changed refuses to start, saying so', async () => {
    const dir = await packagedResources();
    (await import('node:fs')).appendFileSync(`${dir}/app.asar`, ' and more');
    await startPackaged(dir);
    expect(state.backendOptions).toEqual([]);
    expect(electron.standin.windows).toEqual([]);
    expect(electron.app.log).toContain('exit 1');
    expect(electron.dialog.errorBoxes[0]?.content).toMatch(/app\.asar has changed/);
  });
});

describe('quitting', () => {
  it('typing in the last moments before Quit is saved: the page’s last save lands before the backend closes', async () => {
    await startMain();
    await becomeReady();
    const win = electron.standin.windows[0]!;
    const answers: unknown[] = [];
    // The page saves the note being typed as it goes away (pagehide), after Quit was chosen.
    win.webContents.on('pagehide', () => {
      void electron.ipcRenderer.invoke('api:notes.save', { text: 'last words' }).then((answer) => answers.push(answer));
    });
    electron.app.quit();
    await quitDone();
    expect(answers).toEqual([{ ok: true, value: null }]);
    expect(state.events.slice(-2)).toEqual(['notes.save', 'close']);
  });

  it('closes the backend once, even when quit is asked twice', async () => {
    await startMain();
    await becomeReady();
    electron.app.quit();
    emitApp('will-quit', { preventDefault: () => undefined });
    await quitDone();
    expect(state.events.filter((e) => e === 'close')).toEqual(['close']);
  });
});

describe('project files handed over by the system', () => {
  it('opens a project file handed over by a second start, and has the page read it', async () => {
    await startMain();
    await becomeReady();
    emitApp('second-instance', {}, ['/opt/Crossread/crossread', 'Gaza.crossread'], '/home/ana/work');
    await settle();
    expect(state.dispatched).toContainEqual({ name: 'project.open', input: { path: '/home/ana/work/Gaza.crossread' } });
    expect(electron.standin.windows[0]?.webContents.sent).toContainEqual(['command', 'project.reload']);
  });

  it('explains a project that cannot be opened instead of switching', async () => {
    await startMain();
    await becomeReady();
    emitApp('second-instance', {}, ['crossread', '/x/missing.crossread'], '/');
    await settle();
    expect(electron.dialog.opened).toEqual([
      { type: 'error', message: 'Crossread could not open this project', detail: 'The project file /x/missing.crossread does not exist.' },
    ]);
    expect(electron.standin.windows[0]?.webContents.sent).toEqual([]);
  });

  it('opens a file macOS handed over before the app was ready', async () => {
    await startMain();
    let prevented = false;
    emitApp('open-file', { preventDefault: () => (prevented = true) }, '/Users/ana/Accords.crossread');
    expect(prevented).toBe(true);
    await becomeReady();
    expect(state.backendOptions).toMatchObject([{ projectPath: '/Users/ana/Accords.crossread' }]);
  });

  it('a project file handed over while the core is still starting opens once it has started', async () => {
    await startMain();
    state.whileStarting = () => {
      state.whileStarting = null;
      emitApp('second-instance', {}, ['crossread', '/home/ana/Later.crossread'], '/');
    };
    await becomeReady();
    await vi.waitFor(() => expect(state.dispatched).toContainEqual({ name: 'project.open', input: { path: '/home/ana/Later.crossread' } }), SLOW);
    expect(liveWindows()).toHaveLength(1);
  });

  it('macOS: opening a project from Finder with no window open shows a window with it', async () => {
    setPlatform('darwin');
    await startMain();
    await becomeReady();
    electron.standin.windows[0]!.close();
    // macOS keeps the app running with no window.
    expect(electron.app.log).not.toContain('quit');
    expect(liveWindows()).toHaveLength(0);

    emitApp('open-file', { preventDefault: () => undefined }, '/Users/ana/Accords.crossread');
    await settle();
    expect(state.dispatched).toContainEqual({ name: 'project.open', input: { path: '/Users/ana/Accords.crossread' } });
    const [win] = liveWindows();
    // A fresh page reads the project as it loads.
    expect(win?.webContents.loaded).toEqual(['app://crossread/index.html']);
    expect(win?.webContents.sent).toEqual([]);
  });

  it('macOS: a project that cannot be opened from Finder with no window still shows a window, and why', async () => {
    setPlatform('darwin');
    await startMain();
    await becomeReady();
    electron.standin.windows[0]!.close();
    emitApp('open-file', { preventDefault: () => undefined }, '/x/missing.crossread');
    await settle();
    expect(liveWindows()).toHaveLength(1);
    expect(electron.dialog.opened).toContainEqual(expect.objectContaining({ detail: 'The project file /x/missing.crossread does not exist.' }));
  });
});

describe('every web contents is locked down', () => {
  it('the hidden PDF window may not open windows, navigate away or get permissions', async () => {
    await startMain();
    await becomeReady();
    const printPdf = state.backendOptions[0]?.printPdf;
    if (!printPdf) throw new Error('no PDF printer was handed to the backend');
    let checks: boolean[] = [];
    electron.standin.loadDelay = async () => {
      const contents = electron.standin.windows.at(-1)!.webContents;
      const answers: boolean[] = [];
      contents.session.requestHandler?.(contents as never, 'media', (granted) => answers.push(granted), {} as never);
      checks = [
        contents.navigate('will-navigate', 'https://evil.example/'),
        contents.navigate('will-frame-navigate', 'file:///etc/passwd'),
        contents.navigate('will-redirect', 'https://evil.example/'),
        contents.navigate('will-attach-webview', 'app://crossread/index.html'),
        contents.session.checkHandler?.(contents as never, 'media', 'file://', {} as never) === false,
        answers[0] === false,
      ];
    };
    await printPdf('<p>Досье</p>');
    expect(checks).toEqual([true, true, true, true, true, true]);
  });

  it('the main window too', async () => {
    await startMain();
    await becomeReady();
    const contents = electron.standin.windows[0]!.webContents;
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://crossread/index.html')).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({ action: 'deny' });
  });
});
