/**
 * PDF through headless Chromium, for browser mode, the CLI and tests (the desktop app prints with
 * its own webContents instead; see electron/pdf.ts). The HTML's CSP (default-src 'none') forbids
 * scripts and every request, and Chromium runs with a throwaway profile and no background
 * networking. Scripts are not switched off by flag: --blink-settings=scriptEnabled=false makes
 * headless --print-to-pdf write nothing (seen with Chromium 14x), so the CSP is what blocks them.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors';

export interface ChromiumLookup {
  env: NodeJS.ProcessEnv;
  home: string;
  exists(file: string): boolean;
  /** Directory entries (names) of a folder; [] when it does not exist. */
  list(dir: string): string[];
}

const systemLookup = (): ChromiumLookup => ({
  env: process.env,
  home: os.homedir(),
  exists: (f) => {
    try {
      return fs.statSync(f).isFile();
    } catch {
      return false;
    }
  },
  list: (dir) => {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  },
});

/** Every place looked, in order: CROSSREAD_CHROMIUM, the usual binaries on PATH and /usr/bin, Playwright's cache. */
export function chromiumCandidates(lookup: ChromiumLookup): string[] {
  const out: string[] = [];
  if (lookup.env.CROSSREAD_CHROMIUM) out.push(lookup.env.CROSSREAD_CHROMIUM);
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  const dirs = [...(lookup.env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/bin'];
  out.push('/usr/bin/chromium');
  for (const name of names) for (const dir of dirs) out.push(path.join(dir, name));
  const cache = lookup.env.PLAYWRIGHT_BROWSERS_PATH || path.join(lookup.home, '.cache', 'ms-playwright');
  for (const entry of lookup.list(cache).filter((e) => e.startsWith('chromium')).sort().reverse()) {
    out.push(path.join(cache, entry, 'chrome-linux', 'chrome'), path.join(cache, entry, 'chrome-linux64', 'chrome'));
  }
  return [...new Set(out)];
}

/**
 * The Chromium to print with. CROSSREAD_CHROMIUM, when set, must exist: a wrong setting is an
 * error of its own rather than silently printing with another browser.
 */
export function findChromium(lookup: ChromiumLookup = systemLookup()): string {
  const wanted = lookup.env.CROSSREAD_CHROMIUM;
  if (wanted) {
    if (lookup.exists(wanted)) return wanted;
    throw new AppError('unavailable', `PDF export needs Chromium, but CROSSREAD_CHROMIUM points to ${wanted}, which does not exist.`);
  }
  const tried = chromiumCandidates(lookup);
  const found = tried.find((f) => lookup.exists(f));
  if (found) return found;
  throw new AppError(
    'unavailable',
    `PDF export needs Chromium or Google Chrome, and none was found. Install Chromium (e.g. apt install chromium) or set CROSSREAD_CHROMIUM to its path. Looked for: ${tried.join(', ')}.`,
  );
}

/**
 * How long Chromium may take before it is given up on: two minutes, plus 15 s per MB of HTML, as
 * a 10,000-claim dossier (11 MB, ~1,700 pages) takes ~45 s to print on a busy 2-core machine.
 */
const printTimeoutMs = (html: string) => 120_000 + Math.ceil(html.length / 1_000_000) * 15_000;

/** Prints HTML to PDF bytes with headless Chromium. */
export async function printHtmlToPdf(html: string, chromium = findChromium()): Promise<Buffer> {
  return runHeadless(chromium, html, 'dossier.pdf', printTimeoutMs(html), 'a PDF', [
    '--no-pdf-header-footer',
    // Untagged, like the desktop app's printToPDF: tagging builds an accessibility tree of the
    // whole dossier and doubles the file (10,000 claims: ~25% less CPU, 53 → 25 MB).
    '--disable-pdf-tagging',
    '--print-to-pdf=OUTPUT',
  ]);
}

/**
 * Opens `html` in a throwaway headless Chromium that writes one file (its `output` name, put in
 * place of OUTPUT in `args`) and returns that file's bytes: the PDF printer and the PNG figures
 * share it. A run that writes nothing is an error naming Chromium's last words.
 */
export async function runHeadless(chromium: string, html: string, output: string, timeoutMs: number, what: string, args: readonly string[]): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-chromium-'));
  try {
    const input = path.join(dir, 'page.html');
    const out = path.join(dir, output);
    fs.writeFileSync(input, html, 'utf8');
    const all = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      ...args.map((a) => a.replace('OUTPUT', out)),
      pathToFileURL(input).href,
    ];
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(chromium, all, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (c: Buffer) => {
        if (err.length < 20_000) err += c.toString();
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(new AppError('unavailable', `Could not start Chromium (${chromium}) to make ${what}: ${e.message}`));
      });
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve({ code: c, stderr: err });
      });
    });
    if (!fs.existsSync(out) || fs.statSync(out).size === 0) {
      const last = stderr.trim().split('\n').slice(-3).join(' ');
      throw new AppError('internal', `Chromium (${chromium}) did not produce ${what} (exit code ${code}). ${last}`.trim());
    }
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
