/**
 * PDF import on PDFs printed by Chromium from known HTML (tests/fixtures/printed-pdf.ts), so every
 * expected character is known: reading order over two columns, hyphenated words joined, running
 * headers, footers and page numbers left out of the text but not out of the page map.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, IMPORT_LIMITS } from '../../../electron/core/import';
import { printHtmlToPdf } from '../../../electron/core/export/chromium';
import { expectedText, printArticle, readParagraph, SAMPLE_ARTICLE } from '../../fixtures/printed-pdf';

let printed: Buffer;
beforeAll(async () => {
  printed = await printArticle(SAMPLE_ARTICLE);
}, 120_000);

describe('PDF import', () => {
  it('a printed two-column article reads column by column with hyphenated words joined and headers, footers and page numbers left out', async () => {
    const doc = await extractDocument({ name: 'kazpravda.pdf', bytes: printed });
    expect(doc.text).toBe(expectedText(SAMPLE_ARTICLE));
    expect(doc.text).toContain('инвестиций в Средний коридор');
    expect(doc.text).toContain('Северо-Западном');
    expect(doc.text).not.toContain(SAMPLE_ARTICLE.header);
    expect(doc.text).not.toContain(SAMPLE_ARTICLE.footer);
    expect(doc).toMatchObject({ format: 'pdf', title: SAMPLE_ARTICLE.title, language: 'ru' });
  });

  it('every page of a printed article knows where its text starts', async () => {
    const doc = await extractDocument({ name: 'kazpravda.pdf', bytes: printed });
    expect(doc.pageStarts).toHaveLength(SAMPLE_ARTICLE.pages.length);
    expect(doc.pageStarts![0]).toBe(0);
    SAMPLE_ARTICLE.pages.forEach((paragraphs, i) => {
      expect(doc.text.slice(doc.pageStarts![i]!)).toMatch(new RegExp(`^${i === 0 ? SAMPLE_ARTICLE.title : readParagraph(paragraphs[0]!).slice(0, 20)}`));
    });
  });

  it('a PDF with only a picture on its page is refused as a scan that needs OCR', async () => {
    const scan = await printHtmlToPdf(
      '<!doctype html><html><head><meta charset="utf-8"></head><body><svg width="400" height="300"><rect width="400" height="300" fill="#ccc"/><circle cx="200" cy="150" r="80" fill="#333"/></svg></body></html>',
    );
    await expect(extractDocument({ name: 'scan.pdf', bytes: scan })).rejects.toThrow(
      '"scan.pdf" has no text to select — it is a scan; run OCR on it first, e.g. with OCRmyPDF, and import the result.',
    );
  });

  it('a truncated PDF is refused as damaged instead of importing the pages that survived', async () => {
    const cut = printed.subarray(0, Math.floor(printed.length * 0.6));
    await expect(extractDocument({ name: 'cut.pdf', bytes: cut })).rejects.toThrow(
      '"cut.pdf" is damaged or incomplete (it may have been cut off while downloading), so it was not imported; download or export it again and import the new copy.',
    );
  });

  it('a file named .pdf that is not a PDF is refused as damaged', async () => {
    const bytes = Buffer.from('<html>not a pdf %%EOF</html>');
    await expect(extractDocument({ name: 'fake.pdf', bytes })).rejects.toThrow('"fake.pdf" is damaged or incomplete');
  });

  it('a PDF over the size limit is refused before PDF.js opens it', async () => {
    const big = Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1, 0x20);
    big.write('%PDF-1.7\n');
    big.write('%%EOF\n', big.length - 6);
    await expect(extractDocument({ name: 'huge.pdf', bytes: big })).rejects.toThrow(/^"huge\.pdf" is 20\.00 MB; Crossread imports files up to 20 MB/);
  });
});
