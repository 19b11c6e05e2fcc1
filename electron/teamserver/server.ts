/**
 * The team sync server: Hocuspocus with durable storage (its SQLite extension, DATA/documents.sqlite),
 * token authentication against DATA/teams.sqlite, and optionally its Redis extension so that
 * several server processes keep their clients in sync. Plain Node: the CLI, the Docker image and
 * the tests run this same code.
 */
import type { Socket } from 'node:net';
import path from 'node:path';
import { Server, type onAuthenticatePayload } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Redis } from '@hocuspocus/extension-redis';
import { ensureDataDir, Registry, TeamServerError } from './registry';
import { parseToken } from './token';

export const DOCUMENTS_FILE = 'documents.sqlite';
/**
 * The largest WebSocket message the server accepts (64 MiB). A client's first sync sends its whole
 * project as one Yjs update; 64 MiB leaves room for the biggest project a share file may carry
 * (50 MB), and anything larger is closed by ws (code 1009) before it is parsed.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** A client opens one document (its project) per connection; a few more before auth answers is plenty. */
const MAX_PENDING_DOCUMENTS = 4;
/** How often open connections are checked against revoked tokens. */
const REVOCATION_SWEEP_MS = 2000;
const REDIS_CONNECT_TIMEOUT_MS = 5000;
/** Hocuspocus' own close event for a refused document: the provider reports it as authentication failed. */
const Forbidden = { code: 4403, reason: 'Forbidden' };

export interface TeamServerOptions {
  /** The folder holding teams.sqlite and documents.sqlite. */
  dataDir: string;
  /** 0 = a free port. */
  port: number;
  /** Where to listen; loopback unless told otherwise. TLS is the reverse proxy's job. */
  host?: string;
  /** redis://[user:password@]host:port[/db] (rediss:// for TLS): share documents with the other server processes on it. */
  redisUrl?: string;
  /** No log lines (tests, the bench). */
  quiet?: boolean;
  /** Overrides MAX_MESSAGE_BYTES. */
  maxMessageBytes?: number;
}

export interface RunningTeamServer {
  /** ws://host:port */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** What a connection's context holds once its token is accepted. */
export interface TeamContext {
  userId: string;
  userName: string;
  projectKey: string;
}

/** The SQLite extension with the file settings a crash needs: WAL, full sync, and a wait when another process writes. */
class DurableSQLite extends SQLite {
  override async onConfigure(): Promise<void> {
    await super.onConfigure();
    this.db?.pragma('journal_mode = WAL');
    this.db?.pragma('synchronous = FULL');
    this.db?.pragma('busy_timeout = 5000');
  }

  async onDestroy(): Promise<void> {
    this.db?.close();
    this.db = undefined;
  }
}

/** ioredis options from a redis:// URL, refusing anything else. */
export function redisConfiguration(redisUrl: string): { host: string; port: number; options: { username?: string; password?: string; db?: number; tls?: object } } {
  let url: URL;
  try {
    url = new URL(redisUrl);
  } catch {
    throw new TeamServerError('--redis needs a URL like redis://127.0.0.1:6379.');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new TeamServerError('--redis needs a redis:// or rediss:// URL.');
  const port = url.port === '' ? 6379 : Number(url.port);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
  if (db !== undefined && !Number.isInteger(db)) throw new TeamServerError('the database in the --redis URL must be a number (redis://host:6379/0).');
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    options: {
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(db !== undefined ? { db } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
      // Fail a command after a few tries instead of queueing it for ever while Redis is away.
      maxRetriesPerRequest: 3,
    } as { username?: string; password?: string; db?: number; tls?: object },
  };
}

async function connectRedis(redisUrl: string, say: (line: string) => void): Promise<Redis> {
  const redis = new Redis({ ...redisConfiguration(redisUrl), prefix: 'crossread' });
  let lastReport = 0;
  for (const client of [redis.pub, redis.sub]) {
    // ioredis reconnects by itself; say so once in a while instead of once per retry.
    client.on('error', (err: Error) => {
      if (Date.now() - lastReport < 30_000) return;
      lastReport = Date.now();
      say(`Redis: ${err.message} (retrying)`);
    });
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.pub.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer')), REDIS_CONNECT_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    redis.pub.disconnect();
    redis.sub.disconnect();
    throw new TeamServerError(`cannot reach Redis at ${redisUrl.replace(/\/\/[^@/]*@/, '//…@')} (${(err as Error).message}): start it, or check the --redis URL.`);
  } finally {
    clearTimeout(timer);
  }
  return redis;
}

/** Starts a team server on DATA; resolves once it listens. */
export async function startTeamServer(options: TeamServerOptions): Promise<RunningTeamServer> {
  const { port, host = '127.0.0.1', quiet = false } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TeamServerError('the port must be a number from 0 to 65535.');
  const say = (line: string) => {
    if (!quiet) process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  };
  const dataDir = ensureDataDir(options.dataDir);
  const registry = Registry.open(dataDir);
  let redis: Redis | undefined;
  try {
    redis = options.redisUrl ? await connectRedis(options.redisUrl, say) : undefined;
  } catch (err) {
    registry.close();
    throw err;
  }

  const authenticate = async ({ token, documentName }: onAuthenticatePayload<TeamContext>): Promise<TeamContext> => {
    // parseToken refuses anything over MAX_TOKEN_CHARS before looking at it.
    const parsed = parseToken(token);
    const user = parsed && parsed.projectKey === documentName ? registry.authenticate(parsed) : null;
    if (!parsed || !user) {
      say(`refused a connection: ${!parsed ? 'malformed token' : parsed.projectKey !== documentName ? 'token of another project' : 'unknown or revoked token'}`);
      throw Forbidden;
    }
    say(`${user.userName} (${user.userId}) connected to ${parsed.projectKey}`);
    return { ...user, projectKey: parsed.projectKey };
  };

  const server = new Server<TeamContext>({
    name: 'crossread',
    address: host,
    // Given here, not to listen(): listen(0) would fall back to Hocuspocus' default port 80.
    port,
    quiet: true,
    stopOnSignals: false,
    maxPendingDocuments: MAX_PENDING_DOCUMENTS,
    websocketOptions: { maxPayload: options.maxMessageBytes ?? MAX_MESSAGE_BYTES },
    extensions: [...(redis ? [redis] : []), new DurableSQLite({ database: path.join(dataDir, DOCUMENTS_FILE) })],
    onAuthenticate: authenticate,
    async onDisconnect({ context }) {
      if (context?.userId) say(`${context.userName} (${context.userId}) left ${context.projectKey}`);
    },
  });

  // Hocuspocus' destroy() stores the documents and stops listening but leaves open sockets be; a
  // stopped server must drop its members, so they see it gone and reconnect to the next one.
  const sockets = new Set<Socket>();
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.listen().then(() => {
        server.httpServer.off('error', reject);
        resolve();
      }, reject);
    });
  } catch (err) {
    await server.destroy().catch(() => undefined);
    registry.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new TeamServerError(`port ${port} on ${host} is in use: stop what holds it, or choose another --port.`);
    if (code === 'EACCES') throw new TeamServerError(`this user may not listen on port ${port}: choose a port above 1023, or put a reverse proxy in front.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new TeamServerError(`cannot listen on ${host}: it is not an address of this machine.`);
    throw err;
  }

  // A revoked token closes the connections it opened, not only the next ones.
  const sweep = setInterval(() => {
    for (const document of server.hocuspocus.documents.values()) {
      for (const connection of document.connections.keys()) {
        const { userId, projectKey } = connection.context;
        if (userId && !registry.isActive(projectKey, userId)) {
          say(`closed the connection of ${userId}: its token was revoked`);
          connection.close(Forbidden);
          // Closing the socket too makes the client reconnect and meet the refusal as "authentication failed".
          connection.webSocket.close(Forbidden.code, Forbidden.reason);
        }
      }
    }
  }, REVOCATION_SWEEP_MS);
  sweep.unref();

  const actualPort = server.address.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let stopping: Promise<void> | undefined;
  return {
    url: `ws://${shownHost}:${actualPort}`,
    port: actualPort,
    stop() {
      stopping ??= (async () => {
        clearInterval(sweep);
        // destroy() stores every loaded document before it resolves.
        await server.destroy();
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        registry.close();
      })();
      return stopping;
    },
  };
}
