/**
 * Dossier PDFs in the desktop app: Chromium's own print (webContents.printToPDF) of the dossier
 * HTML in a hidden window that is sandboxed, has JavaScript switched off, lives in its own
 * in-memory session and may load nothing but the one temporary file it prints.
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

/** The part of Electron the printer uses, passed in so it can be tested without Electron. */
export interface PdfWindow {
  webContents: {
    session: { webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void } };
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
    loadURL(url: string): Promise<void>;
    printToPDF(options: PrintToPDFOptions): Promise<Buffer>;
  };
  destroy(): void;
}

export function createPdfPrinter(makeWindow: (options: BrowserWindowConstructorOptions) => PdfWindow): (html: string) => Promise<Buffer> {
  return async (html) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-pdf-'));
    const file = path.join(dir, 'dossier.html');
    fs.writeFileSync(file, html, 'utf8');
    const allowed = pathToFileURL(file).href;
    const win = makeWindow({ show: false, width: 900, height: 1200, webPreferences: pdfWebPreferences() });
    try {
      // The HTML's CSP already forbids every request; this refuses them a second time, below the page.
      win.webContents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== allowed }));
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      await win.webContents.loadURL(allowed);
      return await win.webContents.printToPDF(PDF_OPTIONS);
    } finally {
      win.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
