import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathFieldsIn } from '../../shared/contract';
import type { Backend } from '../core/backend';
import { CONTENT_SECURITY_POLICY } from '../csp';

export interface ServerOptions {
  backend: Backend;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string;
}

export interface RunningServer {
  url: string;
  /** The address to open, carrying the token in the fragment (never sent to the server in logs). */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** JSON bodies carry imported files as base64: 50 files of 20 MB would not fit, one batch of a few does. */
const MAX_BODY_BYTES = 120 * 1024 * 1024;

const PATH_REFUSED =
  'In browser mode the page never names a file on disk: exports are downloads, imports are uploads, and projects are chosen in the project browser.';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * Browser mode: the real UI and the real core, served to a browser on this machine only. Every API
 * call needs the per-run token; the Host and Origin headers must name this server (so a page on
 * another site cannot reach it through DNS rebinding), and no CORS headers are ever sent.
 */
export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(`Bearer ${token}`);
  const rendererDir = path.resolve(opts.rendererDir);
  let port = 0;

  const allowedHost = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const allowedOrigin = (origin: string | undefined) =>
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;

  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!allowedHost(req.headers.host) || !allowedOrigin(req.headers.origin)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: Crossread answers only to its own page on this machine.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      const auth = Buffer.from(req.headers.authorization ?? '');
      if (auth.length !== tokenBytes.length || !timingSafeEqual(auth, tokenBytes)) {
        return sendJson(res, 401, { ok: false, error: { code: 'bad-input', message: 'Missing or wrong access token.' } });
      }
      return void handleApi(opts.backend, url.pathname.slice(5), req, res).catch(() => res.destroy());
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    serveStatic(rendererDir, url.pathname, res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        openUrl: `${url}#token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function handleApi(backend: Backend, name: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      sendJson(res, 413, { ok: false, error: { code: 'bad-input', message: 'The request is too large.' } });
      req.destroy();
      return;
    }
    chunks.push(chunk as Buffer);
  }
  let input: unknown;
  try {
    input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'bad-input', message: 'The request body is not valid JSON.' } });
  }
  // The page chooses no path on disk here: it downloads exports, uploads imports and picks projects
  // by the handles files.browse issues. Were the page compromised, a path would let it write any file.
  if (pathFieldsIn(name, input).length > 0) {
    return sendJson(res, 200, { ok: false, error: { code: 'bad-input', message: PATH_REFUSED } });
  }
  const result = await backend.dispatch(name, input);
  sendJson(res, 200, result);
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse) {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', 'Bad path');
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, `.${path.posix.normalize(rel)}`);
  if (rel.includes('\0') || (file !== root && !file.startsWith(root + path.sep))) {
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  }
  fs.readFile(file, (err, body) => {
    if (err) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    send(res, 200, type, body);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
