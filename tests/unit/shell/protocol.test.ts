import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { isAppUrl, mimeTypeFor, resolveAppPath, serveAppRequest } from '../../../electron/protocol';

const root = path.resolve('/srv/crossread/out/renderer');

describe('resolveAppPath', () => {
  it('serves index.html for the bare origin path, ignoring query and fragment', () => {
    expect(resolveAppPath('app://crossread/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://crossread/?lang=ru', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://crossread/#claims', root)).toBe(path.join(root, 'index.html'));
  });

  it('maps plain paths under the root, decoding escapes', () => {
    expect(resolveAppPath('app://crossread/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://crossread/assets/index-3f2a.js?v=1', root)).toBe(
      path.join(root, 'assets', 'index-3f2a.js'),
    );
    expect(resolveAppPath('app://crossread/fonts/PT%20Serif.woff2', root)).toBe(path.join(root, 'fonts', 'PT Serif.woff2'));
  });

  it.each([
    ['parent segment', 'app://crossread/../secret.txt'],
    ['nested parent segment', 'app://crossread/assets/../../secret.txt'],
    ['encoded dots', 'app://crossread/%2e%2e/secret.txt'],
    ['upper-case encoded dots', 'app://crossread/%2E%2E/secret.txt'],
    ['half-encoded dots', 'app://crossread/.%2e/secret.txt'],
    ['encoded slash after dots', 'app://crossread/..%2fsecret.txt'],
    ['encoded slash in a name', 'app://crossread/assets%2f..%2f..%2fsecret.txt'],
    ['single dot segment', 'app://crossread/./index.html'],
    ['absolute path (empty first segment)', 'app://crossread//etc/passwd'],
    ['encoded absolute path', 'app://crossread/%2Fetc%2Fpasswd'],
    ['windows drive', 'app://crossread/C:/Windows/win.ini'],
    ['raw backslash', 'app://crossread/..\\secret.txt'],
    ['encoded backslash', 'app://crossread/..%5csecret.txt'],
    ['NUL byte', 'app://crossread/index.html%00.png'],
    ['raw NUL byte', 'app://crossread/index.html\u0000.png'],
    ['control character', 'app://crossread/index%0a.html'],
    ['malformed escape', 'app://crossread/%E0%A4%A'],
    ['trailing slash (directory)', 'app://crossread/assets/'],
    ['hidden file', 'app://crossread/.env'],
    ['other host', 'app://evil/index.html'],
    ['look-alike host', 'app://crossread.evil.example/index.html'],
    ['userinfo trick', 'app://crossread@evil/index.html'],
    ['other scheme', 'file:///srv/crossread/out/renderer/index.html'],
    ['https origin', 'https://crossread/index.html'],
    ['no path at all', 'app://crossread'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('matches scheme and host exactly', () => {
    expect(isAppUrl('app://crossread/index.html')).toBe(true);
    expect(isAppUrl('app://crossread.evil/index.html')).toBe(false);
    expect(isAppUrl('https://crossread/')).toBe(false);
  });
});

describe('mimeTypeFor', () => {
  it('knows the types a Vite build emits', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/assets/index-3f2a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/assets/index.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('serveAppRequest', () => {
  let base: string;
  let rendererDir: string;

  beforeAll(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'crossread-protocol-'));
    rendererDir = path.join(base, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Crossread</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("hi")');
    writeFileSync(path.join(base, 'secret.txt'), 'top secret');
    symlinkSync(path.join(base, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  });

  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('serves index.html for / with the CSP and nosniff headers', async () => {
    const response = await serveAppRequest(new Request('app://crossread/'), rendererDir);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Crossread</title>');
  });

  it('serves a script with a JavaScript type', async () => {
    const response = await serveAppRequest(new Request('app://crossread/assets/app.js'), rendererDir);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("hi")');
  });

  it('answers 404 (with the CSP) for refused, missing and directory paths', async () => {
    for (const url of [
      'app://crossread/%2e%2e/secret.txt',
      'app://crossread/..%2fsecret.txt',
      'app://crossread/missing.js',
      'app://crossread/assets',
    ]) {
      const response = await serveAppRequest(new Request(url), rendererDir);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('top secret');
    }
  });

  it('does not follow a symlink out of the root', async () => {
    const response = await serveAppRequest(new Request('app://crossread/assets/link.txt'), rendererDir);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('top secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serveAppRequest(new Request('app://crossread/index.html', { method: 'POST', body: 'x' }), rendererDir);
    expect(response.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await serveAppRequest(new Request('app://crossread/index.html', { method: 'HEAD' }), rendererDir);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
