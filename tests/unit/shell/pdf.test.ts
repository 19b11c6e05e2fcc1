/** The desktop PDF printer: a hidden, sandboxed, script-less window that may load only its own file. */
import fs from 'node:fs';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createPdfPrinter, type PdfWindow } from '../../../electron/pdf';

describe('the desktop PDF printer', () => {
  it('prints the HTML in a hidden sandboxed window without JavaScript and blocks every other request', async () => {
    const seen: { options?: BrowserWindowConstructorOptions; url?: string; print?: PrintToPDFOptions; destroyed: boolean; html?: string; filter?: (u: string) => boolean } = { destroyed: false };
    const print = createPdfPrinter((options): PdfWindow => {
      seen.options = options;
      return {
        webContents: {
          session: {
            webRequest: {
              onBeforeRequest: (listener) => {
                seen.filter = (url) => {
                  let cancel = false;
                  listener({ url }, (r) => (cancel = r.cancel));
                  return cancel;
                };
              },
            },
          },
          setWindowOpenHandler: () => undefined,
          loadURL: async (url) => {
            seen.url = url;
            seen.html = fs.readFileSync(new URL(url), 'utf8');
          },
          printToPDF: async (o) => {
            seen.print = o;
            return Buffer.from('%PDF-');
          },
        },
        destroy: () => (seen.destroyed = true),
      };
    });
    const pdf = await print('<p>Досье</p>');
    expect(pdf.toString()).toBe('%PDF-');
    expect(seen.options).toMatchObject({ show: false, webPreferences: { sandbox: true, javascript: false, nodeIntegration: false, contextIsolation: true } });
    expect(seen.html).toBe('<p>Досье</p>');
    expect(seen.filter!(seen.url!)).toBe(false);
    expect(seen.filter!('https://evil.example/x.png')).toBe(true);
    expect(seen.filter!('file:///etc/passwd')).toBe(true);
    expect(seen.print).toMatchObject({ preferCSSPageSize: true, printBackground: true });
    expect(seen.destroyed).toBe(true);
    expect(fs.existsSync(new URL(seen.url!))).toBe(false);
  });
});
