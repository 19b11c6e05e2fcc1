/**
 * The sandboxed preload: exposes `window.crossread`, a handful of functions, through
 * contextBridge. It may import only 'electron' at run time (sandboxed preloads get no Node
 * require), so the contract's name tables and zod stay out of it; names are checked by shape
 * here and against the contract in the main process, which validates every input again.
 *
 * Never hand the page `ipcRenderer` or an IPC event object: either would let it send on any
 * channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ApiResponse } from '../shared/contract';

/** The shape of `window.crossread` in the desktop app. */
export interface CrossreadBridge {
  readonly transport: 'electron';
  invoke(name: string, input: unknown): Promise<ApiResponse<unknown>>;
  invokeShell(name: string, input: unknown): Promise<ApiResponse<unknown>>;
  /** Calls `callback` with each menu command; returns a function that stops listening. */
  onCommand(callback: (command: string) => void): () => void;
}

const CALL_NAME = /^[a-z]+\.[a-zA-Z]+$/;
const COMMAND_CHANNEL = 'command';

function failure(message: string): ApiResponse<never> {
  return { ok: false, error: { code: 'bad-input', message } };
}

async function call(prefix: 'api:' | 'shell:', name: unknown, input: unknown): Promise<ApiResponse<unknown>> {
  if (typeof name !== 'string' || !CALL_NAME.test(name)) {
    return failure(`not a call name: ${typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : typeof name}`);
  }
  try {
    // The main process answers with an ApiResponse; it only rejects when no handler exists.
    return (await ipcRenderer.invoke(prefix + name, input)) as ApiResponse<unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message } };
  }
}

const bridge: CrossreadBridge = {
  transport: 'electron',
  invoke: (name, input) => call('api:', name, input),
  invokeShell: (name, input) => call('shell:', name, input),
  onCommand(callback) {
    if (typeof callback !== 'function') throw new TypeError('onCommand needs a function');
    // Pass the command string only, never the event (it carries `sender`, i.e. ipcRenderer).
    const listener = (_event: IpcRendererEvent, command: unknown): void => {
      if (typeof command === 'string') callback(command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('crossread', bridge);
