import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CSP_DIRECTIVES } from './electron/csp.ts';

/**
 * The CSP also travels inside index.html as a <meta> tag. The app:// handler and the browser-mode
 * server already send it as a header; the tag is a second line of defence should a page ever be
 * served without it, and it lets static scanners (Electronegativity) see the policy.
 * frame-ancestors is left out: browsers ignore it in a meta tag and warn.
 */
function cspMeta(): Plugin {
  const policy = CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
    .map(([name, sources]) => `${name} ${sources}`)
    .join('; ');
  return {
    name: 'crossread-csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build is served from app://crossread/ and from browser mode.
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
