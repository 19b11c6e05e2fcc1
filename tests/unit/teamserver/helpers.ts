/** Clients and waiting for the team server tests: real HocuspocusProviders over Node's own WebSocket. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-teamserver-'));
}

/** Polls until `check` holds; throws with `what` if it does not within `limitMs` (a hang guard, not a speed check). */
export async function waitFor(what: string, check: () => boolean, limitMs = 15_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface TestClient {
  doc: Y.Doc;
  records: Y.Map<unknown>;
  provider: HocuspocusProvider;
  /** Reasons of every authenticationFailed event. */
  authFailures: string[];
  authenticated: () => boolean;
  synced: () => boolean;
  close(): void;
}

/** A client the way the desktop connects: document name and token taken from the token. */
export function connect(url: string, token: string, name = token.split('.')[1] ?? 'x'): TestClient {
  const doc = new Y.Doc();
  const authFailures: string[] = [];
  let authenticated = false;
  const provider = new HocuspocusProvider({
    url,
    name,
    token,
    document: doc,
    // Reconnect quickly after a server restart, so tests do not sit out the default back-off.
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
    onAuthenticated: () => {
      authenticated = true;
    },
    onAuthenticationFailed: ({ reason }) => {
      authFailures.push(reason);
    },
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return {
    doc,
    records: doc.getMap('records'),
    provider,
    authFailures,
    authenticated: () => authenticated,
    synced: () => provider.isSynced,
    close: () => provider.destroy(),
  };
}
