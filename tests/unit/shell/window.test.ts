import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

/** Stand-ins for Electron's window objects; they record what the shell registers on them. */
const fakes = vi.hoisted(() => {
  class FakeSession {
    requestHandler: Listener | null = null;
    checkHandler: ((...args: unknown[]) => boolean) | null = null;
    setPermissionRequestHandler(handler: Listener | null): void {
      this.requestHandler = handler;
    }
    setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void {
      this.checkHandler = handler;
    }
  }

  class FakeWebContents {
    readonly session = new FakeSession();
    readonly listeners = new Map<string, Listener[]>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
    /** Emits like Electron: an event object carrying the url, with preventDefault. */
    emitNavigation(name: string, url: string): boolean {
      let prevented = false;
      const event = { url, preventDefault: () => (prevented = true) };
      for (const listener of this.listeners.get(name) ?? []) listener(event, url);
      return prevented;
    }
  }

  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly loaded: string[] = [];
    readonly onceListeners = new Map<string, Listener>();
    shown = false;
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once(event: string, listener: Listener): this {
      this.onceListeners.set(event, listener);
      return this;
    }
    show(): void {
      this.shown = true;
    }
    readonly windowListeners = new Map<string, Listener>();
    maximized = false;
    on(event: string, listener: Listener): this {
      this.windowListeners.set(event, listener);
      return this;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    getNormalBounds() {
      return { x: 12, y: 34, width: 1111, height: 777 };
    }
  }

  return { FakeBrowserWindow, FakeWebContents, FakeSession };
});

vi.mock('electron', () => ({ BrowserWindow: fakes.FakeBrowserWindow }));

const { createMainWindow, secureWebPreferences } = await import('../../../electron/window');

function openWindow() {
  createMainWindow({ preloadPath: '/app/out/electron/preload.cjs', devTools: false });
  const win = fakes.FakeBrowserWindow.created.at(-1);
  if (!win) throw new Error('no window was created');
  return win;
}

beforeEach(() => {
  fakes.FakeBrowserWindow.created = [];
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });
});

describe('createMainWindow', () => {
  it('creates the window with the secure preferences and loads the app origin', () => {
    const win = openWindow();
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/app/out/electron/preload.cjs', false));
    expect(win.loaded).toEqual(['app://crossread/index.html']);
    expect(win.shown).toBe(false);
    win.onceListeners.get('ready-to-show')?.();
    expect(win.shown).toBe(true);
  });

  it('denies every window.open', () => {
    const { webContents } = openWindow();
    expect(webContents.windowOpenHandler).not.toBeNull();
    expect(webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(webContents.windowOpenHandler?.({ url: 'app://crossread/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects away from app://crossread', () => {
    const { webContents } = openWindow();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(webContents.listeners.get(name)?.length, name).toBe(1);
      expect(webContents.emitNavigation(name, 'https://evil.example/'), name).toBe(true);
      expect(webContents.emitNavigation(name, 'file:///etc/passwd'), name).toBe(true);
      expect(webContents.emitNavigation(name, 'app://crossread.evil.example/'), name).toBe(true);
      expect(webContents.emitNavigation(name, 'app://crossread/index.html'), name).toBe(false);
    }
  });

  it('refuses to attach webviews', () => {
    const { webContents } = openWindow();
    expect(webContents.emitNavigation('will-attach-webview', 'app://crossread/index.html')).toBe(true);
  });

  it('answers every permission request and check with false', () => {
    const { webContents } = openWindow();
    const { requestHandler, checkHandler } = webContents.session;
    expect(requestHandler).not.toBeNull();
    expect(checkHandler).not.toBeNull();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      requestHandler?.(webContents, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(checkHandler?.(webContents, permission, 'app://crossread', {}), permission).toBe(false);
    }
  });

  it('opens where it was left, maximized if it was, and reports its bounds as it closes', () => {
    const saved: { bounds: unknown; maximized: boolean }[] = [];
    createMainWindow({
      preloadPath: '/app/out/electron/preload.cjs',
      devTools: false,
      state: { bounds: { x: 40, y: 30, width: 1200, height: 800 }, maximized: true },
      onClose: (state) => saved.push(state),
    });
    const win = fakes.FakeBrowserWindow.created.at(-1)!;
    expect(win.options).toMatchObject({ x: 40, y: 30, width: 1200, height: 800, minWidth: 800, minHeight: 500 });
    win.onceListeners.get('ready-to-show')?.();
    expect(win.maximized).toBe(true);
    win.windowListeners.get('close')?.();
    expect(saved).toEqual([{ bounds: { x: 12, y: 34, width: 1111, height: 777 }, maximized: true }]);
  });
});
