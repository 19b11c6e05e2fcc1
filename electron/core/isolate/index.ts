/**
 * Isolates: run code that parses untrusted bytes (documents today; share files, PDFs and REFI
 * projects are meant to follow) in a worker thread with a capped heap, a capped stack and a
 * wall-clock limit. A file built to exhaust memory or time then costs one refusal, and the process
 * that hosts the app — the CLI, the browser-mode server, the desktop main process — carries on.
 *
 * ```ts
 * const isolate = new Isolate();                    // or new Isolate({ limits: { heapMb: 256 } })
 * try {
 *   const doc = await isolate.run('documents.extract', { name, bytes }, { signal });
 * } catch (error) {
 *   if (error instanceof IsolateError) … error.reason  // 'out-of-memory' | 'timeout' | 'aborted' | …
 * } finally {
 *   await isolate.close();
 * }
 * ```
 * or `runIsolated(task, input)` for a single call.
 *
 * - Tasks are the functions listed in tasks.ts; their input and output cross a structured clone.
 * - An AppError thrown by a task arrives as the same AppError (code and message): it was written for
 *   the user. Any other failure in the task arrives as IsolateError('failed') whose message is for
 *   the log only, since it may quote the untrusted input.
 * - One worker serves an Isolate's runs one after another (calls queue) and stays up between them,
 *   so a batch pays for one start-up. A run that ends in out-of-memory, timeout, abort or a crash
 *   takes its worker down; the next run starts a fresh one.
 * - An idle worker does not keep the process alive; `close()` ends it at once.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { defaultWorkerFile } from './locate';
import type { TaskReply, TaskRequest } from './protocol';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

export type { TaskInput, TaskName, TaskOutput } from './tasks';

export interface IsolateLimits {
  /** Largest heap (V8 old generation) in megabytes; reaching it ends the run as 'out-of-memory'. */
  heapMb: number;
  /** Stack in megabytes: deep but finite recursion in a parser stays a RangeError inside the task. */
  stackMb: number;
  /** Wall-clock milliseconds one run may take, start-up included; past it the run ends as 'timeout'. */
  timeoutMs: number;
}

/** Room for a legitimate 20 MB Word file, and a refusal well inside the 15 s a user will wait. */
export const DEFAULT_ISOLATE_LIMITS: Readonly<IsolateLimits> = { heapMb: 1024, stackMb: 8, timeoutMs: 12_000 };

export type IsolateFailure = 'out-of-memory' | 'timeout' | 'aborted' | 'crashed' | 'failed';

/** A run that did not produce a result. `reason` says why; `message` is for the log, not the user. */
export class IsolateError extends Error {
  constructor(
    readonly reason: IsolateFailure,
    message: string,
  ) {
    super(message);
    this.name = 'IsolateError';
  }
}

export interface IsolateOptions {
  limits?: Partial<IsolateLimits>;
  /** The worker script; by default the bundle's own (see locate.ts). A script must serve the protocol of protocol.ts. */
  workerFile?: string;
}

export interface RunOptions {
  /** Aborting ends the run at once (its worker is terminated) with IsolateError('aborted'). */
  signal?: AbortSignal;
}

export class Isolate {
  readonly limits: Readonly<IsolateLimits>;
  private readonly workerFile: string | undefined;
  private worker: Worker | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(options: IsolateOptions = {}) {
    this.limits = { ...DEFAULT_ISOLATE_LIMITS, ...options.limits };
    this.workerFile = options.workerFile;
  }

  /** Runs `task` on `input` in the worker; rejects with the task's AppError or an IsolateError. */
  run<K extends TaskName>(task: K, input: TaskInput<K>, options: RunOptions = {}): Promise<TaskOutput<K>> {
    return this.runTask(task, input, options) as Promise<TaskOutput<K>>;
  }

  /** `run` for a worker script of one's own (tests, or a reader not yet listed in tasks.ts). */
  runTask(task: string, input: unknown, options: RunOptions = {}): Promise<unknown> {
    const result = this.queue.then(() => this.start(task, input, options.signal));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Ends the worker; later runs are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(task: string, input: unknown, signal: AbortSignal | undefined): Promise<unknown> {
    if (this.closed) return Promise.reject(new IsolateError('aborted', 'the isolate is closed'));
    if (signal?.aborted) return Promise.reject(new IsolateError('aborted', 'aborted before it started'));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (failed: IsolateError | null, settle: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        if (failed) {
          this.discard(worker);
          reject(failed);
        } else {
          settle();
        }
      };
      const onMessage = (reply: TaskReply): void => {
        if (reply.id !== id) return;
        finish(null, () => {
          if (reply.ok) resolve(reply.value);
          else reject(reply.code ? new AppError(reply.code, reply.message) : new IsolateError('failed', reply.message));
        });
      };
      const onError = (error: Error & { code?: string }): void => {
        const oom = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish(new IsolateError(oom ? 'out-of-memory' : 'crashed', `${task}: ${error.message}`), () => undefined);
      };
      const onExit = (code: number): void => {
        finish(new IsolateError('crashed', `${task}: the worker exited with code ${String(code)}`), () => undefined);
      };
      const onAbort = (): void => {
        finish(new IsolateError('aborted', `${task}: aborted`), () => undefined);
      };
      const timer = setTimeout(() => {
        finish(new IsolateError('timeout', `${task}: still running after ${String(this.limits.timeoutMs)} ms`), () => undefined);
      }, this.limits.timeoutMs);

      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      // A pending run keeps the process alive (its timer does too); an idle worker does not.
      worker.ref();
      try {
        worker.postMessage({ id, task, input } satisfies TaskRequest);
      } catch (error) {
        finish(new IsolateError('failed', `${task}: ${error instanceof Error ? error.message : String(error)}`), () => undefined);
      }
    });
  }

  private spawn(): Worker {
    const worker = new Worker(this.workerFile ?? defaultWorkerFile(), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, stackSizeMb: this.limits.stackMb },
      // The parent's flags (a test runner's loaders, inspector ports) have no business in the worker.
      execArgv: [],
    });
    // A worker that fails between runs, or after its run was already settled, must not become an
    // unhandled 'error' event in the host process: the run in progress, if any, reports it.
    worker.on('error', () => undefined);
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }
}

/** One run in a fresh isolate, closed afterwards. */
export async function runIsolated<K extends TaskName>(
  task: K,
  input: TaskInput<K>,
  options: IsolateOptions & RunOptions = {},
): Promise<TaskOutput<K>> {
  const isolate = new Isolate(options);
  try {
    return await isolate.run(task, input, { signal: options.signal });
  } finally {
    await isolate.close();
  }
}
