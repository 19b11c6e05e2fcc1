import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../electron/core/backend';
import { printHtmlToPdf } from '../../electron/core/export/chromium';
import { generateText } from '../lib/corpus';
import type { BenchCase, BenchContext, Row } from '../types';

const PAGES = 300;
/** About a printed page of two-column text. */
const PAGE_CHARS = 2_600;
const LIMIT_MS = 5_000;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A 300-page article in two columns with a running header and page numbers, printed once per run. */
async function printedBook(ctx: BenchContext): Promise<Buffer> {
  const pages = Array.from({ length: PAGES }, (_, i) => generateText(PAGE_CHARS, 900 + i).split('\n\n'));
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>Bench PDF</title><style>
@page { size: A4; margin: 20mm 16mm; @top-left { content: "Crossread bench"; font: 9pt sans-serif; } @bottom-right { content: counter(page); } }
body { font: 10.5pt/1.35 serif; } .cols { column-count: 2; column-gap: 3em; } p { margin: 0 0 8pt; } section + section { break-before: page; }
</style></head><body>${pages.map((ps) => `<section><div class="cols">${ps.map((p) => `<p>${esc(p)}</p>`).join('')}</div></section>`).join('')}</body></html>`;
  const t0 = performance.now();
  const pdf = await printHtmlToPdf(html);
  ctx.log(`pdf: ${PAGES}-page PDF printed in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(pdf.length / 1024 / 1024).toFixed(1)} MB)`);
  return pdf;
}

/** Imports one file into a fresh project through the backend (the isolate reads it), in ms. */
async function importOnce(dir: string, name: string, bytes: Buffer, n: number): Promise<{ ms: number; text: string; pages: number }> {
  const home = fs.mkdtempSync(path.join(dir, `home-${n}-`));
  const backend = createBackend({ homeDir: home, resourcesDir: home, version: 'bench', rememberRecent: false });
  try {
    await backend.call('project.create', { path: path.join(home, 'p.crossread') });
    const t0 = performance.now();
    const result = await backend.call('documents.import', { files: [{ name, dataBase64: bytes.toString('base64') }] });
    const ms = performance.now() - t0;
    if (result.imported.length !== 1) throw new Error(`pdf bench: ${name} was not imported: ${JSON.stringify(result.failed)}`);
    const doc = await backend.call('documents.get', { id: result.imported[0]!.id });
    return { ms, text: doc.text, pages: doc.pageStarts.length };
  } finally {
    backend.close();
  }
}

export const pdfCase: BenchCase = {
  id: 'pdf',
  title: `import a ${PAGES}-page PDF`,
  async run(ctx): Promise<Row[]> {
    const dir = fs.mkdtempSync(path.join(ctx.workDir, 'pdf-'));
    const pdf = await printedBook(ctx);
    const samples: number[] = [];
    const baseline: number[] = [];
    let text = '';
    for (let i = 0; i < ctx.runs; i++) {
      const r = await importOnce(dir, 'book.pdf', pdf, i);
      if (r.pages !== PAGES) throw new Error(`pdf bench: expected ${PAGES} pages, the import found ${r.pages}`);
      samples.push(r.ms);
      text = r.text;
      // The same text as plain text: what the import costs apart from reading the PDF.
      baseline.push((await importOnce(dir, 'book.txt', Buffer.from(text, 'utf8'), 1000 + i)).ms);
    }
    ctx.log(`pdf: ${text.length.toLocaleString('en-US')} characters read from ${PAGES} pages`);
    return [
      {
        caseId: 'pdf',
        metric: `import ${PAGES}-page PDF`,
        unit: 'ms',
        samples,
        baseline,
        budget: { kind: 'max', on: 'median', limit: LIMIT_MS },
        note: `documents.import of a ${PAGES}-page two-column PDF printed by Chromium (isolate start, PDF.js, layout, store, search index); baseline: the same text imported as .txt`,
      },
    ];
  },
};
