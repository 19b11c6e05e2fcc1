/**
 * The core (SQLite, import, export) in Electron's utility process, so a long import or export
 * never stalls the main process's menus and windows. It answers the main process's calls over
 * `process.parentPort` with the backend's own `dispatch`, and asks the main process back for what
 * only it can do: printing a dossier PDF in a hidden window, and writing the log file.
 *
 * Bundled as its own entry (out/electron/core-host.cjs); started by core-client.ts. It never
 * imports 'electron': the utility process has no BrowserWindow, and the core stays plain Node.
 */
import Database from 'better-sqlite3';
import { createBackend } from './core/backend';
import type { Backend } from './core/backend';
import { log } from './core/log';
import type { FromHost, ToHost } from './core-protocol';

/** The part of Electron's ParentPort the host uses; tests pass their own. */
export interface HostPort {
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export function serveCore(port: HostPort): void {
  // better-sqlite3 loads its native binding on first use. Load it before saying hello: a process
  // that cannot (the .node not found beside app.asar, a wrong ABI) then fails the handshake, and
  // the core runs in the main process instead of failing on the user's first call.
  new Database(':memory:').close();
  let backend: Backend | null = null;
  const inflight = new Set<Promise<void>>();
  const prints = new Map<number, { resolve: (bytes: Buffer) => void; reject: (error: Error) => void }>();
  let nextPrint = 1;

  const post = (message: FromHost): void => port.postMessage(message);

  const printPdf = (html: string): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const id = nextPrint++;
      prints.set(id, { resolve, reject });
      post({ type: 'print', id, html });
    });

  const call = async (id: number, name: string, input: unknown): Promise<void> => {
    const current = backend;
    if (!current) {
      post({ type: 'result', id, response: { ok: false, error: { code: 'unavailable', message: 'Crossread’s core has not started yet.' } }, project: null });
      return;
    }
    const response = await current.dispatch(name, input);
    const project = current.project()?.file ?? null;
    try {
      post({ type: 'result', id, response, project });
    } catch (error) {
      // An answer that cannot cross the port must still answer the caller.
      log.error(`the answer to ${name} could not be sent`, error);
      post({ type: 'result', id, response: { ok: false, error: { code: 'internal', message: `${name} failed: its answer could not be sent.` } }, project });
    }
  };

  const handle = (message: ToHost): void => {
    switch (message.type) {
      case 'start': {
        // One writer of the log file: the main process.
        log.forward((level, line) => post({ type: 'log', level, message: line }), message.options.logFile);
        const { logFile: _logFile, ...options } = message.options;
        try {
          backend?.close();
          backend = createBackend({ ...options, printPdf });
          post({ type: 'started', ok: true, project: backend.project()?.file ?? null });
        } catch (error) {
          backend = null;
          post({ type: 'started', ok: false, message: error instanceof Error ? error.message : String(error) });
        }
        return;
      }
      case 'call': {
        const running = call(message.id, message.name, message.input).finally(() => inflight.delete(running));
        inflight.add(running);
        return;
      }
      case 'printed': {
        const waiting = prints.get(message.id);
        prints.delete(message.id);
        if (!waiting) return;
        if (message.ok) waiting.resolve(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
        else waiting.reject(new Error(message.message));
        return;
      }
      case 'close':
        // Calls already received (the page's last saves) finish first; then the project closes.
        void Promise.allSettled([...inflight]).then(() => {
          backend?.close();
          backend = null;
          post({ type: 'closed' });
        });
        return;
    }
  };

  port.on('message', ({ data }) => handle(data as ToHost));
  post({ type: 'hello' });
}

// In Electron's utility process; the module is also imported by tests, where there is no port.
if (process.parentPort) serveCore(process.parentPort);
