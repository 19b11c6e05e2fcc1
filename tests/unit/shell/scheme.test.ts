import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

type Handler = (request: Request) => Response | Promise<Response>;

const fakes = vi.hoisted(() => {
  const privileged: unknown[] = [];
  const handlers = new Map<string, Handler>();
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      privileged.push(...schemes);
    },
    handle: (scheme: string, handler: Handler) => {
      handlers.set(scheme, handler);
    },
  };
  return { privileged, handlers, protocol };
});

vi.mock('electron', () => ({ protocol: fakes.protocol }));

const { handleAppScheme, registerAppSchemePrivileges } = await import('../../../electron/scheme');

const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'crossread-scheme-'));
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><p>hello</p>');

afterAll(() => {
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('app:// scheme', () => {
  it('is registered as a standard, secure, fetch-capable scheme without CSP bypass or CORS', () => {
    registerAppSchemePrivileges();
    expect(fakes.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer directory through protocol.handle, with 404 for refused paths', async () => {
    handleAppScheme(rendererDir);
    const handler = fakes.handlers.get('app');
    if (!handler) throw new Error("protocol.handle('app') was not called");

    const page = await handler(new Request('app://crossread/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(await page.text()).toContain('hello');

    const refused = await handler(new Request('app://crossread/..%2f..%2fetc%2fpasswd'));
    expect(refused.status).toBe(404);
  });
});
