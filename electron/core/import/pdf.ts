/**
 * PDF import (.pdf) with Mozilla's PDF.js (pdfjs-dist, legacy Node build). It runs inside the
 * import isolate (electron/core/isolate), so a file built to exhaust memory or time costs one
 * refusal. PDF.js's own worker is not started: its message handler is loaded into this thread
 * (globalThis.pdfjsWorker), the "fake worker" PDF.js uses when it finds one there. PDF.js has no
 * JavaScript engine of its own (its scripting sandbox is a separate bundle, never loaded here), so
 * a PDF's JavaScript actions are data that is never run.
 */
import { guessLanguage, titleFromFileName } from './metadata';
import { layOutPages, type PdfRun } from './pdf-layout';
import { decryptStream, fileKey, opensWithoutPassword, readSecurity } from './pdf-crypt';
import { MAX_INFLATED_STREAM_BYTES, oversizedStreams, pdfText } from './pdf-streams';
import { quoted, refuse } from './refuse';
import type { ExtractedDocument, ImportSource } from './types';

/** More pages than a source an analyst reads; a longer file is a book to split, or a trap. */
export const MAX_PDF_PAGES = 2000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

/** A file whose start or end is missing was cut off (a broken download): PDF.js would quietly read what is left. */
function looksWhole(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return head.includes('%PDF-') && tail.includes('%%EOF');
}

const infoText = (info: Record<string, unknown>, key: string): string => {
  const value = info[key];
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, 500) : '';
};

export async function extractPdf(src: ImportSource): Promise<ExtractedDocument> {
  const name = quoted(src.name);
  const damaged = refuse(
    `${name} is damaged or incomplete (it may have been cut off while downloading), so it was not imported; download or export it again and import the new copy.`,
  );
  if (!looksWhole(src.bytes)) throw damaged;
  const text = pdfText(src.bytes);
  // An owner password alone only sets permissions: such a file opens, and is read like any other.
  // One that needs a user password, or whose encryption cannot be read here to measure its streams, is refused.
  const security = readSecurity(text);
  if (security === 'unsupported') {
    throw refuse(
      `${name} is encrypted in a way Crossread cannot check (such as AES-256 or a certificate), so it was not imported; open it in a PDF reader, save or print an unprotected copy and import that.`,
    );
  }
  if (security && !opensWithoutPassword(security)) throw encrypted(name);
  const key = security ? fileKey(security) : null;
  const oversized = oversizedStreams(src.bytes, text, security && key ? (num, gen, data) => decryptStream(security, key, num, gen, data) : undefined);
  if (oversized) {
    const what = oversized === 'stream' ? `a compressed stream that unpacks to more than ${MAX_INFLATED_STREAM_BYTES / 1024 / 1024} MB` : 'compressed streams that unpack to more than 1 GB together';
    throw refuse(`${name} holds ${what}, more than Crossread reads from one PDF; a file like this is damaged or built to overload the app, so it was not imported.`);
  }

  const pdfjs = await loadPdfJs();
  // PDF.js takes ownership of the buffer it is given; the caller keeps its own.
  const task = pdfjs.getDocument({
    data: new Uint8Array(src.bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    stopAtErrors: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    // Fonts are needed for their character maps only; nothing is drawn, so images are never decoded.
    maxImageSize: 0,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      if ((error as { name?: string }).name === 'PasswordException') throw encrypted(name);
      throw damaged;
    }
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    if (doc.numPages > MAX_PDF_PAGES) {
      throw refuse(
        `${name} has ${doc.numPages.toLocaleString('en-US')} pages; Crossread imports PDFs of up to ${MAX_PDF_PAGES.toLocaleString('en-US')} pages, so split it into smaller files (e.g. by chapter) and import them one by one.`,
      );
    }

    const pages: PdfRun[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.length === 0) continue;
        const [a, b, , , x, y] = item.transform as number[];
        // Only horizontal text takes part in the layout; rotated runs (margin notes, stamps) are read as lines of their own.
        runs.push({ str: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height });
      }
      pages.push(runs);
      page.cleanup();
    }
    const laidOut = layOutPages(pages);
    if (!/\S/.test(laidOut.text)) {
      throw refuse(
        `${name} has no text to select — it is a scan; run OCR on it first, e.g. with OCRmyPDF, and import the result.`,
      );
    }
    return {
      text: laidOut.text,
      title: infoText(info, 'Title') || titleFromFileName(src.name),
      outlet: '',
      author: infoText(info, 'Author'),
      // A PDF's creation date is when the file was made, not when the text was published.
      date: null,
      language: guessLanguage(laidOut.text),
      format: 'pdf',
      encoding: 'pdf',
      pageStarts: laidOut.pageStarts,
    };
  } finally {
    await task.destroy();
  }
}

function encrypted(name: string) {
  return refuse(
    `${name} is encrypted and needs a password to open, so Crossread cannot read its text; open it in a PDF reader with its password, save or print an unprotected copy and import that.`,
  );
}
