/**
 * Every IPC channel, fed malformed input through the real registerIpc and the real backend on a
 * real project file, answers with a clean `bad-input` error and changes nothing. The malformed
 * inputs are derived from the contract itself, so an entry added to shared/contract.ts (by any
 * issue) is covered without touching this file.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api, API_NAMES, SHELL_NAMES, shellApi } from '../../../shared/contract';
import type { ApiResponse } from '../../../shared/contract';
import { registerIpc } from '../../../electron/ipc';
import type { InvokeEventLike, IpcMainLike, ShellHandlers } from '../../../electron/ipc';
import { importCorpus, withProject } from '../core/helpers';

type Listener = (event: InvokeEventLike, input: unknown) => Promise<ApiResponse<unknown>>;

class RecordingIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

const fromApp: InvokeEventLike = { senderFrame: { url: 'app://crossread/index.html' } };

/** A value no field of any entry accepts: not a string, number, boolean or array, and (every input object being strict) an object with a key nobody declares. */
const ALIEN = { '\u0000unexpected': [1, { deeper: true }] };

/** The keys an input schema declares, when it is an object schema. */
function declaredKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Malformed inputs for one entry: wrong top-level types, an undeclared key, each declared key given an alien value. */
function malformedInputs(schema: z.ZodType): [string, unknown][] {
  const cases: [string, unknown][] = [
    ['a number', 42],
    ['a string', 'input'],
    ['a boolean', true],
    ['an array', [{}]],
    ['an undeclared key', { unexpected: 1 }],
  ];
  for (const key of declaredKeys(schema)) cases.push([`${key} = an alien object`, { [key]: ALIEN }]);
  return cases;
}

/** Dialog handlers that must never run for bad input. */
function recordingShell(calls: string[]): ShellHandlers {
  const entries = SHELL_NAMES.map((name) => [
    name,
    async () => {
      calls.push(name);
      return null;
    },
  ]);
  return Object.fromEntries(entries) as unknown as ShellHandlers;
}

function expectCleanBadInput(answer: ApiResponse<unknown>, label: string): void {
  expect(answer, label).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  if (answer.ok) return;
  // A message for people: one line, short, no stack trace or internals.
  expect(answer.error.message, label).toMatch(/\S/);
  expect(answer.error.message.length, label).toBeLessThan(300);
  expect(answer.error.message, label).not.toMatch(/\n|\s+at\s+\S+\s+\(|node_modules|TypeError|ReferenceError/);
}

describe('malformed input on every IPC channel', () => {
  it('every api: channel answers bad-input and changes nothing', async () => {
    const { backend } = await withProject();
    await importCorpus(backend);
    const ipc = new RecordingIpcMain();
    const shellCalls: string[] = [];
    registerIpc(ipc, backend, recordingShell(shellCalls));

    const snapshot = async () =>
      Promise.all(
        (['project.current', 'settings.get', 'documents.list', 'tags.list', 'annotations.list', 'links.list', 'relations.list', 'history.state', 'layout.get'] as const).map(
          (name) => backend.call(name, {}),
        ),
      );
    const before = await snapshot();

    let checked = 0;
    for (const name of API_NAMES) {
      const listener = ipc.handlers.get(`api:${name}`);
      expect(listener, name).toBeDefined();
      for (const [label, input] of malformedInputs(api[name].input)) {
        expectCleanBadInput(await listener!(fromApp, input), `api:${name} with ${label}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(API_NAMES.length * 5);
    expect(await snapshot()).toEqual(before);
    expect(shellCalls).toEqual([]);
  });

  it('every shell: channel answers bad-input without opening a dialog', async () => {
    const { backend } = await withProject();
    const ipc = new RecordingIpcMain();
    const shellCalls: string[] = [];
    registerIpc(ipc, backend, recordingShell(shellCalls));
    for (const name of SHELL_NAMES) {
      const listener = ipc.handlers.get(`shell:${name}`);
      for (const [label, input] of malformedInputs(shellApi[name].input)) {
        expectCleanBadInput(await listener!(fromApp, input), `shell:${name} with ${label}`);
      }
    }
    expect(shellCalls).toEqual([]);
  });
});
