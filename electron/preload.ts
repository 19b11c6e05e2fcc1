/**
 * The sandboxed preload: exposes `window.crossread`, a handful of functions, through
 * contextBridge. It may import only 'electron' and import-free modules at run time (sandboxed
 * preloads get no Node require; everything else is bundled in), so the contract's tables and zod
 * stay out of it. It checks only that a call name is a short string: the main process holds a
 * handler for each contract name and nothing else, and validates every input again. (A shape
 * check here once refused the contract's three-part names, such as dossier.summary.get.)
 *
 * Never hand the page `ipcRenderer` or an IPC event object: either would let it send on any
 * channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ApiResponse, ImportProgress } from '../shared/contract';
import { API_CHANNEL_PREFIX, COMMAND_CHANNEL, IMPORT_PROGRESS_CHANNEL, SHELL_CHANNEL_PREFIX } from './channels';

/** The shape of `window.crossread` in the desktop app. */
export interface CrossreadBridge {
  readonly transport: 'electron';
  invoke(name: string, input: unknown): Promise<ApiResponse<unknown>>;
  invokeShell(name: string, input: unknown): Promise<ApiResponse<unknown>>;
  /** Calls `callback` with each menu command; returns a function that stops listening. */
  onCommand(callback: (command: string) => void): () => void;
  /** Calls `callback` before each file of a native import; returns a function that stops listening. */
  onImportProgress(callback: (progress: ImportProgress) => void): () => void;
}

/** Longer than any contract name; keeps a hostile page from sending megabytes as a channel name. */
const MAX_NAME_LENGTH = 100;

function failure(message: string): ApiResponse<never> {
  return { ok: false, error: { code: 'bad-input', message } };
}

async function call(prefix: string, name: unknown, input: unknown): Promise<ApiResponse<unknown>> {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) {
    return failure(`not a call name: ${typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : typeof name}`);
  }
  try {
    // The main process answers with an ApiResponse; it only rejects when no handler exists.
    return (await ipcRenderer.invoke(prefix + name, input)) as ApiResponse<unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /No handler registered/.test(message);
    return unknown ? failure(`unknown call: ${JSON.stringify(name.slice(0, 80))}`) : { ok: false, error: { code: 'internal', message } };
  }
}

/** Subscribes `callback` to `channel`, passing only the payload (the event carries `sender`, i.e. ipcRenderer). */
function listen<T>(channel: string, accept: (value: unknown) => value is T, callback: (value: T) => void): () => void {
  if (typeof callback !== 'function') throw new TypeError('a listener needs a function');
  const listener = (_event: IpcRendererEvent, value: unknown): void => {
    if (accept(value)) callback(value);
  };
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isProgress = (value: unknown): value is ImportProgress =>
  typeof value === 'object' && value !== null && typeof (value as ImportProgress).done === 'number' && typeof (value as ImportProgress).total === 'number';

const bridge: CrossreadBridge = {
  transport: 'electron',
  invoke: (name, input) => call(API_CHANNEL_PREFIX, name, input),
  invokeShell: (name, input) => call(SHELL_CHANNEL_PREFIX, name, input),
  onCommand: (callback) => listen(COMMAND_CHANNEL, isString, callback),
  onImportProgress: (callback) => listen(IMPORT_PROGRESS_CHANNEL, isProgress, callback),
};

contextBridge.exposeInMainWorld('crossread', bridge);
