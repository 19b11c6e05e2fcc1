/**
 * A stand-in for the 'electron' module, for the shell's unit tests (Electron itself cannot run
 * here). Each class `implements` the part of Electron's own declaration (node_modules/electron/
 * electron.d.ts) it stands in for, so an answer of the wrong shape — a dialog that returns a
 * value instead of a promise, a listener with the wrong arguments — fails `tsc`. Where Electron
 * throws, this throws the same way: a second `ipcMain.handle` for a channel, a menu template
 * Electron's Menu would refuse, privileges registered after `ready`, a value IPC cannot clone.
 * Sessions are shared by partition name as in Electron, and one `webRequest.onBeforeRequest`
 * listener per session replaces the one before it.
 *
 * Use: `vi.mock('electron', async () => (await import('./electron-standin')).createElectron())`,
 * then `await import('electron')` in the test is this stand-in.
 */
import { EventEmitter } from 'node:events';
import { StandinDialog, StandinMenuModule, StandinShell } from './electron-standin-ui';
import { makeUtilityProcessModule, type StandinFork, type StandinUtilityProcess } from './electron-standin-utility';

export { StandinDialog, StandinMenuModule, StandinShell };
import type {
  App,
  BrowserWindowConstructorOptions,
  ContextBridge,
  CustomScheme,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRenderer,
  PrintToPDFOptions,
  Protocol,
  Session,
  WebContents,
  WebRequest,
  WindowOpenHandlerResponse,
} from 'electron';

/** The listener of the last overload, `onBeforeRequest(listener)`. */
type BeforeRequestListener = Parameters<WebRequest['onBeforeRequest']>[0];

export class StandinWebRequest implements Pick<WebRequest, 'onBeforeRequest'> {
  listener: BeforeRequestListener = null;
  onBeforeRequest(...args: unknown[]): void {
    // Electron keeps one listener per event and session: a new one replaces it, null removes it.
    this.listener = (args.length === 2 ? args[1] : args[0]) as BeforeRequestListener;
  }
  /** What happens to a request this session makes: true when a listener cancels it. */
  cancels(url: string): boolean {
    let cancel = false;
    this.listener?.({ url } as Parameters<NonNullable<BeforeRequestListener>>[0], (response) => {
      cancel = response.cancel === true;
    });
    return cancel;
  }
}

export class StandinSession implements Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> {
  readonly webRequest = new StandinWebRequest();
  requestHandler: Parameters<Session['setPermissionRequestHandler']>[0] = null;
  checkHandler: Parameters<Session['setPermissionCheckHandler']>[0] = null;
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(handler: Parameters<Session['setPermissionRequestHandler']>[0]): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: Parameters<Session['setPermissionCheckHandler']>[0]): void {
    this.checkHandler = handler;
  }
}

export class StandinWebContents
  extends EventEmitter
  implements Pick<WebContents, 'send' | 'setWindowOpenHandler' | 'loadURL' | 'printToPDF' | 'isDestroyed' | 'getURL'>
{
  readonly sent: unknown[][] = [];
  readonly loaded: string[] = [];
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  destroyed = false;
  printed: PrintToPDFOptions[] = [];
  constructor(
    private readonly electron: StandinElectron,
    readonly session: StandinSession,
  ) {
    super();
  }
  send(channel: string, ...args: unknown[]): void {
    const cloned = args.map((arg) => structuredClone(arg));
    this.sent.push([channel, ...cloned]);
    this.electron.ipcRenderer.emit(channel, { sender: this.electron.ipcRenderer }, ...cloned);
  }
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
  async loadURL(url: string): Promise<void> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    // The request goes out after the load starts; one the session's webRequest listener cancels
    // at that moment fails the load, as in Chromium.
    await this.electron.loadDelay(url);
    if (this.session.webRequest.cancels(url)) throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`);
    this.loaded.push(url);
  }
  getURL(): string {
    return this.loaded.at(-1) ?? '';
  }
  async printToPDF(options: PrintToPDFOptions): Promise<Buffer> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.printed.push(options);
    return Buffer.from(`%PDF- ${this.getURL()}`);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Emits a navigation event the way Electron does; true when a listener prevented it. */
  navigate(eventName: string, url: string): boolean {
    let prevented = false;
    this.emit(eventName, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}


export function createElectron() {
  const electron = new StandinElectron();
  return electron.module();
}

export type ElectronStandin = ReturnType<typeof createElectron>;

/** The state of one stand-in Electron: its app, windows, sessions, IPC and dialogs. */
export class StandinElectron {
  ready = false;
  readonly sessions = new Map<string, StandinSession>();
  readonly windows: StandinBrowserWindow[] = [];
  focused: StandinBrowserWindow | null = null;
  /** Awaited by every loadURL before its request goes out; tests replace it to hold a load open. */
  loadDelay: (url: string) => Promise<void> = () => Promise.resolve();
  readonly ipcMain = new StandinIpcMain();
  readonly ipcRenderer = new StandinIpcRenderer(this);
  readonly app = new StandinApp(this);
  readonly dialog = new StandinDialog();
  /** Every utility process forked, in order. */
  readonly utilityProcesses: StandinUtilityProcess[] = [];
  /**
   * Where a forked module really is: the main process forks its bundle's sibling core-host.cjs,
   * which tests point at a bundle they built. Unmapped paths are forked as given.
   */
  readonly utilityModules = new Map<string, string>();
  /** Tests replace it to make fork fail the way Electron's can. */
  fork: StandinFork = (modulePath, args, options) => this.utility.fork(this.utilityModules.get(modulePath) ?? modulePath, args, options);
  private readonly utility = makeUtilityProcessModule(() => this.ready, this.utilityProcesses);

  fromPartition(partition: string): StandinSession {
    let found = this.sessions.get(partition);
    if (!found) {
      found = new StandinSession(partition);
      this.sessions.set(partition, found);
    }
    return found;
  }

  module() {
    const BrowserWindow = makeBrowserWindowClass(this);
    const menu = new StandinMenuModule();
    return {
      app: this.app,
      BrowserWindow,
      contextBridge: new StandinContextBridge(),
      dialog: this.dialog,
      ipcMain: this.ipcMain,
      ipcRenderer: this.ipcRenderer,
      Menu: menu,
      protocol: new StandinProtocol(this),
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      session: { fromPartition: (partition: string) => this.fromPartition(partition), defaultSession: this.fromPartition('') },
      shell: new StandinShell(),
      utilityProcess: { fork: ((...args) => this.fork(...args)) satisfies StandinFork },
      /** The state behind the module, for assertions. */
      standin: this,
    };
  }

  /** Set by app.quit(): a quit closes every window without 'window-all-closed' (Electron's docs). */
  quitting = false;

  afterWindowGone(): void {
    if (this.quitting || this.windows.some((w) => !w.destroyed)) return;
    this.app.emit('window-all-closed');
  }
}

/** Electron's BrowserWindow, bound to the stand-in it belongs to (its sessions, its app). */
function makeBrowserWindowClass(electron: StandinElectron) {
  class BrowserWindow extends EventEmitter implements Pick<import('electron').BrowserWindow, 'loadURL' | 'show' | 'focus' | 'isDestroyed' | 'destroy' | 'close' | 'isMinimized' | 'restore' | 'maximize' | 'isMaximized' | 'getNormalBounds'> {
    readonly webContents: StandinWebContents;
    shown = false;
    destroyed = false;
    maximized = false;
    constructor(readonly options: BrowserWindowConstructorOptions = {}) {
      super();
      const partition = options.webPreferences?.partition ?? '';
      this.webContents = new StandinWebContents(electron, electron.fromPartition(partition));
      electron.windows.push(this);
      // Electron announces every new web contents on the app before the page loads.
      electron.app.emit('web-contents-created', { preventDefault: () => undefined }, this.webContents);
    }
    static getAllWindows(): BrowserWindow[] {
      return electron.windows.filter((w) => !w.destroyed);
    }
    static getFocusedWindow(): BrowserWindow | null {
      return electron.focused && !electron.focused.destroyed ? electron.focused : null;
    }
    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url);
    }
    show(): void {
      this.shown = true;
    }
    focus(): void {
      electron.focused = this;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
      electron.afterWindowGone();
    }
    close(): void {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.destroy();
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
  }
  return BrowserWindow;
}

export type StandinBrowserWindow = InstanceType<ReturnType<typeof makeBrowserWindowClass>>;

export class StandinApp
  extends EventEmitter
  implements Pick<App, 'setName' | 'setPath' | 'getPath' | 'getAppPath' | 'getVersion' | 'requestSingleInstanceLock' | 'quit' | 'exit' | 'whenReady' | 'isPackaged'>
{
  isPackaged = false;
  readonly log: string[] = [];
  readonly paths = new Map<string, string>([
    ['userData', '/home/ana/.config/Crossread'],
    ['documents', '/home/ana/Documents'],
    ['home', '/home/ana'],
  ]);
  gotLock = true;
  private markReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.markReady = resolve));
  constructor(private readonly electron: StandinElectron) {
    super();
  }
  setName(name: string): void {
    this.log.push(`setName ${name}`);
  }
  setPath(name: string, value: string): void {
    this.log.push(`setPath ${name} ${value}`);
    this.paths.set(name, value);
  }
  getPath(name: Parameters<App['getPath']>[0]): string {
    const found = this.paths.get(name);
    if (found === undefined) throw new Error(`Failed to get '${name}' path`);
    return found;
  }
  getAppPath(): string {
    return '/repo';
  }
  getVersion(): string {
    return '0.1.0';
  }
  requestSingleInstanceLock(): boolean {
    this.log.push('requestSingleInstanceLock');
    return this.gotLock;
  }
  whenReady(): Promise<void> {
    this.log.push('whenReady');
    return this.readyPromise;
  }
  /** The system says the app is ready: 'ready' fires and whenReady resolves. */
  becomeReady(): void {
    this.electron.ready = true;
    this.log.push('ready');
    this.emit('ready');
    this.markReady();
  }
  /**
   * Electron's quit sequence: before-quit, then every window is closed (each page's pagehide
   * runs first), then will-quit and quit. Nothing after before-quit is skipped unless prevented.
   */
  quit(): void {
    this.log.push('quit');
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.electron.quitting = true;
    for (const win of this.electron.windows.filter((w) => !w.destroyed)) {
      win.webContents.emit('pagehide');
      win.close();
    }
    // A will-quit listener that prevents it keeps the app running; it may call quit() again.
    let stayed = false;
    this.emit('will-quit', { preventDefault: () => (stayed = true) });
    if (stayed) {
      this.log.push('quit prevented');
      return;
    }
    this.log.push('quit event');
    this.emit('quit');
  }
  exit(code?: number): void {
    this.log.push(`exit ${code ?? 0}`);
  }
}

export class StandinIpcMain extends EventEmitter implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void {
    // Electron's own message, from lib/browser/ipc-main-impl.ts.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What a page at `frameUrl` gets from ipcRenderer.invoke on `channel`. */
  async invokeFrom(frameUrl: string | null, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = { senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
    return structuredClone(await handler(event, ...args.map((arg) => structuredClone(arg))));
  }
}

export class StandinIpcRenderer extends EventEmitter implements Pick<IpcRenderer, 'invoke'> {
  /** The URL of the page the preload runs in. */
  pageUrl: string | null = 'app://crossread/index.html';
  constructor(private readonly electron: StandinElectron) {
    super();
  }
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return this.electron.ipcMain.invokeFrom(this.pageUrl, channel, args);
  }
}

export class StandinContextBridge implements Pick<ContextBridge, 'exposeInMainWorld'> {
  readonly mainWorld: Record<string, unknown> = {};
  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (Object.hasOwn(this.mainWorld, apiKey)) throw new Error('Cannot bind an API on top of an existing property on the window object');
    this.mainWorld[apiKey] = api;
  }
}

export class StandinProtocol implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: CustomScheme[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  constructor(private readonly electron: StandinElectron) {}
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (this.electron.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.electron.app.log.push('registerSchemesAsPrivileged');
    this.privileged.push(...customSchemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!this.electron.ready) throw new Error('protocol.handle can only be used after the app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.electron.app.log.push(`protocol.handle ${scheme}`);
    this.handlers.set(scheme, handler);
  }
}
