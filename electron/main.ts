/**
 * The Electron main process: a thin shell around the backend core. It wires the app:// protocol,
 * IPC, the menu and the window together; the behaviour lives in the core (electron/core) and
 * the renderer.
 *
 * Environment: CROSSREAD_HOME, when set, replaces Electron's userData directory (the project
 * list, settings, the sample copy and Chromium's own storage). The Electron end-to-end tests set
 * it to a temp dir so they start clean, never touch the user's profile, and don't contend for
 * the single-instance lock (which Electron keys on userData).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { createBackend } from './core/backend';
import { createPdfPrinter } from './pdf';
import type { Backend } from './core/backend';
import type { ShellCommand } from '../shared/contract';
import { createDialogHandlers } from './dialogs';
import { ApprovedExportPaths, guardExportWrites } from './exportPaths';
import type { DialogApi } from './dialogs';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { handleAppScheme, registerAppSchemePrivileges } from './scheme';
import { homeOverride, projectPathFromArgv } from './startup';
import { createMainWindow } from './window';

// The bundle is out/electron/main.cjs, next to preload.cjs; the renderer build is out/renderer.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

app.setName('Crossread');
const home = homeOverride(process.env);
// Before anything reads userData (the single-instance lock does).
if (home !== undefined) app.setPath('userData', home);

// Scheme privileges can only be registered before `ready`.
registerAppSchemePrivileges();

let mainWindow: BrowserWindow | null = null;

function liveWindow(): BrowserWindow | null {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  return win !== null && !win.isDestroyed() ? win : null;
}

function openWindow(): void {
  mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function sendCommand(command: ShellCommand): void {
  liveWindow()?.webContents.send('command', command);
}

// Dialogs are modal to the window the user is looking at, when there is one.
const dialogs: DialogApi = {
  showOpenDialog: (options) => {
    const win = liveWindow();
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
  },
  showSaveDialog: (options) => {
    const win = liveWindow();
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
  },
};

function defaultProjectDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home'); // some Linux desktops define no Documents folder
  }
}

function start(): void {
  let backend: Backend;
  try {
    backend = createBackend({
      homeDir: app.getPath('userData'),
      // The sample corpus: extraResources in a packaged app, the repo's resources/ in development.
      resourcesDir: app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources'),
      version: app.getVersion(),
      projectPath: projectPathFromArgv(process.argv, process.cwd()),
      printPdf: createPdfPrinter((options) => new BrowserWindow(options)),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Crossread could not start', message);
    app.exit(1);
    return;
  }

  let closed = false;
  app.on('before-quit', () => {
    if (closed) return;
    closed = true;
    backend.close();
  });

  handleAppScheme(RENDERER_DIR);
  const exportPaths = new ApprovedExportPaths();
  registerIpc(ipcMain, guardExportWrites(backend, exportPaths), createDialogHandlers(dialogs, defaultProjectDir(), (file) => exportPaths.approve(file)));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ send: sendCommand, platform: process.platform, isPackaged: app.isPackaged })),
  );
  openWindow();

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open opens one again.
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Crossread owns this profile; it gets focused by its 'second-instance' handler.
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = mainWindow;
    if (win === null || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Crossread failed to start:', error);
      app.exit(1);
    });
}
