/**
 * The Content-Security-Policy of the app, shared by the Electron shell (sent as a header by the
 * app:// protocol handler) and the browser-mode server. Keep this file free of 'electron' and
 * node:* imports: the server imports it too.
 *
 * Everything the renderer loads is its own bundle, so every source is 'self' — app://crossread
 * in the desktop app, the loopback origin in browser mode. No remote origins, no eval.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [directive: string, sources: string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // 'unsafe-inline' for styles only: React's `style` props and Lexical's editor write inline
  // style attributes (caret, selection, decorator sizing), and CSP would block every one of them
  // without it. Inline styles cannot run code, so this does not open a script-injection path;
  // scripts stay 'self' only.
  ['style-src', "'self' 'unsafe-inline'"],
  // data: for small images Vite inlines into the CSS bundle.
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.map(([name, sources]) => `${name} ${sources}`).join('; ');
