/**
 * A team server for tests, on loopback: Hocuspocus with the token rule of `crossread serve`
 * (crt1.<projectKey>.<userId>.<secret>, the document named by the project key). The documents it
 * stored are kept across stop() and start() on the same port, as the real server's storage keeps them.
 */
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';

export interface TestTeamServer {
  url: string;
  port: number;
  /** A token for `user` on the team `project` (a new team key when the project is new). */
  issueToken(project: string, user: string): string;
  /** Stops listening, dropping every client's connection. */
  stop(): Promise<void>;
  /** Listens again on the same port, with the stored documents. */
  start(): Promise<void>;
}

export async function startTestTeamServer(): Promise<TestTeamServer> {
  const secrets = new Map<string, string>();
  const stored = new Map<string, Uint8Array>();
  let port = 0;
  let server: Server | null = null;
  const sockets = new Set<Socket>();

  const listen = async () => {
    const s = new Server({
      port,
      address: '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      async onAuthenticate({ token, documentName }) {
        const m = /^crt1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token ?? '');
        if (!m || m[1] !== documentName || secrets.get(`${m[1]}.${m[2]}`) !== m[3]) throw new Error('permission-denied');
        return { user: m[2] };
      },
      async onLoadDocument({ document, documentName }) {
        const update = stored.get(documentName);
        if (update) Y.applyUpdate(document, update);
        return document;
      },
      async onStoreDocument({ document, documentName }) {
        stored.set(documentName, Y.encodeStateAsUpdate(document));
      },
    });
    s.httpServer.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await s.listen();
    port = s.address.port;
    server = s;
  };
  await listen();

  return {
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    issueToken(project, user) {
      const secret = randomBytes(18).toString('base64url');
      secrets.set(`${project}.${user}`, secret);
      return `crt1.${project}.${user}.${secret}`;
    },
    async stop() {
      // As a crash would: the clients' connections drop at once (a graceful close leaves them open).
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await server?.destroy();
      server = null;
    },
    start: listen,
  };
}
