/**
 * The main process's side of the core: the same `dispatch` the IPC layer has always called, served
 * by the core in Electron's utility process (core-host.ts), so SQLite, imports and exports never
 * block the menus and windows.
 *
 * Never a dead app: when the utility process cannot be started or does not say hello in time, the
 * core runs in the main process as before (logged). When it dies, the calls waiting on it are
 * answered with an error saying so and a new one starts on the same project; one that keeps dying
 * gives way to the core in the main process too.
 */
import type { ForkOptions, UtilityProcess } from 'electron';
import type { ApiResponse } from '../shared/contract';
import type { Backend, BackendOptions } from './core/backend';
import type { PdfPrinter } from './core/export/index';
import { log } from './core/log';
import { fromHost } from './core-protocol';
import type { CoreStartOptions, FromHost, ToHost } from './core-protocol';
import type { Dispatcher } from './ipc';

/** The part of Electron's UtilityProcess used here. */
export type CoreProcess = Pick<UtilityProcess, 'on' | 'once' | 'off' | 'postMessage' | 'kill'>;

export interface CoreDeps {
  /** Electron's `utilityProcess.fork`. */
  fork(modulePath: string, args?: string[], options?: ForkOptions): CoreProcess;
  /** The bundled host, out/electron/core-host.cjs. */
  hostPath: string;
  /** Prints a dossier PDF in the main process (pdf.ts); the core asks for it. */
  printPdf: PdfPrinter;
  /** `createBackend`, for the core in the main process when the utility process is unavailable. */
  inProcess(options: BackendOptions): Backend;
  /** How long a new utility process has to say hello. */
  handshakeMs?: number;
  /** How long closing may take before the process is ended anyway (quitting must not hang). */
  closeMs?: number;
}

export interface Core extends Dispatcher {
  /** Where the core runs now. */
  where(): 'utility process' | 'main process';
  /** Opens the core (on `options.projectPath` when given); rejects with the core's own message. */
  start(options: CoreStartOptions): Promise<void>;
  /** Lets the calls already made finish, then closes the project. Quitting awaits it. */
  close(): Promise<void>;
}

export const HANDSHAKE_MS = 5000;
const CLOSE_MS = 10_000;
/** Deaths in a row (no answer in between) after which the core moves into the main process. */
const MAX_RESTARTS = 3;

const stopped = (code: number): ApiResponse<never> => ({
  ok: false,
  error: {
    code: 'internal',
    message: `Crossread’s core stopped unexpectedly (exit code ${code}) before finishing this. It is being restarted on the same project; what was saved before it stopped is kept. Try again.`,
  },
});
const CLOSING: ApiResponse<never> = { ok: false, error: { code: 'unavailable', message: 'Crossread is closing.' } };
const NOT_RUNNING: ApiResponse<never> = { ok: false, error: { code: 'unavailable', message: 'Crossread’s core is not running; see the log.' } };

/** Starts the core's utility process (or, failing that, prepares the core in the main process). */
export function createCore(deps: CoreDeps): Core {
  return new CoreClient(deps);
}

/** A utility process that said hello, or null (logged) when none can be had. */
async function launch(deps: CoreDeps): Promise<CoreProcess | null> {
  let child: CoreProcess;
  try {
    child = deps.fork(deps.hostPath, [], { serviceName: 'Crossread core', stdio: 'inherit' });
  } catch (error) {
    log.warn('the core’s utility process could not be started; the core runs in the main process', error);
    return null;
  }
  let onMessage: (message: unknown) => void = () => undefined;
  let onExit: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await new Promise<'hello' | 'exit' | 'timeout'>((resolve) => {
    onMessage = (message) => {
      if (fromHost(message)?.type === 'hello') resolve('hello');
    };
    onExit = () => resolve('exit');
    timer = setTimeout(() => resolve('timeout'), deps.handshakeMs ?? HANDSHAKE_MS);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
  clearTimeout(timer);
  child.off('message', onMessage);
  child.off('exit', onExit);
  if (outcome === 'hello') return child;
  log.warn(`the core’s utility process ${outcome === 'exit' ? 'exited before it was ready' : 'did not answer'}; the core runs in the main process`);
  if (outcome === 'timeout') child.kill();
  return null;
}

interface Pending {
  promise: Promise<ApiResponse<unknown>>;
  answer(response: ApiResponse<unknown>): void;
}

class CoreClient implements Core {
  private mode: 'utility' | 'main' = 'utility';
  private child: CoreProcess | null = null;
  private backend: Backend | null = null;
  private options: CoreStartOptions | null = null;
  /** The project open in the core, as of its last answer. */
  private project: string | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private starting: ((message: Extract<FromHost, { type: 'started' }>) => void) | null = null;
  private closedWaiter: (() => void) | null = null;
  /** Settles once the process is up (first start, or a restart after a death). */
  private ready: Promise<void>;
  private deaths = 0;
  private closing = false;

  constructor(private readonly deps: CoreDeps) {
    this.ready = this.connect();
  }

  where(): 'utility process' | 'main process' {
    return this.mode === 'utility' ? 'utility process' : 'main process';
  }

  async start(options: CoreStartOptions): Promise<void> {
    await this.settled();
    this.options = options;
    await this.open(options.projectPath);
  }

  async dispatch(name: string, input: unknown): Promise<ApiResponse<unknown>> {
    if (this.closing) return CLOSING;
    await this.settled();
    try {
      return this.call(name, input);
    } catch (error) {
      // Input the port cannot clone (IPC would not have delivered it either).
      return { ok: false, error: { code: 'bad-input', message: `${name}: ${error instanceof Error ? error.message : String(error)}` } };
    }
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    // Quitting must not hang on a core that no longer answers: past the deadline it is ended.
    let timer: NodeJS.Timeout | undefined;
    const overdue = new Promise<'overdue'>((resolve) => (timer = setTimeout(() => resolve('overdue'), this.deps.closeMs ?? CLOSE_MS)));
    const outcome = await Promise.race([this.closeCore(), overdue]);
    clearTimeout(timer);
    if (outcome === 'overdue') {
      log.warn('the core did not close in time; ending its process');
      this.child?.kill();
    }
  }

  /** The calls already made finish, then the project closes and the process ends. */
  private async closeCore(): Promise<'closed'> {
    await this.settled();
    await Promise.allSettled([...this.pending.values()].map((p) => p.promise));
    if (this.backend) {
      this.backend.close();
      this.backend = null;
    }
    const child = this.child;
    if (!child) return 'closed';
    // The host answers 'closed' once the project is closed; the process is then ended, and the
    // quit goes on once it is gone.
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      this.closedWaiter = () => child.kill();
      this.post(child, { type: 'close' });
    });
    return 'closed';
  }

  private async connect(): Promise<void> {
    const child = await launch(this.deps);
    if (child) this.attach(child);
    else this.mode = 'main';
  }

  private attach(child: CoreProcess): void {
    this.child = child;
    child.on('message', (message: unknown) => this.receive(child, message));
    child.once('exit', (code: number) => this.exited(child, code));
    child.on('error', (type, location) => log.error(`the core’s utility process failed (${type} at ${location})`));
  }

  private post(child: CoreProcess, message: ToHost): void {
    child.postMessage(message);
  }

  /** Opens the core on `projectPath` (or the most recent project); rejects with its message. */
  private async open(projectPath: string | undefined): Promise<void> {
    const options = { ...this.options!, projectPath };
    if (this.mode === 'main') {
      const { logFile: _logFile, ...backendOptions } = options;
      this.backend?.close();
      this.backend = null;
      this.backend = this.deps.inProcess({ ...backendOptions, printPdf: this.deps.printPdf });
      this.project = this.backend.project()?.file ?? null;
      return;
    }
    const child = this.child;
    if (!child) throw new Error('Crossread’s core is not running.');
    const started = await new Promise<Extract<FromHost, { type: 'started' }>>((resolve) => {
      this.starting = resolve;
      this.post(child, { type: 'start', options });
    });
    this.starting = null;
    if (!started.ok) throw new Error(started.message);
    this.project = started.project;
  }

  private receive(child: CoreProcess, raw: unknown): void {
    if (child !== this.child) return;
    const message = fromHost(raw);
    if (!message) return;
    switch (message.type) {
      case 'started':
        this.starting?.(message);
        return;
      case 'result': {
        this.deaths = 0;
        this.project = message.project;
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        waiting?.answer(message.response);
        return;
      }
      case 'print':
        void this.print(child, message.id, message.html);
        return;
      case 'log':
        log[message.level](message.message);
        return;
      case 'closed':
        this.closedWaiter?.();
        return;
      case 'hello':
        return;
    }
  }

  private async print(child: CoreProcess, id: number, html: string): Promise<void> {
    let reply: ToHost;
    try {
      const bytes = await this.deps.printPdf(html);
      reply = { type: 'printed', id, ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    } catch (error) {
      reply = { type: 'printed', id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    // The process that asked may have died meanwhile; its caller has had its answer.
    if (child === this.child) this.post(child, reply);
  }

  private exited(child: CoreProcess, code: number): void {
    if (child !== this.child) return;
    this.child = null;
    for (const waiting of this.pending.values()) waiting.answer(this.closing ? CLOSING : stopped(code));
    this.pending.clear();
    if (this.closing) return;
    log.error(`the core’s utility process stopped unexpectedly (exit code ${code})`);
    this.starting?.({ type: 'started', ok: false, message: `Crossread’s core stopped unexpectedly (exit code ${code}) while starting.` });
    this.deaths += 1;
    this.ready = this.restart();
  }

  /** A new core on the project the old one had open. */
  private async restart(): Promise<void> {
    const child = this.deaths >= MAX_RESTARTS ? null : await launch(this.deps);
    if (child) this.attach(child);
    else {
      if (this.deaths >= MAX_RESTARTS) log.error('the core’s utility process keeps stopping; the core runs in the main process');
      this.mode = 'main';
    }
    if (!this.options) return; // it died before it was started: start() opens it
    const project = this.project;
    try {
      await this.open(project ?? undefined);
    } catch (error) {
      log.warn(`the restarted core could not reopen ${project ?? 'the last project'}`, error);
      try {
        await this.open(undefined);
      } catch (again) {
        log.error('the restarted core could not start', again);
        return;
      }
    }
    // No project was open: the core's start opened the most recent one; close it again.
    if (project === null && this.project !== null) {
      const closed = await this.call('project.close', {});
      if (closed.ok) this.project = null;
    }
  }

  /** Sends a call to whichever core runs now; throws when the port cannot clone the input. */
  private call(name: string, input: unknown): Promise<ApiResponse<unknown>> {
    if (this.backend) return this.backend.dispatch(name, input);
    const child = this.child;
    if (!child) return Promise.resolve(NOT_RUNNING);
    const id = this.nextId++;
    let answer: (response: ApiResponse<unknown>) => void = () => undefined;
    const promise = new Promise<ApiResponse<unknown>>((resolve) => (answer = resolve));
    this.post(child, { type: 'call', id, name, input });
    this.pending.set(id, { promise, answer });
    return promise;
  }

  /** Waits out a start or restart, including one that began while waiting. */
  private async settled(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.ready;
      await current;
    } while (current !== this.ready);
  }
}
