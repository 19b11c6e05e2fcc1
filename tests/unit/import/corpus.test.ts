import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/import';
import { CARAVAN, KAZPRAVDA, ZAKON, corpusBytes, corpusText, utf8 } from './helpers';

describe('sample corpus (.txt)', () => {
  it('takes the date header off the kazpravda file and keeps the rest verbatim', async () => {
    const content = corpusText(KAZPRAVDA);
    expect(content.startsWith(' date 2025-11-07 Президент')).toBe(true);

    const doc = await extractDocument({ name: KAZPRAVDA, bytes: corpusBytes(KAZPRAVDA) });

    expect(doc.date).toBe('2025-11-07');
    expect(doc.text.startsWith('Президент Касым-Жомарт Токаев')).toBe(true);
    expect(doc.text).toBe(content.slice(' date 2025-11-07 '.length));
    expect(doc.language).toBe('ru');
    expect(doc.title).toBe('kazpravda-2025-11-07-velizade');
    expect(doc.format).toBe('txt');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.outlet).toBe('');
    expect(doc.author).toBe('');
  });

  it('keeps the caravan file, which has no date header, exactly as it is', async () => {
    const content = corpusText(CARAVAN);
    const doc = await extractDocument({ name: CARAVAN, bytes: corpusBytes(CARAVAN) });

    expect(doc.date).toBeNull();
    expect(doc.text).toBe(content.replace(/\r\n?/g, '\n'));
    expect(doc.language).toBe('ru');
    expect(doc.title).toBe('caravan-2025-11-kazantsev');
  });

  it('reads the zakon file date header', async () => {
    const content = corpusText(ZAKON);
    const doc = await extractDocument({ name: ZAKON, bytes: corpusBytes(ZAKON) });

    expect(doc.date).toBe('2026-03-02');
    expect(doc.text).toBe(content.slice(' date 2026-03-02 '.length));
    expect(doc.text.startsWith('Казахстан демонстрирует')).toBe(true);
  });

  it('turns CRLF and lone CR into LF and changes nothing else', async () => {
    const content = corpusText(CARAVAN);
    const lines = content.split('\n');
    const mixed = lines.map((line, i) => line + (i === lines.length - 1 ? '' : i % 2 ? '\r\n' : '\r')).join('');
    expect(mixed.includes('\r')).toBe(true);

    const doc = await extractDocument({ name: 'caravan.text', bytes: utf8(mixed) });

    expect(doc.text).toBe(content);
    expect(doc.title).toBe('caravan');
  });

  it('extracts a 5 MB text whole (speed is measured in npm run bench, not here)', async () => {
    const content = corpusText(CARAVAN);
    const bytesPerCopy = utf8(content).length;
    const copies = Math.ceil((5 * 1024 * 1024) / bytesPerCopy);
    const big = utf8(` date 2025-11-07 ${content.repeat(copies)}`);
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);

    const doc = await extractDocument({ name: 'big.txt', bytes: big });

    expect(doc.date).toBe('2025-11-07');
    expect(doc.text.length).toBe(content.length * copies);
  });
});
