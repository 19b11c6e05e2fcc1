/**
 * The main window and its security settings. The renderer is treated as untrusted: it gets no
 * Node, runs sandboxed, may not open windows, navigate elsewhere, or use any permission-gated
 * web API (camera, notifications, geolocation…), none of which Crossread needs.
 */
import { BrowserWindow } from 'electron';
import type { Session, WebContents, WebPreferences } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './protocol';
import { DEFAULT_SIZE, MIN_SIZE, type Rect, type WindowState } from './window-state';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload script. */
  preloadPath: string;
  /** DevTools are available in development only. */
  devTools: boolean;
  /** Where to open (window-state.ts placeWindow); default size, centred, when absent. */
  state?: WindowState;
  /** Called as the window closes, with the bounds to remember. */
  onClose?(state: { bounds: Rect; maximized: boolean }): void;
}

/** The window's webPreferences; pure so the security flags can be asserted in tests. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Chromium's spellchecker fetches dictionaries from a Google CDN on Windows and Linux; the
    // app promises to work offline without phoning home.
    spellcheck: false,
    devTools,
  };
}

/** Denies new windows and any navigation or redirect away from app://crossread. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Answers every permission request and check with "no". */
export function denyAllPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => {
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
}

/** Everything above, for any web contents the app creates (main.ts applies it to each). */
export function lockDownWebContents(contents: WebContents): void {
  hardenWebContents(contents);
  denyAllPermissions(contents.session);
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = options.state?.bounds ?? DEFAULT_SIZE;
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Crossread',
    // Shown once the first paint is ready, so the user never sees an empty white frame.
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  denyAllPermissions(win.webContents.session);
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => {
    if (options.state?.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    // The normal bounds, so a maximized window comes back maximized over the same place.
    options.onClose?.({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  });
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`Crossread: could not load ${APP_ENTRY_URL}:`, error);
  });
  return win;
}
