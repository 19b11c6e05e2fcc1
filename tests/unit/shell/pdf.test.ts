/** The desktop PDF printer: a hidden, sandboxed, script-less window that may load only its own file. */
import fs from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPdfPrinter, PDF_PARTITION } from '../../../electron/pdf';
import type { ElectronStandin } from './electron-standin';

vi.mock('electron', async () => (await import('./electron-standin')).createElectron());
const electron = (await import('electron')) as unknown as ElectronStandin;
const { standin } = electron;

const printer = () => createPdfPrinter((options) => new electron.BrowserWindow(options));

beforeEach(() => {
  standin.loadDelay = () => Promise.resolve();
});

describe('the desktop PDF printer', () => {
  it('prints the HTML in a hidden sandboxed window without JavaScript and blocks every other request', async () => {
    let html = '';
    let blocked: boolean[] = [];
    standin.loadDelay = async (url) => {
      html = fs.readFileSync(new URL(url), 'utf8');
      const { webRequest } = standin.fromPartition(PDF_PARTITION);
      blocked = [webRequest.cancels(url), webRequest.cancels('https://evil.example/x.png'), webRequest.cancels('file:///etc/passwd')];
    };
    const pdf = await printer()('<p>Досье</p>');
    const win = standin.windows.at(-1)!;
    expect(pdf.toString()).toMatch(/^%PDF- file:/);
    expect(win.options).toMatchObject({ show: false, webPreferences: { sandbox: true, javascript: false, nodeIntegration: false, contextIsolation: true } });
    expect(html).toBe('<p>Досье</p>');
    expect(blocked).toEqual([false, true, true]);
    expect(win.webContents.printed).toMatchObject([{ preferCSSPageSize: true, printBackground: true }]);
    expect(win.destroyed).toBe(true);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({ action: 'deny' });
    expect(fs.existsSync(new URL(win.webContents.loaded[0]!))).toBe(false);
  });

  it('two overlapping PDF exports both print, and the request filter is removed when they are done', async () => {
    const print = printer();
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let loads = 0;
    standin.loadDelay = () => (++loads === 1 ? firstHeld : Promise.resolve());

    const first = print('<p>first</p>');
    await vi.waitFor(() => expect(loads).toBe(1));
    // The second export starts and finishes while the first page is still loading.
    const second = await print('<p>second</p>');
    releaseFirst();
    expect((await first).toString()).toMatch(/^%PDF- file:/);
    expect(second.toString()).toMatch(/^%PDF- file:/);

    // Both windows used the one shared session, as Electron shares sessions by partition.
    const [a, b] = standin.windows.slice(-2);
    expect(a!.webContents.session).toBe(b!.webContents.session);
    expect(standin.fromPartition(PDF_PARTITION).webRequest.listener).toBeNull();
  });

  it('removes the filter after a failed load too', async () => {
    standin.loadDelay = () => Promise.reject(new Error('ERR_FAILED'));
    await expect(printer()('<p>x</p>')).rejects.toThrow('ERR_FAILED');
    expect(standin.fromPartition(PDF_PARTITION).webRequest.listener).toBeNull();
    expect(standin.windows.at(-1)!.destroyed).toBe(true);
  });
});
