/**
 * Binds the app:// scheme into Electron. The path checks and the response live in protocol.ts.
 */
import { protocol } from 'electron';
import { APP_SCHEME, serveAppRequest } from './protocol';

/**
 * Must run before the app's `ready` event (Electron reads privileges once, at startup).
 * - standard: relative URLs, a real origin (app://crossread) and web storage work like http;
 * - secure: the origin counts as a secure context, like https;
 * - supportFetchAPI: the renderer may fetch() its own files.
 * corsEnabled stays off, so other origins cannot read app:// resources cross-origin; bypassCSP
 * stays off so our CSP header applies.
 */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After `ready`: serves app://crossread/* from `rendererDir` on the default session. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
}
