import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/import';
import { isPlausibleRussian } from '../../../electron/core/import/decode';
import {
  KAZPRAVDA,
  concatBytes,
  corpusText,
  importError,
  pseudoRandomBytes,
  singleByteEncoder,
  utf16be,
  utf16le,
  utf8,
} from './helpers';

const content = corpusText(KAZPRAVDA);
const expectedText = content.slice(' date 2025-11-07 '.length);

describe('decoding text bytes', () => {
  it('decodes UTF-8 with a BOM and drops the BOM', async () => {
    const doc = await extractDocument({
      name: 'bom.txt',
      bytes: concatBytes(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(content)),
    });
    expect(doc.encoding).toBe('utf-8');
    expect(doc.date).toBe('2025-11-07');
    expect(doc.text).toBe(expectedText);
  });

  it('decodes UTF-16LE with a BOM', async () => {
    const doc = await extractDocument({ name: 'le.txt', bytes: concatBytes(Uint8Array.of(0xff, 0xfe), utf16le(content)) });
    expect(doc.encoding).toBe('utf-16le');
    expect(doc.date).toBe('2025-11-07');
    expect(doc.text).toBe(expectedText);
  });

  it('decodes UTF-16BE with a BOM', async () => {
    const doc = await extractDocument({ name: 'be.txt', bytes: concatBytes(Uint8Array.of(0xfe, 0xff), utf16be(content)) });
    expect(doc.encoding).toBe('utf-16be');
    expect(doc.text).toBe(expectedText);
  });

  it('recognises UTF-16LE without a BOM by its NUL bytes', async () => {
    const doc = await extractDocument({ name: 'le-nobom.txt', bytes: utf16le(content) });
    expect(doc.encoding).toBe('utf-16le');
    expect(doc.date).toBe('2025-11-07');
    expect(doc.text).toBe(expectedText);
  });

  it('recognises UTF-16BE without a BOM by its NUL bytes', async () => {
    const doc = await extractDocument({ name: 'be-nobom.md', bytes: utf16be('# Hello\n\nPlain *English* text.') });
    expect(doc.encoding).toBe('utf-16be');
    expect(doc.text).toBe('Hello\n\nPlain English text.');
  });

  it('falls back to Windows-1251 for Russian text that is not UTF-8', async () => {
    const toCp1251 = singleByteEncoder('windows-1251');
    const paragraph = expectedText.split('\n').find((line) => line.includes('«Южный Кавказ»')) ?? '';
    expect(paragraph.length).toBeGreaterThan(100);

    const one = await extractDocument({ name: 'paragraph.txt', bytes: toCp1251(paragraph) });
    expect(one.encoding).toBe('windows-1251');
    expect(one.text).toBe(paragraph);
    expect(one.language).toBe('ru');

    const whole = await extractDocument({ name: 'whole.txt', bytes: toCp1251(content.replace(/\n/g, '\r\n')) });
    expect(whole.encoding).toBe('windows-1251');
    expect(whole.date).toBe('2025-11-07');
    expect(whole.text).toBe(expectedText);
  });

  it('refuses Russian text in KOI8-R rather than importing it as Windows-1251 garbage', async () => {
    const toKoi8 = singleByteEncoder('koi8-r');
    const sample = expectedText.slice(0, 2000).replace(/[«»“”]/g, '"').replace(/[–—]/g, '-');
    const error = await importError('koi8.txt', toKoi8(sample));
    expect(error.message).toContain('does not look like Windows-1251 Russian text');
  });

  it('refuses bytes that are neither UTF-8 nor Russian Windows-1251, naming the first bad byte', async () => {
    const bytes = Uint8Array.from(Buffer.from('caf\xe9 \xc3\x28 \x80\x81', 'latin1'));
    const error = await importError('cafe.txt', bytes);
    expect(error.message).toBe(
      '"cafe.txt" is not valid UTF-8 (first bad byte at position 3) and does not look like Windows-1251 Russian text; save it as UTF-8 and import again.',
    );
  });

  it('reports the position of a bad byte after valid multi-byte characters', async () => {
    const bytes = concatBytes(utf8('Привет мир, hello '), Uint8Array.of(0xc3, 0x28), utf8(' world'));
    const error = await importError('late.txt', bytes);
    expect(error.message).toContain('(first bad byte at position 27)');
  });

  it('refuses a UTF-16 BOM followed by data that is not UTF-16', async () => {
    const error = await importError('odd.txt', Uint8Array.of(0xff, 0xfe, 0x41, 0x00, 0x00, 0xdc));
    expect(error.message).toContain('"odd.txt" starts with a UTF-16LE byte-order mark but its content is not valid UTF-16LE');
  });

  it('refuses a binary file renamed .txt', async () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);
    const error = await importError('photo.txt', concatBytes(png, pseudoRandomBytes(4096)));
    expect(error.message).toBe(
      '"photo.txt" looks like a binary file, not text; choose a plain-text, Markdown, HTML or Word (.docx) file instead.',
    );
  });

  it('refuses control-character soup even without NUL bytes', async () => {
    const bytes = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x61));
    const error = await importError('controls.txt', bytes);
    expect(error.message).toContain('looks like a binary file, not text');
  });

  it('keeps a few tabs and form feeds as text', async () => {
    const doc = await extractDocument({ name: 'tabs.txt', bytes: utf8('a\tb\fc\n') });
    expect(doc.text).toBe('a\tb\fc\n');
  });
});

describe('the Windows-1251 plausibility check', () => {
  it('accepts ordinary Russian prose', () => {
    expect(isPlausibleRussian('Президент посетил Вашингтон, где провёл переговоры «на высшем уровне».')).toBe(true);
  });

  it('rejects Cyrillic letters fused with Latin ones in the same words', () => {
    expect(isPlausibleRussian('cafй rйsumй naпve dйjа vu Ђ')).toBe(false);
  });

  it('rejects text that is mostly symbols rather than Russian letters', () => {
    expect(isPlausibleRussian('Цена ‰ ‰ ‰ Ђ Ђ † ‡ • Ѓ Ј')).toBe(false);
  });

  it('rejects the all-caps pattern of KOI8-R read as Windows-1251', () => {
    expect(isPlausibleRussian('рТЕЪЙДЕОФ ЛБЪЩН-цПНБТФ фПЛБЕЧ РПУЕФЙМ чБЫЙОЗФПО')).toBe(false);
  });
});
