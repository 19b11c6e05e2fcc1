/**
 * The stand-in's `utilityProcess`: `fork` runs the module in a real Node child process, so what
 * crosses the port is really serialized (Node's 'advanced' IPC serialization is V8's structured
 * clone, as Electron's port uses: a function or a class's prototype does not survive), the child
 * really exits and can really be killed. Typed against electron.d.ts like the rest of the stand-in.
 *
 * Like Electron: fork before `ready` throws; stdin cannot be configured (only 'ignore'); 'spawn'
 * fires once the process runs and `pid` is set until it exits; 'exit' carries a code; `kill()`
 * sends SIGTERM. Not modelled: MessagePortMain transfer (refused here), `session`, macOS options.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import type { ForkOptions, UtilityProcess, utilityProcess } from 'electron';

const BOOTSTRAP = path.join(__dirname, 'utility-bootstrap.mjs');

type Stdio = 'pipe' | 'ignore' | 'inherit';

/** Electron's reading of `stdio`: stdout and stderr only; stdin is always 'ignore'. */
function stdioOf(option: ForkOptions['stdio']): [Stdio, Stdio] {
  if (option === undefined) return ['inherit', 'inherit'];
  if (typeof option === 'string') {
    if (option !== 'pipe' && option !== 'ignore' && option !== 'inherit') throw new Error(`Invalid stdio value: ${option}`);
    return [option, option];
  }
  if (option[0] !== undefined && option[0] !== 'ignore') throw new Error('stdin value other than ignore is not supported.');
  return [option[1] ?? 'inherit', option[2] ?? 'inherit'];
}

export class StandinUtilityProcess extends EventEmitter implements Pick<UtilityProcess, 'postMessage' | 'kill' | 'pid' | 'stdout' | 'stderr'> {
  pid: number | undefined = undefined;
  stdout: NodeJS.ReadableStream | null = null;
  stderr: NodeJS.ReadableStream | null = null;
  /** The messages posted to the child, as they arrived there (for assertions). */
  readonly posted: unknown[] = [];
  private readonly child: ChildProcess;

  constructor(modulePath: string, args: string[], options: ForkOptions) {
    super();
    const [out, err] = stdioOf(options.stdio);
    this.child = fork(BOOTSTRAP, [modulePath, ...args], {
      execArgv: options.execArgv ?? [],
      env: (options.env as NodeJS.ProcessEnv | undefined) ?? process.env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdio: ['ignore', out, err, 'ipc'],
      serialization: 'advanced',
    });
    this.stdout = this.child.stdout;
    this.stderr = this.child.stderr;
    this.child.on('spawn', () => {
      this.pid = this.child.pid;
      this.emit('spawn');
    });
    this.child.on('message', (message: unknown) => this.emit('message', message));
    // Electron reports the code waitpid gave; a signal shows as the shell's 128 + its number.
    this.child.on('exit', (code, signal) => {
      this.pid = undefined;
      this.stdout = null;
      this.stderr = null;
      this.emit('exit', code ?? 128 + (signal ? os.constants.signals[signal] : 0));
    });
  }

  postMessage(message: unknown, transfer?: unknown[]): void {
    if (transfer && transfer.length > 0) throw new Error('The stand-in does not transfer MessagePortMain objects.');
    // A message to a process that has gone is dropped, as Electron drops it.
    if (!this.child.connected) return;
    this.posted.push(structuredClone(message));
    this.child.send(message as Parameters<ChildProcess['send']>[0]);
  }

  kill(): boolean {
    return this.child.kill('SIGTERM');
  }

  /** A crash: the process dies at once, nothing of it runs any more. */
  crash(): void {
    this.child.kill('SIGKILL');
  }
}

/** Electron's `utilityProcess.fork` signature, answering with the stand-in process. */
export type StandinFork = (...args: Parameters<(typeof utilityProcess)['fork']>) => StandinUtilityProcess;

/** `utilityProcess`, bound to whether the app is ready (fork throws before, as in Electron). */
export function makeUtilityProcessModule(isReady: () => boolean, forked: StandinUtilityProcess[]): { fork: StandinFork } {
  return {
    fork(modulePath, args = [], options = {}) {
      if (!isReady()) throw new Error('utilityProcess cannot be created before app is ready.');
      const child = new StandinUtilityProcess(modulePath, args, options);
      forked.push(child);
      return child;
    },
  };
}
