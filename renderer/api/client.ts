import type { z } from 'zod';
import type { ApiInput, ApiName, ApiOutput, ErrorCode, PickedFile, ShellApi, ShellName } from '../../shared/contract';
import { createTransport, type Transport } from './transport';

/** A failed call, carrying the message the backend wrote for the user. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let transport: Transport | null = null;

export function getTransport(): Transport {
  transport ??= createTransport();
  return transport;
}

/** Calls the backend; the same code runs over Electron IPC and browser-mode HTTP. */
export async function call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  const res = await getTransport().invoke(name, input);
  if (!res.ok) throw new ApiError(res.error.code, res.error.message);
  return res.value as ApiOutput<N>;
}

/** The native import dialog: the chosen files, null when cancelled, undefined in browser mode. */
export async function pickDocuments(): Promise<PickedFile[] | null | undefined> {
  const res = await getTransport().invokeShell('dialog.importDocuments', {});
  if (!res.ok) return res.error.code === 'unavailable' ? undefined : Promise.reject(new ApiError(res.error.code, res.error.message));
  return (res.value as { files: PickedFile[] } | null)?.files ?? null;
}

/** Native dialogs; resolves to undefined where the shell cannot serve them (browser mode). */
export async function callShell<N extends Exclude<ShellName, 'dialog.importDocuments'>>(name: N, input: z.input<ShellApi[N]['input']> = {} as z.input<ShellApi[N]['input']>): Promise<{ path: string } | null | undefined> {
  const res = await getTransport().invokeShell(name, input);
  if (!res.ok) return res.error.code === 'unavailable' ? undefined : Promise.reject(new ApiError(res.error.code, res.error.message));
  return res.value as { path: string } | null;
}
