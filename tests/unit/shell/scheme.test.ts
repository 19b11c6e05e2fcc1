/** The app:// scheme as Electron binds it (typed stand-in), and what its handler does with paths that reach it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ElectronStandin } from './electron-standin';

vi.mock('electron', async () => (await import('./electron-standin')).createElectron());
const electron = (await import('electron')) as unknown as ElectronStandin;
const { handleAppScheme, registerAppSchemePrivileges } = await import('../../../electron/scheme');

// <parent>/secret.txt beside <parent>/renderer/index.html: what a traversal would be after.
const parent = mkdtempSync(path.join(os.tmpdir(), 'crossread-scheme-'));
const rendererDir = path.join(parent, 'renderer');
mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><p>hello</p>');
writeFileSync(path.join(parent, 'secret.txt'), 'not for the page');

afterAll(() => {
  rmSync(parent, { recursive: true, force: true });
});

describe('app:// scheme', () => {
  it('is registered before ready as a standard, secure, fetch-capable scheme without CSP bypass or CORS', () => {
    registerAppSchemePrivileges();
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    // Electron refuses both the wrong way round.
    expect(() => handleAppScheme(rendererDir)).toThrow(/after the app is ready/);
    electron.app.becomeReady();
    expect(() => registerAppSchemePrivileges()).toThrow(/before app is ready/);
  });

  it('serves the renderer directory through protocol.handle', async () => {
    handleAppScheme(rendererDir);
    const handler = electron.protocol.handlers.get('app');
    if (!handler) throw new Error("protocol.handle('app') was not called");
    const page = await handler(new Request('app://crossread/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(await page.text()).toContain('hello');
  });

  // URL parsing turns /%2e%2e/ into /.. and removes it before any handler runs, so a test with
  // such a URL proves nothing. These paths keep their hostile part until the handler sees them.
  it.each([
    'app://crossread/..%2fsecret.txt',
    'app://crossread/%2e%2e%2fsecret.txt',
    'app://crossread/assets/..%2f..%2fsecret.txt',
    'app://crossread/%2e%2e%5csecret.txt',
    'app://crossread/assets%2f%2e%2e%2f%2e%2e%2fsecret.txt',
  ])('refuses the traversal %s, which reaches the handler unnormalised', async (url) => {
    const request = new Request(url);
    // The handler is handed this very path, with the traversal still in it…
    expect(new URL(request.url).pathname).toBe(new URL(url).pathname);
    expect(decodeURIComponent(new URL(request.url).pathname)).toMatch(/\.\.[/\\]/);
    // …and the file it aims at exists: only the check stands between them.
    expect(path.resolve(rendererDir, ...decodeURIComponent(new URL(url).pathname).split(/[/\\]/).filter(Boolean))).toBe(path.join(parent, 'secret.txt'));
    const response = await electron.protocol.handlers.get('app')!(request);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the page');
  });
});
