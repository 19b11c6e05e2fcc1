/**
 * Binds the API contract to Electron IPC: one `ipcMain.handle` channel per contract entry,
 * `api:<name>` for backend calls and `shell:<name>` for calls only the shell serves (dialogs).
 * Every handler checks who is asking before doing anything, and always answers with an
 * ApiResponse — never a rejected promise, whose message Electron would mangle.
 */
import type { z } from 'zod';
import { API_NAMES, SHELL_NAMES, shellApi } from '../shared/contract';
import type { ApiResponse, ShellApi, ShellName } from '../shared/contract';
import { API_CHANNEL_PREFIX, SHELL_CHANNEL_PREFIX } from './channels';
import { AppError } from './core/errors';
import { isAppUrl } from './protocol';

/** The part of the backend IPC needs; `createBackend()` from ./core/backend satisfies it. */
export interface Dispatcher {
  dispatch(name: string, input: unknown): Promise<ApiResponse<unknown>>;
}

export type ShellInput<N extends ShellName> = z.output<ShellApi[N]['input']>;
export type ShellOutput<N extends ShellName> = z.output<ShellApi[N]['output']>;

/** One implementation per shell call; the input has already been validated. */
export type ShellHandlers = { [N in ShellName]: (input: ShellInput<N>) => Promise<ShellOutput<N>> };

/** What an invoke event must tell us: the frame that sent it (null once it navigated away). */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

/** The subset of Electron's `ipcMain` used here, so tests can pass a recording fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<ApiResponse<unknown>>): void;
  removeHandler(channel: string): void;
}


const REFUSED: ApiResponse<never> = {
  ok: false,
  error: { code: 'bad-input', message: 'refused: unknown sender' },
};

/**
 * Only our own pages may call: the sending frame must still exist and be served from
 * app://crossread/. A frame that navigated elsewhere (or an injected iframe from another origin)
 * is refused before its input is even looked at.
 */
export function isTrustedSender(event: InvokeEventLike): boolean {
  let frame: InvokeEventLike['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    return false; // the getter throws on some Electron versions once the frame is gone
  }
  return frame !== null && typeof frame.url === 'string' && isAppUrl(frame.url);
}

/** Registers every API and shell channel. Returns a function that removes them again. */
export function registerIpc(ipcMain: IpcMainLike, backend: Dispatcher, shellHandlers: ShellHandlers): () => void {
  const channels: string[] = [];

  for (const name of API_NAMES) {
    const channel = API_CHANNEL_PREFIX + name;
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event)) return REFUSED;
      return backend.dispatch(name, input);
    });
    channels.push(channel);
  }

  for (const name of SHELL_NAMES) {
    const channel = SHELL_CHANNEL_PREFIX + name;
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event)) return REFUSED;
      return callShell(name, input, shellHandlers);
    });
    channels.push(channel);
  }

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

async function callShell<N extends ShellName>(
  name: N,
  input: unknown,
  handlers: ShellHandlers,
): Promise<ApiResponse<ShellOutput<N>>> {
  const parsed = shellApi[name].input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: { code: 'bad-input', message: `${name}: ${issue?.message ?? 'invalid input'}${where}` } };
  }
  try {
    const handler: ShellHandlers[N] = handlers[name];
    return { ok: true, value: await handler(parsed.data as ShellInput<N>) };
  } catch (error) {
    // A refusal meant for the user (e.g. no project open) keeps its code and words.
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `${name} failed: ${message}` } };
  }
}
