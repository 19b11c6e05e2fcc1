import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrossreadBridge } from '../../../electron/preload';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Stand-ins for contextBridge and ipcRenderer that record what the preload does. */
const fakes = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: Array<{ channel: string; input: unknown }> = [];
  const listeners = new Map<string, Listener[]>();
  const ipcRenderer = {
    invoke: (channel: string, input: unknown): Promise<unknown> => {
      invoked.push({ channel, input });
      if (channel === 'api:missing.call') return Promise.reject(new Error("No handler registered for 'api:missing.call'"));
      return Promise.resolve({ ok: true, value: channel });
    },
    on: (channel: string, listener: Listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    },
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed.set(key, api);
    },
  };
  return { exposed, invoked, listeners, ipcRenderer, contextBridge };
});

vi.mock('electron', () => ({ contextBridge: fakes.contextBridge, ipcRenderer: fakes.ipcRenderer }));

await import('../../../electron/preload');

function bridge(): CrossreadBridge {
  const api = fakes.exposed.get('crossread');
  if (!api) throw new Error('window.crossread was not exposed');
  return api as CrossreadBridge;
}

beforeEach(() => {
  fakes.invoked.length = 0;
});

describe('preload bridge', () => {
  it('exposes exactly one small object, and not ipcRenderer', () => {
    expect([...fakes.exposed.keys()]).toEqual(['crossread']);
    const api = bridge();
    expect(Object.keys(api).sort()).toEqual(['invoke', 'invokeShell', 'onCommand', 'transport']);
    expect(api.transport).toBe('electron');
    expect(Object.values(api)).not.toContain(fakes.ipcRenderer);
  });

  it('sends API calls on api:<name> and shell calls on shell:<name>', async () => {
    const api = bridge();
    expect(await api.invoke('tags.list', {})).toEqual({ ok: true, value: 'api:tags.list' });
    expect(await api.invokeShell('dialog.openProject', {})).toEqual({ ok: true, value: 'shell:dialog.openProject' });
    expect(fakes.invoked).toEqual([
      { channel: 'api:tags.list', input: {} },
      { channel: 'shell:dialog.openProject', input: {} },
    ]);
  });

  it.each([['../x'], ['api:tags.list'], ['tags'], ['tags.list.more'], ['Tags.list'], ['tags.li st'], ['']])(
    'refuses the malformed name %j without sending anything',
    async (name) => {
      const answer = await bridge().invoke(name, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'bad-input' } });
      expect(fakes.invoked).toEqual([]);
    },
  );

  it('refuses a name that is not a string', async () => {
    const invoke = bridge().invoke as (name: unknown, input: unknown) => Promise<unknown>;
    expect(await invoke({ toString: () => 'tags.list' }, {})).toMatchObject({ ok: false });
    expect(fakes.invoked).toEqual([]);
  });

  it('turns a missing handler into an error answer instead of a rejection', async () => {
    const answer = await bridge().invoke('missing.call', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers menu commands as strings only, and unsubscribes', () => {
    const received: unknown[] = [];
    const stop = bridge().onCommand((...args: unknown[]) => received.push(args));
    const [listener] = fakes.listeners.get('command') ?? [];
    if (!listener) throw new Error('no command listener registered');
    listener({ sender: fakes.ipcRenderer }, 'project.open');
    listener({ sender: fakes.ipcRenderer }, { not: 'a string' });
    expect(received).toEqual([['project.open']]);
    stop();
    expect(fakes.listeners.get('command')).toEqual([]);
  });
});
