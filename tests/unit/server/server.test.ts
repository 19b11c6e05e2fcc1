/**
 * Browser mode: the HTTP transport of the API contract. It must answer only its own page on this
 * machine (token, Host, Origin), send no CORS headers, serve the renderer with a strict CSP and
 * nothing outside the renderer folder.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { startServer, type RunningServer } from '../../../electron/server/server';

const RESOURCES_DIR = path.resolve(__dirname, '../../../resources');
const INDEX_HTML = '<!doctype html><title>Crossread test page</title>';
const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let root: string;
let backend: Backend;
let server: RunningServer;

/** A raw request: node:http lets the test choose Host, Origin and an unnormalised path. */
function request(
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
  port = server.port,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

function api(name: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request({
    method: 'POST',
    path: `/api/${name}`,
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-server-'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  // Files a path traversal would reach: beside the renderer folder and in the home folder.
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ secret: SECRET }));
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  const home = path.join(root, 'home');
  backend = createBackend({ homeDir: home, resourcesDir: RESOURCES_DIR, version: 'test', validateOutput: true, browseFrom: root });
  server = await startServer({ backend, rendererDir, port: 0 });
});

afterEach(async () => {
  await server.close();
  backend.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the API over HTTP', () => {
  it('answers a call with the right token', async () => {
    const reply = await api('app.info', {});
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { version: 'test', defaultProjectDir: path.join(root, 'home') } });
  });

  it('runs the real backend: create a project, import, list', async () => {
    const folder = JSON.parse((await api('files.browse', {})).body).value.folder as string;
    const created = JSON.parse((await api('project.createIn', { folder, name: 'Web' })).body);
    expect(created).toMatchObject({ ok: true, value: { name: 'Web', readOnly: false } });
    const file = { name: 'a.txt', dataBase64: Buffer.from('Текст для проверки.').toString('base64') };
    const imported = JSON.parse((await api('documents.import', { files: [file] })).body);
    expect(imported.value.imported).toHaveLength(1);
    const listed = JSON.parse((await api('documents.list', {})).body);
    expect(listed.value.map((d: { title: string }) => d.title)).toEqual(['a']);
    // Errors travel as values with their code.
    expect(JSON.parse((await api('documents.get', { id: 'nope' })).body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('refuses a call without a token or with a wrong one, without running it', async () => {
    const create = (headers: Record<string, string>) =>
      request({ method: 'POST', path: '/api/project.create', headers, body: JSON.stringify({ path: path.join(root, 'x') }) });
    const none = await create({});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false });
    expect((await create({ Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await create({ Authorization: `Bearer ${server.token}x` })).status).toBe(401);
    expect((await create({ Authorization: server.token })).status).toBe(401);
    expect((await create({ Authorization: `Basic ${server.token}` })).status).toBe(401);
    expect(fs.existsSync(path.join(root, 'x.crossread'))).toBe(false);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers invalid JSON with 400 bad-input', async () => {
    const reply = await api('settings.update', '{"language": ');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('answers an unknown call with bad-input and a GET on the API with 405', async () => {
    expect(JSON.parse((await api('fs.readFile', {})).body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const get = await request({ path: '/api/app.info', headers: { Authorization: `Bearer ${server.token}` } });
    expect(get.status).toBe(405);
  });
});

describe('robustness', () => {
  it('survives a malformed percent-encoding in the API name', async () => {
    const reply = await api('%E0%A4%A', {});
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect((await api('app.info', {})).status).toBe(200);
  });

  it('survives a client that disconnects in the middle of a request body', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const socket = net.connect({ host: '127.0.0.1', port: server.port });
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        `POST /api/documents.import HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"files": [',
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(rejections).toEqual([]);
      expect((await api('app.info', {})).status).toBe(200);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});

describe('who may talk to the server', () => {
  it('refuses another Host name (DNS rebinding), even with the right token', async () => {
    for (const host of [`evil.example:${server.port}`, 'evil.example', `127.0.0.1:${server.port + 1}`, `127.0.0.1.evil.example:${server.port}`]) {
      const reply = await api('app.info', {}, { Host: host });
      expect(reply.status, host).toBe(403);
      expect(reply.body).not.toContain('"ok":true');
    }
    expect((await request({ path: '/', headers: { Host: `evil.example:${server.port}` } })).status).toBe(403);
    // Its own names pass.
    expect((await api('app.info', {}, { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a request from another origin, even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${server.port}`, 'null', `https://127.0.0.1:${server.port}`]) {
      const reply = await api('app.info', {}, { Origin: origin });
      expect(reply.status, origin).toBe(403);
    }
    expect((await api('app.info', {}, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('sends no CORS headers, on any answer', async () => {
    const replies = [
      await api('app.info', {}),
      await api('app.info', {}, { Origin: 'http://evil.example' }),
      await request({ method: 'OPTIONS', path: '/api/app.info', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } }),
      await request({ method: 'OPTIONS', path: '/api/app.info' }),
      await request({ path: '/' }),
      await request({ method: 'POST', path: '/api/app.info' }),
    ];
    for (const reply of replies) {
      for (const name of Object.keys(reply.headers)) expect(name).not.toMatch(/^access-control-/);
    }
  });

  it('listens on the loopback address only', async () => {
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBe(server.port);
    expect(server.openUrl).toBe(`${server.url}#token=${server.token}`);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      // Reaching the same port on a non-loopback address must fail.
      const connected = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: external.address, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      expect(connected, `port ${server.port} reachable on ${external.address}`).toBe(false);
    }
  });
});

describe('serving the renderer', () => {
  it('serves index.html at / with a strict Content-Security-Policy', async () => {
    const reply = await request({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(reply.headers['content-security-policy'] ?? '');
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/object-src 'none'/);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets with their type', async () => {
    const reply = await request({ path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/);
    expect((await request({ path: '/assets/missing.js' })).status).toBe(404);
  });

  it('serves nothing outside the renderer folder', async () => {
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/secret.txt',
      '/..%2fpackage.json',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%2e%2e%5csecret.txt',
      '/..\\secret.txt',
      `/${encodeURIComponent(path.join(root, 'secret.txt'))}`,
      '//etc/passwd',
      '/index.html%00.js',
    ];
    for (const p of attempts) {
      const reply = await request({ path: p });
      expect(reply.status, p).toBe(404);
      expect(reply.body, p).not.toContain(SECRET);
    }
  });
});

describe('the page names no path on disk', () => {
  const refusedPath = (reply: Reply) => {
    const body = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error?.message).toMatch(/^In browser mode the page never names a file on disk/);
  };

  it('a page-supplied path is refused for every call that takes one, and nothing is written or read', async () => {
    const folder = JSON.parse((await api('files.browse', {})).body).value.folder as string;
    expect(JSON.parse((await api('project.createIn', { folder, name: 'Open' })).body).ok).toBe(true);
    const victim = path.join(root, 'victim.txt');
    fs.writeFileSync(victim, 'untouched');
    const options = { notes: true, untagged: true, order: 'date', language: 'en', bom: false };
    refusedPath(await api('export.write', { format: 'markdown', options, path: victim }));
    refusedPath(await api('share.exportTo', { path: victim }));
    // A relative path would have resolved against the server's working folder.
    refusedPath(await api('share.exportTo', { path: 'victim.txt' }));
    refusedPath(await api('share.import', { path: path.join(root, 'secret.txt'), dryRun: true }));
    refusedPath(await api('project.create', { path: path.join(root, 'Elsewhere') }));
    refusedPath(await api('project.open', { path: victim }));
    expect(fs.readFileSync(victim, 'utf8')).toBe('untouched');
    expect(fs.existsSync(path.join(root, 'Elsewhere.crossread'))).toBe(false);
    expect(fs.readdirSync(process.cwd())).not.toContain('victim.txt.crossread.json');
  });

  it('projects are opened by handles the server issued; an id it never issued opens nothing', async () => {
    const listing = JSON.parse((await api('files.browse', {})).body).value as { folder: string; path: string; entries: { id: string; name: string; kind: string }[] };
    expect(listing.path).toBe(root);
    // Folders and project files only: secret.txt and package.json are not listed.
    const names = listing.entries.map((e) => `${e.kind}:${e.name}`);
    expect(names).toContain('folder:renderer');
    expect(names.filter((n) => !n.startsWith('folder:'))).toEqual([]);
    const created = JSON.parse((await api('project.createIn', { folder: listing.folder, name: 'Study' })).body);
    expect(created.value.path).toBe(path.join(root, 'Study.crossread'));
    const again = JSON.parse((await api('files.browse', { folder: listing.folder })).body).value as typeof listing;
    const study = again.entries.find((e) => e.name === 'Study.crossread')!;
    expect(study.kind).toBe('project');
    expect(JSON.parse((await api('project.openEntry', { id: study.id })).body)).toMatchObject({ ok: true, value: { name: 'Study' } });
    const madeUp = JSON.parse((await api('project.openEntry', { id: '00000000-0000-4000-8000-000000000009' })).body);
    expect(madeUp).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A folder handle is not a project handle.
    expect(JSON.parse((await api('project.openEntry', { id: listing.folder })).body).ok).toBe(false);
    // A name is a name: a path in it is refused before anything is created.
    for (const name of ['../Escape', '/etc/Escape', 'a\\b', '.hidden', 'bad\u202ename']) {
      expect(JSON.parse((await api('project.createIn', { folder: listing.folder, name })).body), name).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect(fs.existsSync(path.join(path.dirname(root), 'Escape.crossread'))).toBe(false);
  });
});
