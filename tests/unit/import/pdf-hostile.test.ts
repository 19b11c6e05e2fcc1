/**
 * Hostile PDFs, written object by object (tests/fixtures/pdf.ts) and imported the way the app
 * imports them (documents.import, which reads each file in the import isolate): each is refused
 * with a clear message or read safely, the project is unchanged by a refusal, and the process
 * imports a real document afterwards.
 */
import { describe, expect, it } from 'vitest';
import { corpusFile, withProject, ZAKON, type Fixture } from '../core/helpers';
import { buildPdf, flateBomb, textContent } from '../../fixtures/pdf';
import { encryptPdf } from '../../fixtures/pdf-encrypt';
import { projectRows } from './hostile';

const pdfFile = (name: string, bytes: Uint8Array) => ({ name, dataBase64: Buffer.from(bytes).toString('base64') });

async function importPdf(fx: Fixture, name: string, bytes: Uint8Array) {
  return fx.backend.call('documents.import', { files: [pdfFile(name, bytes)] });
}

/** Imports the file, expects one refusal naming it once, and the project's rows unchanged; returns the message. */
async function refused(fx: Fixture, name: string, bytes: Uint8Array): Promise<string> {
  const before = projectRows(fx.projectPath);
  const result = await importPdf(fx, name, bytes);
  expect(result.imported).toEqual([]);
  expect(result.failed).toHaveLength(1);
  const { message } = result.failed[0]!;
  expect(message.split(`"${name}"`)).toHaveLength(2);
  expect(projectRows(fx.projectPath)).toEqual(before);
  return message;
}

async function stillServes(fx: Fixture): Promise<void> {
  const after = await fx.backend.call('documents.import', { files: [corpusFile(ZAKON)] });
  expect(after.imported.map((d) => d.sourceName)).toEqual([ZAKON]);
}

async function importedText(fx: Fixture, name: string, bytes: Uint8Array): Promise<string> {
  const result = await importPdf(fx, name, bytes);
  expect(result.failed).toEqual([]);
  const doc = await fx.backend.call('documents.get', { id: result.imported[0]!.id });
  return doc.text;
}

const LINES = ['Kazakhstan joins the Abraham Accords.', 'The experts disagree about Iran.'];
const TEXT = LINES.join(' ');
const ENCRYPTED = (name: string) =>
  `"${name}" is encrypted and needs a password to open, so Crossread cannot read its text; open it in a PDF reader with its password, save or print an unprotected copy and import that.`;

describe('hostile PDFs', () => {
  it('a hand-written PDF is read, with its page map', async () => {
    const fx = await withProject();
    const result = await importPdf(fx, 'plain.pdf', buildPdf({ pages: [textContent(LINES), textContent(['Second page.'])] }));
    const doc = await fx.backend.call('documents.get', { id: result.imported[0]!.id });
    expect(doc.text).toBe(`${TEXT}\n\nSecond page.`);
    expect(doc.format).toBe('pdf');
    expect(doc.pageStarts).toEqual([0, TEXT.length + 2]);
  });

  it('a content stream that inflates to a gibibyte is refused before PDF.js inflates it, and the app carries on', async () => {
    const fx = await withProject();
    const bytes = buildPdf({ pages: [flateBomb(1024)] });
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const message = await refused(fx, 'bomb.pdf', bytes);
    expect(message).toBe(
      '"bomb.pdf" holds a compressed stream that unpacks to more than 128 MB, more than Crossread reads from one PDF; a file like this is damaged or built to overload the app, so it was not imported.',
    );
    await stillServes(fx);
  }, 60_000);

  it('pages nested 10,000 /Pages deep are refused or read, never crash the import', async () => {
    const fx = await withProject();
    const bytes = buildPdf({ pages: [textContent(LINES)], pagesDepth: 10_000 });
    const before = projectRows(fx.projectPath);
    const result = await importPdf(fx, 'deep.pdf', bytes);
    if (result.failed.length > 0) {
      expect(result.failed[0]!.message).toMatch(/^"deep\.pdf" (is damaged|could not be read|needs more than|took longer than)/);
      expect(projectRows(fx.projectPath)).toEqual(before);
    } else {
      const doc = await fx.backend.call('documents.get', { id: result.imported[0]!.id });
      expect(doc.text).toBe(TEXT);
    }
    await stillServes(fx);
  }, 60_000);

  it('a PDF whose cross-reference table points nowhere is read by rebuilding it', async () => {
    const fx = await withProject();
    expect(await importedText(fx, 'xref.pdf', buildPdf({ pages: [textContent(LINES)], xrefShift: 7 }))).toBe(TEXT);
  });

  it('a PDF with JavaScript actions is read as text and its script is never run', async () => {
    const fx = await withProject();
    const marker = `crossreadPdfScript${Date.now()}`;
    const script = `globalThis.${marker} = true; app.alert('hi');`;
    const bytes = buildPdf({
      pages: [textContent(LINES)],
      catalog: `/OpenAction << /S /JavaScript /JS (${script}) >> /Names << /JavaScript << /Names [(x) << /S /JavaScript /JS (${script}) >>] >> >>`,
    });
    expect(await importedText(fx, 'script.pdf', bytes)).toBe(TEXT);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('a PDF with garbage in its encryption entries is refused as encrypted', async () => {
    const fx = await withProject();
    const hex = (n: number) => `<${'ab'.repeat(n)}>`;
    const bytes = buildPdf({
      pages: [textContent(LINES)],
      extra: [`<< /Filter /Standard /V 1 /R 2 /O ${hex(32)} /U ${hex(32)} /P -4 >>`],
      trailer: (extra) => `/Encrypt ${extra[0]} 0 R /ID [${hex(16)} ${hex(16)}]`,
    });
    expect(await refused(fx, 'locked.pdf', bytes)).toBe(ENCRYPTED('locked.pdf'));
  });

  it('a PDF encrypted with AES-256 (revision 6), whose streams cannot be measured, is refused saying so', async () => {
    const fx = await withProject();
    const hex = (n: number) => `<${'cd'.repeat(n)}>`;
    const bytes = buildPdf({
      pages: [textContent(LINES)],
      extra: [`<< /Filter /Standard /V 5 /R 6 /Length 256 /O ${hex(48)} /U ${hex(48)} /OE ${hex(32)} /UE ${hex(32)} /Perms ${hex(16)} /P -4 >>`],
      trailer: (extra) => `/Encrypt ${extra[0]} 0 R /ID [${hex(16)} ${hex(16)}]`,
    });
    expect(await refused(fx, 'aes256.pdf', bytes)).toBe(
      '"aes256.pdf" is encrypted in a way Crossread cannot check (such as AES-256 or a certificate), so it was not imported; open it in a PDF reader, save or print an unprotected copy and import that.',
    );
  });

  it('a PDF with only an owner password (permissions, no password to open) imports with its text', async () => {
    const fx = await withProject();
    const bytes = encryptPdf({ pages: [textContent(LINES), textContent(['Second page.'])] }, { owner: 'owner-secret', user: '' });
    const result = await importPdf(fx, 'restricted.pdf', bytes);
    expect(result.failed).toEqual([]);
    const doc = await fx.backend.call('documents.get', { id: result.imported[0]!.id });
    expect(doc.text).toBe(`${TEXT}\n\nSecond page.`);
    expect(doc.pageStarts).toEqual([0, TEXT.length + 2]);
  });

  it('a PDF that needs a user password to open is refused as encrypted, the project unchanged', async () => {
    const fx = await withProject();
    const bytes = encryptPdf({ pages: [textContent(LINES)] }, { owner: 'owner-secret', user: 'reader-secret' });
    expect(await refused(fx, 'locked.pdf', bytes)).toBe(ENCRYPTED('locked.pdf'));
    await stillServes(fx);
  });

  it('an owner-password PDF hiding a decompression bomb in an encrypted stream is still refused', async () => {
    const fx = await withProject();
    const bytes = encryptPdf({ pages: [flateBomb(1024)] }, { owner: 'owner-secret', user: '' });
    const message = await refused(fx, 'sealed-bomb.pdf', bytes);
    expect(message).toMatch(/^"sealed-bomb\.pdf" holds a compressed stream that unpacks to more than 128 MB/);
    await stillServes(fx);
  }, 60_000);

  it('a PDF of more than 2,000 pages is refused, naming its page count', async () => {
    const fx = await withProject();
    const pages = Array.from({ length: 2001 }, () => textContent(['p']));
    const message = await refused(fx, 'book.pdf', buildPdf({ pages }));
    expect(message).toBe(
      '"book.pdf" has 2,001 pages; Crossread imports PDFs of up to 2,000 pages, so split it into smaller files (e.g. by chapter) and import them one by one.',
    );
  }, 60_000);
});
