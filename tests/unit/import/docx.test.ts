import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/import';
import { unpackedBytes } from '../../../electron/core/import/docx';
import { buildDocx } from '../../fixtures/docx';
import { importError, utf8 } from './helpers';


describe('docx import', () => {
  it('extracts the paragraphs, title and author of a Word document', async () => {
    const bytes = await buildDocx({
      paragraphs: ['Президент Касым-Жомарт Токаев посетил Вашингтон.', 'Second paragraph & «quotes».'],
      title: 'Интервью &amp; комментарий',
      creator: ' Ильгар  Велизаде ',
    });
    const doc = await extractDocument({ name: 'interview.docx', bytes });

    expect(doc.text).toBe('Президент Касым-Жомарт Токаев посетил Вашингтон.\n\nSecond paragraph & «quotes».');
    expect(doc.title).toBe('Интервью & комментарий');
    expect(doc.author).toBe('Ильгар Велизаде');
    expect(doc.date).toBeNull();
    expect(doc.outlet).toBe('');
    expect(doc.language).toBe('ru');
    expect(doc.format).toBe('docx');
    expect(doc.encoding).toBe('utf-8');
  });

  it('collapses empty paragraphs and reads a date header from the text', async () => {
    const bytes = await buildDocx({ paragraphs: ['date 2025-11-07 Первый абзац.', '', '', 'Второй абзац.'], title: '  ' });
    const doc = await extractDocument({ name: 'Заметка.docx', bytes });
    expect(doc.text).toBe('Первый абзац.\n\nВторой абзац.');
    expect(doc.date).toBe('2025-11-07');
    expect(doc.title).toBe('Заметка');
    expect(doc.author).toBe('');
  });

  it('refuses a docx cut to half its bytes as damaged', async () => {
    const bytes = await buildDocx({ paragraphs: ['Один.', 'Два.'], title: 'T', creator: 'C' });
    const error = await importError('cut.docx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(error.message).toBe(
      '"cut.docx" is damaged or incomplete (not a readable Word document); open it in Word or LibreOffice, save it again as .docx and import that copy.',
    );
  });

  it('refuses a text file renamed .docx and a ZIP without word/document.xml', async () => {
    const renamed = await importError('notes.docx', utf8('just some text'));
    expect(renamed.message).toContain('"notes.docx" is damaged or incomplete (not a readable Word document)');
    const noBody = await importError('empty-zip.docx', await buildDocx({ paragraphs: ['x'], omit: ['word/document.xml'] }));
    expect(noBody.message).toContain('"empty-zip.docx" is damaged or incomplete');
  });

  it('refuses a docx whose only paragraphs are empty', async () => {
    const error = await importError('blank.docx', await buildDocx({ paragraphs: ['', ' '] }));
    expect(error.message).toContain('"blank.docx" is empty');
  });

  it('stops inflating once the unpacked parts pass the budget, pictures included', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document>${'a'.repeat(4 * 1024 * 1024)}</w:document>`);
    zip.file('word/media/image.png', new Uint8Array(8 * 1024 * 1024));
    const loaded = await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const counted = await unpackedBytes(loaded, 1024 * 1024);
    expect(counted).toBeGreaterThan(1024 * 1024);
    expect(counted).toBeLessThan(4 * 1024 * 1024);
    expect(await unpackedBytes(loaded, 64 * 1024 * 1024)).toBe(12 * 1024 * 1024 + '<w:document></w:document>'.length);
  });
});
