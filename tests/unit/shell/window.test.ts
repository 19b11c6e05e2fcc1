import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ElectronStandin } from './electron-standin';

vi.mock('electron', async () => (await import('./electron-standin')).createElectron());
const electron = (await import('electron')) as unknown as ElectronStandin;
const { createMainWindow, secureWebPreferences } = await import('../../../electron/window');

function openWindow() {
  createMainWindow({ preloadPath: '/app/out/electron/preload.cjs', devTools: false });
  const win = electron.standin.windows.at(-1);
  if (!win) throw new Error('no window was created');
  return win;
}

beforeEach(() => {
  electron.standin.windows.length = 0;
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
  it('creates the window with the secure preferences and loads the app origin', async () => {
    const win = openWindow();
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/app/out/electron/preload.cjs', false));
    await vi.waitFor(() => expect(win.webContents.loaded).toEqual(['app://crossread/index.html']));
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('denies every window.open', () => {
    const { webContents } = openWindow();
    expect(webContents.windowOpenHandler).not.toBeNull();
    expect(webContents.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({ action: 'deny' });
    expect(webContents.windowOpenHandler?.({ url: 'app://crossread/index.html' } as never)).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects away from app://crossread', () => {
    const { webContents } = openWindow();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(webContents.listenerCount(name), name).toBe(1);
      expect(webContents.navigate(name, 'https://evil.example/'), name).toBe(true);
      expect(webContents.navigate(name, 'file:///etc/passwd'), name).toBe(true);
      expect(webContents.navigate(name, 'app://crossread.evil.example/'), name).toBe(true);
      expect(webContents.navigate(name, 'app://crossread/index.html'), name).toBe(false);
    }
  });

  it('refuses to attach webviews', () => {
    const { webContents } = openWindow();
    expect(webContents.navigate('will-attach-webview', 'app://crossread/index.html')).toBe(true);
  });

  it('answers every permission request and check with false', () => {
    const { webContents } = openWindow();
    const { requestHandler, checkHandler } = webContents.session;
    expect(requestHandler).not.toBeNull();
    expect(checkHandler).not.toBeNull();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      requestHandler?.(webContents as never, permission as never, (granted: boolean) => answers.push(granted), {} as never);
      expect(answers, permission).toEqual([false]);
      expect(checkHandler?.(webContents as never, permission as never, 'app://crossread', {} as never), permission).toBe(false);
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
    const win = electron.standin.windows.at(-1)!;
    expect(win.options).toMatchObject({ x: 40, y: 30, width: 1200, height: 800, minWidth: 800, minHeight: 500 });
    win.emit('ready-to-show');
    expect(win.isMaximized()).toBe(true);
    win.close();
    // The normal (unmaximized) bounds, which the stand-in reports as 1280 × 800 at the origin.
    expect(saved).toEqual([{ bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: true }]);
  });
});
