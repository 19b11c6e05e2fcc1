import { describe, expect, it } from 'vitest';
import { API_NAMES, SHELL_NAMES } from '../../../shared/contract';
import type { ApiResponse } from '../../../shared/contract';
import { isTrustedSender, registerIpc } from '../../../electron/ipc';
import type { Dispatcher, InvokeEventLike, IpcMainLike, ShellHandlers } from '../../../electron/ipc';

type Listener = (event: InvokeEventLike, input: unknown) => Promise<ApiResponse<unknown>>;

/** Records what registerIpc hands to ipcMain, the way Electron would hold it. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  call(channel: string, event: InvokeEventLike, input: unknown): Promise<ApiResponse<unknown>> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, input);
  }
}

/** A backend stand-in that records calls and answers like the real dispatch does. */
class FakeBackend implements Dispatcher {
  readonly calls: Array<{ name: string; input: unknown }> = [];
  async dispatch(name: string, input: unknown): Promise<ApiResponse<unknown>> {
    this.calls.push({ name, input });
    if (name === 'documents.get' && (typeof input !== 'object' || input === null || !('id' in input))) {
      return { ok: false, error: { code: 'bad-input', message: 'documents.get: id is required' } };
    }
    return { ok: true, value: { echoed: name } };
  }
}

function fakeShell(): ShellHandlers & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    'dialog.openProject': async () => {
      calls.push('dialog.openProject');
      return { path: '/home/ana/Gaza.crossread' };
    },
    'dialog.createProject': async () => {
      calls.push('dialog.createProject');
      return null;
    },
    'dialog.importDocuments': async () => {
      calls.push('dialog.importDocuments');
      return null;
    },
    'dialog.saveFile': async () => {
      calls.push('dialog.saveFile');
      return null;
    },
    'dialog.exportAnnotations': async () => null,
    'dialog.importAnnotations': async () => null,
    'dialog.exportRefi': async () => null,
    'dialog.importRefi': async () => null,
    'dialog.saveFigure': async () => null,
  };
}

const fromApp: InvokeEventLike = { senderFrame: { url: 'app://crossread/index.html' } };

function setup() {
  const ipc = new FakeIpcMain();
  const backend = new FakeBackend();
  const shell = fakeShell();
  const unregister = registerIpc(ipc, backend, shell);
  return { ipc, backend, shell, unregister };
}

describe('registerIpc', () => {
  it('registers one channel per API and shell entry, and nothing else', () => {
    const { ipc } = setup();
    const expected = [...API_NAMES.map((n) => `api:${n}`), ...SHELL_NAMES.map((n) => `shell:${n}`)];
    expect([...ipc.handlers.keys()].sort()).toEqual(expected.sort());
    expect(API_NAMES.length).toBeGreaterThan(20);
  });

  it('passes an app page call to the backend with its name and input, and returns its answer', async () => {
    const { ipc, backend } = setup();
    const answer = await ipc.call('api:tags.list', fromApp, {});
    expect(answer).toEqual({ ok: true, value: { echoed: 'tags.list' } });
    expect(backend.calls).toEqual([{ name: 'tags.list', input: {} }]);
  });

  it('returns the backend error for bad input', async () => {
    const { ipc } = setup();
    const answer = await ipc.call('api:documents.get', fromApp, { nope: 1 });
    expect(answer).toEqual({ ok: false, error: { code: 'bad-input', message: 'documents.get: id is required' } });
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://evil.example/' } }],
    ['a look-alike host', { senderFrame: { url: 'app://crossread.evil.example/index.html' } }],
    ['a file: page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    ['an about:blank frame', { senderFrame: { url: 'about:blank' } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s without calling the backend', async (_label, event: InvokeEventLike) => {
    const { ipc, backend } = setup();
    const answer = await ipc.call('api:project.openSample', event, {});
    expect(answer).toEqual({ ok: false, error: { code: 'bad-input', message: 'refused: unknown sender' } });
    expect(backend.calls).toEqual([]);
  });

  it('refuses a sender whose frame getter throws', async () => {
    const { ipc, backend } = setup();
    const event = {
      get senderFrame(): { url: string } | null {
        throw new Error('Render frame was disposed');
      },
    };
    const answer = await ipc.call('api:settings.get', event, {});
    expect(answer.ok).toBe(false);
    expect(backend.calls).toEqual([]);
  });

  it('refuses shell calls from other origins without opening a dialog', async () => {
    const { ipc, shell } = setup();
    const answer = await ipc.call('shell:dialog.openProject', { senderFrame: { url: 'https://evil.example/' } }, {});
    expect(answer).toEqual({ ok: false, error: { code: 'bad-input', message: 'refused: unknown sender' } });
    expect(shell.calls).toEqual([]);
  });

  it('answers a valid shell call with the handler result', async () => {
    const { ipc, shell, backend } = setup();
    expect(await ipc.call('shell:dialog.openProject', fromApp, {})).toEqual({
      ok: true,
      value: { path: '/home/ana/Gaza.crossread' },
    });
    expect(await ipc.call('shell:dialog.createProject', fromApp, {})).toEqual({ ok: true, value: null });
    expect(shell.calls).toEqual(['dialog.openProject', 'dialog.createProject']);
    expect(backend.calls).toEqual([]);
  });

  it('validates shell input against the contract before calling the handler', async () => {
    const { ipc, shell } = setup();
    const answer = await ipc.call('shell:dialog.openProject', fromApp, { defaultPath: '/etc' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('bad-input');
    expect(await ipc.call('shell:dialog.openProject', fromApp, 'x')).toMatchObject({ ok: false });
    expect(shell.calls).toEqual([]);
  });

  it('turns a failing shell handler into an internal error instead of a rejection', async () => {
    const ipc = new FakeIpcMain();
    const shell: ShellHandlers = {
      'dialog.openProject': async () => {
        throw new Error('no display');
      },
      'dialog.createProject': async () => null,
      'dialog.importDocuments': async () => null,
      'dialog.saveFile': async () => null,
      'dialog.exportAnnotations': async () => null,
      'dialog.importAnnotations': async () => null,
      'dialog.exportRefi': async () => null,
      'dialog.importRefi': async () => null,
      'dialog.saveFigure': async () => null,
    };
    registerIpc(ipc, new FakeBackend(), shell);
    const answer = await ipc.call('shell:dialog.openProject', fromApp, {});
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'dialog.openProject failed: no display' } });
  });

  it('removes every channel it registered', () => {
    const { ipc, unregister } = setup();
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('isTrustedSender', () => {
  it('accepts only frames served from app://crossread/', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://crossread/index.html#/doc' } })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://crossread' } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'app://other/index.html' } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'http://127.0.0.1:5173/' } })).toBe(false);
  });
});
