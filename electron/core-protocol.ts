/**
 * The messages between the main process and the core's utility process (core-host.ts). Everything
 * here crosses Electron's port as a structured clone: plain data, Uint8Array for bytes.
 */
import type { ApiResponse } from '../shared/contract';

/** What the core needs to start; BackendOptions without the parts that cannot be cloned. */
export interface CoreStartOptions {
  homeDir: string;
  resourcesDir: string;
  version: string;
  appName: string;
  projectPath?: string | undefined;
  /** The main process's log file, which `app.info` reports (the core writes through main). */
  logFile: string | null;
}

export type ToHost =
  | { type: 'start'; options: CoreStartOptions }
  | { type: 'call'; id: number; name: string; input: unknown }
  | { type: 'printed'; id: number; ok: true; bytes: Uint8Array }
  | { type: 'printed'; id: number; ok: false; message: string }
  | { type: 'close' };

export type LogLevel = 'info' | 'warn' | 'error';

export type FromHost =
  /** Posted as soon as the host is loaded: the handshake. */
  | { type: 'hello' }
  | { type: 'started'; ok: true; project: string | null }
  | { type: 'started'; ok: false; message: string }
  /** `project`: the file open after the call, so a restarted core reopens it. */
  | { type: 'result'; id: number; response: ApiResponse<unknown>; project: string | null }
  | { type: 'print'; id: number; html: string }
  | { type: 'log'; level: LogLevel; message: string }
  | { type: 'closed' };

const FROM_HOST_TYPES: ReadonlySet<string> = new Set(['hello', 'started', 'result', 'print', 'log', 'closed']);

/** A message from the host, or null for anything else arriving on the port. */
export function fromHost(message: unknown): FromHost | null {
  if (typeof message !== 'object' || message === null) return null;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && FROM_HOST_TYPES.has(type) ? (message as FromHost) : null;
}
