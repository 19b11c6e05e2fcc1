/**
 * The app:// protocol, without Electron: which file an `app://crossread/<path>` URL names, and the
 * response that serves it. Electron registers the scheme and calls `serveAppRequest`
 * (see scheme.ts); everything here runs under plain Node so it can be tested there.
 *
 * The page is untrusted as far as this code goes: a compromised renderer may ask for any URL.
 * So the path is checked segment by segment *after* decoding, and anything odd is refused rather
 * than repaired — the renderer bundle only ever asks for plain names like `assets/index-3f2a.js`.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'crossread';
/** Origin of the renderer in the desktop app; every trusted page URL starts with `${APP_ORIGIN}/`. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
const INDEX_FILE = 'index.html';

/** True when `url` is a page or resource of the app itself (scheme and host both match exactly). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * The file under `rootDir` that `requestUrl` names, or null when the URL is not ours or its path
 * could reach outside `rootDir` (dot segments, encoded or not; encoded slashes; backslashes; NUL
 * and control characters; empty segments such as `//etc`; drive letters). `/` serves index.html.
 */
export function resolveAppPath(requestUrl: string, rootDir: string): string | null {
  const prefix = `${APP_ORIGIN}/`;
  if (!requestUrl.startsWith(prefix)) return null;
  let rawPath = requestUrl.slice(prefix.length);
  const queryAt = rawPath.search(/[?#]/);
  if (queryAt >= 0) rawPath = rawPath.slice(0, queryAt);

  const root = path.resolve(rootDir);
  if (rawPath === '') return path.join(root, INDEX_FILE);

  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    // A raw backslash is a separator on Windows; refuse it before decoding hides nothing else.
    if (raw.includes('\\')) return null;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed escape such as %E0%A4%A
    }
    if (!isPlainSegment(segment)) return null;
    segments.push(segment);
  }

  const resolved = path.resolve(root, ...segments);
  return isInside(root, resolved) ? resolved : null;
}

/**
 * A segment the renderer bundle could legitimately use. Leading dots are refused outright: that
 * covers `.` and `..` (also after %2e decoding) and Windows' trailing-dot folding of `...`, and the
 * bundle has no hidden files.
 */
function isPlainSegment(segment: string): boolean {
  if (segment === '' || segment.startsWith('.')) return false;
  if (segment.endsWith('.') || segment.endsWith(' ')) return false; // Windows strips these
  // Separators that only appear after decoding (%2f, %5c), and ':' (drive letters, NTFS
  // alternate data streams).
  if (/[/\\:]/.test(segment)) return false;
  // NUL and the other control characters.
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** MIME type by file extension; unknown types are served as opaque bytes (with nosniff). */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: responseHeaders('text/plain; charset=utf-8') });
}

/**
 * Serves an app:// request from `rootDir` (the built renderer). Refused and missing paths are
 * both 404, so a probe learns nothing about the disk.
 */
export async function serveAppRequest(request: Request, rootDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: responseHeaders('text/plain; charset=utf-8') });
  }
  const filePath = resolveAppPath(request.url, rootDir);
  if (filePath === null) return notFound();
  try {
    // The lexical check above cannot see symlinks; compare real paths too. Electron's asar
    // support patches fs.promises.realpath, so this also works inside app.asar.
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(filePath)]);
    if (!isInside(realRoot, realFile)) return notFound();
    const body = await readFile(realFile);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: responseHeaders(mimeTypeFor(filePath)),
    });
  } catch {
    return notFound(); // missing file, or a directory
  }
}
