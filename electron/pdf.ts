/**
 * Dossier PDFs in the desktop app: Chromium's own print (webContents.printToPDF) of the dossier
 * HTML in a hidden window that is sandboxed, has JavaScript switched off, lives in its own
 * in-memory session and may load nothing but the temporary files being printed.
 *
 * Every PDF window shares the one partition, hence one session, and a session's webRequest keeps
 * a single onBeforeRequest listener (a second call replaces the first). So one listener serves
 * all exports in flight, allowing the files of exactly those exports; it is removed when the last
 * one finishes. A listener per export would cancel the page load of an export still running.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, WebPreferences } from 'electron';

export const PDF_PARTITION = 'crossread-pdf';

export function pdfWebPreferences(): WebPreferences {
  return {
    partition: PDF_PARTITION,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    images: true,
    webviewTag: false,
    spellcheck: false,
  };
}

export const PDF_OPTIONS: PrintToPDFOptions = { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, pageSize: 'A4' };

type RequestListener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
interface PdfSession {
  webRequest: { onBeforeRequest(listener: RequestListener | null): void };
}

/** The part of Electron the printer uses, passed in so it can be tested without Electron. */
export interface PdfWindow {
  webContents: {
    session: PdfSession;
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
    loadURL(url: string): Promise<void>;
    printToPDF(options: PrintToPDFOptions): Promise<Buffer>;
  };
  destroy(): void;
}

export function createPdfPrinter(makeWindow: (options: BrowserWindowConstructorOptions) => PdfWindow): (html: string) => Promise<Buffer> {
  /** The file URLs each session may load now: one per export in flight. */
  const allowedBySession = new Map<PdfSession, Set<string>>();

  // The HTML's CSP already forbids every request; this refuses them a second time, below the page.
  const allow = (session: PdfSession, url: string): void => {
    let allowed = allowedBySession.get(session);
    if (!allowed) {
      const urls = new Set<string>();
      allowed = urls;
      allowedBySession.set(session, urls);
      session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !urls.has(details.url) }));
    }
    allowed.add(url);
  };
  const release = (session: PdfSession, url: string): void => {
    const allowed = allowedBySession.get(session);
    if (!allowed) return;
    allowed.delete(url);
    if (allowed.size > 0) return;
    allowedBySession.delete(session);
    session.webRequest.onBeforeRequest(null);
  };

  return async (html) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-pdf-'));
    const file = path.join(dir, 'dossier.html');
    fs.writeFileSync(file, html, 'utf8');
    const url = pathToFileURL(file).href;
    const win = makeWindow({ show: false, width: 900, height: 1200, webPreferences: pdfWebPreferences() });
    const { session } = win.webContents;
    try {
      allow(session, url);
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      await win.webContents.loadURL(url);
      return await win.webContents.printToPDF(PDF_OPTIONS);
    } finally {
      release(session, url);
      win.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
