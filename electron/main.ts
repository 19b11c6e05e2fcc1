/**
 * The Electron main process: a thin shell around the backend core. It wires the app:// protocol,
 * IPC, the menu and the window together; the behaviour lives in the core (electron/core) and
 * the renderer. The core runs in a utility process of its own (core-client.ts), or here when that
 * process cannot be had.
 *
 * Environment: CROSSREAD_HOME, when set, replaces Electron's userData directory (the project
 * list, settings, the sample copy and Chromium's own storage). The Electron end-to-end tests set
 * it to a temp dir so they start clean, never touch the user's profile, and don't contend for
 * the single-instance lock (which Electron keys on userData).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, shell, utilityProcess } from 'electron';
import originalFs from 'original-fs';
import { createBackend } from './core/backend';
import { createPdfPrinter } from './pdf';
import { createCore } from './core-client';
import type { ShellCommand } from '../shared/contract';
import { createDialogHandlers } from './dialogs';
import { ChosenPaths, guardChosenPaths } from './chosenPaths';
import type { DialogApi } from './dialogs';
import { log } from './core/log';
import { importChosenFiles } from './import-chosen';
import { integrityProblem } from './integrity';
import { COMMAND_CHANNEL, IMPORT_PROGRESS_CHANNEL } from './channels';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { handleAppScheme, registerAppSchemePrivileges } from './scheme';
import { homeOverride, isProjectFile, projectPathFromArgv } from './startup';
import { createMainWindow, lockDownWebContents } from './window';
import { loadWindowState, placeWindow, saveWindowState } from './window-state';

// The bundle is out/electron/main.cjs, next to preload.cjs and core-host.cjs; the renderer build
// is out/renderer.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const CORE_HOST_PATH = path.join(__dirname, 'core-host.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

app.setName('Crossread');
const home = homeOverride(process.env);
// Before anything reads userData (the single-instance lock does).
if (home !== undefined) app.setPath('userData', home);

// Scheme privileges can only be registered before `ready`.
registerAppSchemePrivileges();

// Every web contents, not only the main window's (the hidden PDF window, anything Chromium
// creates): no new windows, no navigation away from the app, no webviews, no permissions.
app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));

let mainWindow: BrowserWindow | null = null;
/** A project file the system asked us to open before the backend existed (macOS 'open-file'). */
let pendingOpen: string | undefined;
/** Opens a project file handed over by the system once the app is running; set in start(). */
let openFromSystem: ((file: string) => void) | null = null;

function liveWindow(): BrowserWindow | null {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  return win !== null && !win.isDestroyed() ? win : null;
}

function openWindow(): void {
  const home = app.getPath('userData');
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  mainWindow = createMainWindow({
    preloadPath: PRELOAD_PATH,
    devTools: !app.isPackaged,
    state: placeWindow(loadWindowState(home), workAreas),
    onClose: (state) => {
      try {
        saveWindowState(home, state);
      } catch (error) {
        log.warn('could not save the window position', error);
      }
    },
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function sendCommand(command: ShellCommand): void {
  liveWindow()?.webContents.send(COMMAND_CHANNEL, command);
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

/**
 * A packaged Linux app checks its files against the list written at packaging (integrity.ts);
 * macOS and Windows builds have Electron's asar integrity fuse instead. False: it must not run.
 */
async function filesAreIntact(): Promise<boolean> {
  if (!app.isPackaged || process.platform !== 'linux') return true;
  // original-fs reads app.asar as the file it is; Electron's own fs would open it as a folder.
  const problem = await integrityProblem(process.resourcesPath, (file) => originalFs.createReadStream(file));
  if (problem === null) return true;
  log.error(`installation check failed: ${problem}`);
  dialog.showErrorBox(
    'Crossread’s files have been changed',
    `Crossread will not start, because its installation is damaged or was changed (${problem}). Install Crossread again from its package.`,
  );
  return false;
}

async function start(): Promise<void> {
  log.toFile(path.join(app.getPath('userData'), 'logs'));
  log.info(`Crossread ${app.getVersion()} started (Electron ${process.versions.electron}, ${process.platform})`);
  const backend = createCore({
    fork: (modulePath, args, forkOptions) => utilityProcess.fork(modulePath, args, forkOptions),
    hostPath: CORE_HOST_PATH,
    printPdf: createPdfPrinter((windowOptions) => new BrowserWindow(windowOptions)),
    inProcess: createBackend,
  });
  const options = {
    homeDir: app.getPath('userData'),
    // The sample corpus: extraResources in a packaged app, the repo's resources/ in development.
    resourcesDir: app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources'),
    version: app.getVersion(),
    appName: 'the desktop app',
    logFile: log.path(),
  };
  const requested = pendingOpen ?? projectPathFromArgv(process.argv, process.cwd());
  pendingOpen = undefined;
  try {
    try {
      await backend.start({ ...options, projectPath: requested });
    } catch (error) {
      if (requested === undefined) throw error;
      // The file asked for is missing, damaged or open in another Crossread: say so, and start
      // on the welcome screen instead of not at all.
      log.warn(`could not open ${requested}`, error);
      dialog.showErrorBox('Crossread could not open this project', error instanceof Error ? error.message : String(error));
      await backend.start(options);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error('could not start', error);
    dialog.showErrorBox('Crossread could not start', message);
    app.exit(1);
    return;
  }
  log.info(`the core runs in the ${backend.where()}`);

  // Closed only once every window is gone: 'before-quit' fires before the windows close, and the
  // pages' last saves (pagehide: notes, summary, layout) still arrive after it. The quit waits
  // for the core to finish them and close the project, then goes on.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    closed = true;
    event.preventDefault();
    backend
      .close()
      .catch((error: unknown) => log.error('the core did not close cleanly', error))
      .finally(() => app.quit());
  });

  const refreshMenu = async (): Promise<void> => {
    const recent = await backend.dispatch('project.recent', {});
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          send: sendCommand,
          platform: process.platform,
          isPackaged: app.isPackaged,
          recent: recent.ok && Array.isArray(recent.value) ? (recent.value as { path: string; name: string }[]) : [],
          openRecent: (file) => void openProject(file),
          showLog: () => {
            const file = log.path();
            if (file) shell.showItemInFolder(file);
          },
        }),
      ),
    );
  };

  // Opened from the menu or by the system: the backend switches, then the page reads the project
  // again. A file that is missing, damaged or busy is explained in a message box.
  // macOS keeps the app running with no window; a file opened from Finder then gets a fresh one,
  // which reads the project as it loads.
  const openProject = async (file: string): Promise<void> => {
    const answer = await backend.dispatch('project.open', { path: file });
    const hadWindow = liveWindow() !== null;
    if (!hadWindow) openWindow();
    if (answer.ok) {
      if (hadWindow) sendCommand('project.reload');
    } else {
      log.warn(`could not open ${file}: ${answer.error.message}`);
      // A window opened just now is still hidden until its first paint: no sheet on it.
      const win = hadWindow ? liveWindow() : null;
      const box = { type: 'error' as const, message: 'Crossread could not open this project', detail: answer.error.message };
      await (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
    }
    await refreshMenu();
  };
  openFromSystem = (file) => void openProject(file);

  // The page's own project calls change the recent list too.
  const dispatcher = {
    dispatch: async (name: string, input: unknown) => {
      const answer = await backend.dispatch(name, input);
      if (name.startsWith('project.') || name === 'backups.restore') await refreshMenu();
      return answer;
    },
  };

  handleAppScheme(RENDERER_DIR);
  const chosenPaths = new ChosenPaths();
  const importFiles = (files: readonly string[]) =>
    importChosenFiles(files, dispatcher, (progress) => liveWindow()?.webContents.send(IMPORT_PROGRESS_CHANNEL, progress));
  registerIpc(ipcMain, guardChosenPaths(dispatcher, chosenPaths), createDialogHandlers(dialogs, defaultProjectDir(), chosenPaths, importFiles));
  void refreshMenu();
  openWindow();
  // A file handed over while the core was starting.
  const handedOver = pendingOpen;
  pendingOpen = undefined;
  if (handedOver !== undefined && handedOver !== requested) openFromSystem(handedOver);

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open opens one again.
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Crossread owns this profile; it gets focused by its 'second-instance' handler.
  app.quit();
} else {
  // A second start (e.g. double-clicking a project file while Crossread runs) hands its command
  // line to this instance and quits; the file opens here.
  app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    const file = projectPathFromArgv(argv, workingDirectory);
    if (file !== undefined) {
      if (openFromSystem) openFromSystem(file);
      else pendingOpen = file;
    }
    const win = mainWindow;
    if (win === null || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  // macOS hands files (Finder double-click, dock drop) to 'open-file', possibly before 'ready'.
  app.on('open-file', (event, file: string) => {
    if (!isProjectFile(file)) return;
    event.preventDefault();
    if (openFromSystem) openFromSystem(file);
    else pendingOpen = file;
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(filesAreIntact)
    .then((intact) => (intact ? start() : app.exit(1)))
    .catch((error: unknown) => {
      log.error('Crossread failed to start', error);
      app.exit(1);
    });
}
