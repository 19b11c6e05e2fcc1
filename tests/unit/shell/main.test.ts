import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { API_NAMES, SHELL_NAMES } from '../../../shared/contract';

type Listener = (...args: unknown[]) => unknown;

/**
 * A stand-in for the whole 'electron' module as main.ts uses it. `log` records the order of the
 * calls that must happen in order (privileges before ready, userData before the lock…).
 */
const fakes = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    paths: new Map<string, string>([
      ['userData', '/home/ana/.config/Crossread'],
      ['documents', '/home/ana/Documents'],
      ['home', '/home/ana'],
    ]),
    gotLock: true,
    appListeners: new Map<string, Listener[]>(),
    resolveReady: (): void => undefined,
    ipcChannels: [] as string[],
    protocolHandlers: [] as string[],
    menuTemplate: null as MenuItemConstructorOptions[] | null,
    windows: [] as FakeWindow[],
    backendOptions: [] as unknown[],
    backendClosed: 0,
    dispatched: [] as Array<{ name: string; input: unknown }>,
    messageBoxes: [] as unknown[],
    logDir: null as string | null,
  };

  class FakeWindow {
    readonly sent: unknown[][] = [];
    readonly loaded: string[] = [];
    readonly webContents = {
      session: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined },
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
      send: (...args: unknown[]) => this.sent.push(args),
    };
    constructor(readonly options: { webPreferences?: { preload?: string } }) {
      state.windows.push(this);
    }
    static getFocusedWindow(): FakeWindow | null {
      return null;
    }
    static getAllWindows(): FakeWindow[] {
      return state.windows;
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once(): this {
      return this;
    }
    on(): this {
      return this;
    }
    isMinimized(): boolean {
      return false;
    }
    show(): void {}
    focus(): void {}
    isDestroyed(): boolean {
      return false;
    }
  }

  const app = {
    isPackaged: false,
    setName: (name: string) => state.log.push(`setName ${name}`),
    setPath: (name: string, value: string) => {
      state.log.push(`setPath ${name} ${value}`);
      state.paths.set(name, value);
    },
    getPath: (name: string) => state.paths.get(name) ?? `/unknown/${name}`,
    getAppPath: () => '/repo',
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: () => {
      state.log.push('requestSingleInstanceLock');
      return state.gotLock;
    },
    quit: () => state.log.push('quit'),
    exit: (code: number) => state.log.push(`exit ${code}`),
    on: (event: string, listener: Listener) => {
      state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
    },
    whenReady: () => {
      state.log.push('whenReady');
      return new Promise<void>((resolve) => {
        state.resolveReady = () => {
          state.log.push('ready');
          resolve();
        };
      });
    },
  };

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showOpenDialog: () => undefined,
      showSaveDialog: () => undefined,
      showErrorBox: (title: string, content: string) => state.messageBoxes.push({ title, content }),
      showMessageBox: (...args: unknown[]) => {
        state.messageBoxes.push(args.at(-1));
        return Promise.resolve({ response: 0 });
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { showItemInFolder: () => undefined },
    ipcMain: {
      handle: (channel: string) => state.ipcChannels.push(channel),
      removeHandler: () => undefined,
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] }) => {
        state.menuTemplate = menu.template;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: () => state.log.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => {
        state.log.push(`protocol.handle ${scheme}`);
        state.protocolHandlers.push(scheme);
      },
    },
  };

  const backend = {
    createBackend: (options: { projectPath?: string }) => {
      state.backendOptions.push(options);
      if (options.projectPath?.includes('busy')) throw new Error('busy.crossread is open in another Crossread (browser mode, process 42).');
      return {
        dispatch: (name: string, input: unknown) => {
          state.dispatched.push({ name, input });
          if (name === 'project.recent') return Promise.resolve({ ok: true, value: [] });
          if (name === 'project.open' && JSON.stringify(input).includes('missing')) {
            return Promise.resolve({ ok: false, error: { code: 'not-found', message: 'The project file /x/missing.crossread does not exist.' } });
          }
          return Promise.resolve({ ok: true, value: null });
        },
        close: () => {
          state.backendClosed += 1;
        },
      };
    },
  };

  function reset(): void {
    state.log = [];
    state.paths = new Map([
      ['userData', '/home/ana/.config/Crossread'],
      ['documents', '/home/ana/Documents'],
      ['home', '/home/ana'],
    ]);
    state.gotLock = true;
    state.appListeners = new Map();
    state.ipcChannels = [];
    state.protocolHandlers = [];
    state.menuTemplate = null;
    state.windows = [];
    state.backendOptions = [];
    state.backendClosed = 0;
    state.dispatched = [];
    state.messageBoxes = [];
    state.logDir = null;
  }

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

  return { state, electron, backend, log, reset, FakeWindow };
});

vi.mock('electron', () => fakes.electron);
vi.mock('../../../electron/core/backend', () => fakes.backend);
vi.mock('../../../electron/core/log', () => fakes.log);

const { state } = fakes;

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../../electron/main');
}

async function becomeReady(): Promise<void> {
  state.resolveReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function emitApp(event: string, ...args: unknown[]): void {
  for (const listener of state.appListeners.get(event) ?? []) listener(...args);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakes.reset();
  vi.stubEnv('CROSSREAD_HOME', '');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('main process start-up', () => {
  it('registers the scheme before ready and wires protocol, IPC, menu and window after it', async () => {
    await startMain();
    expect(state.log).toEqual(['setName Crossread', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock', 'whenReady']);
    expect(state.protocolHandlers).toEqual([]);

    await becomeReady();
    expect(state.protocolHandlers).toEqual(['app']);
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
    expect(state.ipcChannels.sort()).toEqual(
      [...API_NAMES.map((n) => `api:${n}`), ...SHELL_NAMES.map((n) => `shell:${n}`)].sort(),
    );
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0];
    expect(win?.options.webPreferences?.preload).toMatch(/preload\.cjs$/);
    expect(win?.loaded).toEqual(['app://crossread/index.html']);
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
    walk(state.menuTemplate ?? []);
    const open = items.find((entry) => entry.label === 'Open Project…');
    (open?.click as (() => void) | undefined)?.();
    expect(state.windows[0]?.sent).toEqual([['command', 'project.open']]);
  });

  it('uses CROSSREAD_HOME as userData, set before the single-instance lock', async () => {
    vi.stubEnv('CROSSREAD_HOME', '/tmp/crossread-e2e');
    await startMain();
    expect(state.log.indexOf('setPath userData /tmp/crossread-e2e')).toBeGreaterThanOrEqual(0);
    expect(state.log.indexOf('setPath userData /tmp/crossread-e2e')).toBeLessThan(
      state.log.indexOf('requestSingleInstanceLock'),
    );
    await becomeReady();
    expect(state.backendOptions).toMatchObject([{ homeDir: '/tmp/crossread-e2e' }]);
  });

  it('closes the backend once on quit, and quits when the last window closes (not on macOS)', async () => {
    await startMain();
    await becomeReady();
    emitApp('before-quit');
    emitApp('before-quit');
    expect(state.backendClosed).toBe(1);
    emitApp('window-all-closed');
    expect(state.log).toContain('quit');
  });

  it('quits at once as a second instance, without starting a backend', async () => {
    state.gotLock = false;
    await startMain();
    expect(state.log).toEqual(['setName Crossread', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock', 'quit']);
    expect(state.backendOptions).toEqual([]);
  });

  it('writes its log into the app folder', async () => {
    await startMain();
    await becomeReady();
    expect(state.logDir).toBe('/home/ana/.config/Crossread/logs');
  });

  it('opens a project file handed over by a second start, and has the page read it', async () => {
    await startMain();
    await becomeReady();
    emitApp('second-instance', {}, ['/opt/Crossread/crossread', 'Gaza.crossread'], '/home/ana/work');
    await settle();
    expect(state.dispatched).toContainEqual({ name: 'project.open', input: { path: '/home/ana/work/Gaza.crossread' } });
    expect(state.windows[0]?.sent).toContainEqual(['command', 'project.reload']);
  });

  it('explains a project that cannot be opened instead of switching', async () => {
    await startMain();
    await becomeReady();
    emitApp('second-instance', {}, ['crossread', '/x/missing.crossread'], '/');
    await settle();
    expect(state.messageBoxes).toEqual([
      { type: 'error', message: 'Crossread could not open this project', detail: 'The project file /x/missing.crossread does not exist.' },
    ]);
    expect(state.windows[0]?.sent).toEqual([]);
  });

  it('opens a file macOS handed over before the app was ready', async () => {
    await startMain();
    let prevented = false;
    emitApp('open-file', { preventDefault: () => (prevented = true) }, '/Users/ana/Accords.crossread');
    expect(prevented).toBe(true);
    await becomeReady();
    expect(state.backendOptions).toMatchObject([{ projectPath: '/Users/ana/Accords.crossread' }]);
  });

  it('starts on the welcome screen, saying why, when the project it was asked to open is busy', async () => {
    vi.spyOn(process, 'argv', 'get').mockReturnValue(['/opt/Crossread/crossread', '/data/busy.crossread']);
    await startMain();
    await becomeReady();
    vi.restoreAllMocks();
    expect(state.backendOptions).toMatchObject([{ projectPath: '/data/busy.crossread' }, { appName: 'the desktop app' }]);
    expect((state.backendOptions[1] as { projectPath?: string }).projectPath).toBeUndefined();
    expect(state.messageBoxes).toEqual([{ title: 'Crossread could not open this project', content: 'busy.crossread is open in another Crossread (browser mode, process 42).' }]);
    expect(state.windows).toHaveLength(1);
    expect(state.log).not.toContain('exit 1');
  });
});
