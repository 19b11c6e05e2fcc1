import type { z } from 'zod';
import type { ApiInput, ApiName, ApiOutput, ErrorCode, ShellApi, ShellName } from '../../shared/contract';
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

type ChosenImport = z.output<ShellApi['dialog.importDocuments']['output']>;

/** The native import dialog, which imports what was chosen: its report, null when cancelled. */
export async function importWithDialog(): Promise<ChosenImport | 'unavailable'> {
  const res = await getTransport().invokeShell('dialog.importDocuments', {});
  if (!res.ok) return res.error.code === 'unavailable' ? 'unavailable' : Promise.reject(new ApiError(res.error.code, res.error.message));
  return res.value as ChosenImport;
}

/** Native dialogs; resolves to undefined where the shell cannot serve them (browser mode). */
export async function callShell<N extends Exclude<ShellName, 'dialog.importDocuments'>>(name: N, input: z.input<ShellApi[N]['input']> = {} as z.input<ShellApi[N]['input']>): Promise<{ path: string } | null | undefined> {
  const res = await getTransport().invokeShell(name, input);
  if (!res.ok) return res.error.code === 'unavailable' ? undefined : Promise.reject(new ApiError(res.error.code, res.error.message));
  return res.value as { path: string } | null;
}
