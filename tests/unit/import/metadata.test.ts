import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/import';
import { guessLanguage, isCalendarDate, isoDay, primaryLanguage, takeDateHeader, titleFromFileName } from '../../../electron/core/import/metadata';
import { utf8 } from './helpers';

describe('date header', () => {
  it('removes a header fused to the first paragraph', () => {
    expect(takeDateHeader(' date 2025-11-07 Президент сказал.')).toEqual({ text: 'Президент сказал.', date: '2025-11-07' });
  });

  it('accepts "Date:" and a header on its own line', () => {
    expect(takeDateHeader('Date: 2024-02-29\n\nFirst paragraph.\n')).toEqual({ text: 'First paragraph.\n', date: '2024-02-29' });
    expect(takeDateHeader('\n DATE 2025-01-01\nText')).toEqual({ text: 'Text', date: '2025-01-01' });
  });

  it('leaves the text alone when the header is not at the start or not a real day', () => {
    expect(takeDateHeader('Text date 2025-11-07 more')).toEqual({ text: 'Text date 2025-11-07 more', date: null });
    expect(takeDateHeader('date 2025-02-30 Text')).toEqual({ text: 'date 2025-02-30 Text', date: null });
    expect(takeDateHeader('date 2025-13-01 Text')).toEqual({ text: 'date 2025-13-01 Text', date: null });
    expect(takeDateHeader('dated 2025-11-07 Text')).toEqual({ text: 'dated 2025-11-07 Text', date: null });
    expect(takeDateHeader('date 2025-11-07T10:00 Text')).toEqual({ text: 'date 2025-11-07T10:00 Text', date: null });
  });

  it('validates calendar days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('0099-01-01')).toBe(true);
    expect(isoDay('2025-11-07T09:30:00+05:00')).toBe('2025-11-07');
    expect(isoDay('07.11.2025')).toBeNull();
  });
});

describe('language guess', () => {
  it('tells Russian, Kazakh and English apart by their letters', () => {
    expect(guessLanguage('Президент Касым-Жомарт Токаев с визитом посетил Вашингтон.')).toBe('ru');
    expect(guessLanguage('Қазақстан Республикасының Президенті Вашингтонға сапармен барды және келіссөздер жүргізді.')).toBe('kk');
    expect(guessLanguage('Kazakhstan joined the Abraham Accords in November.')).toBe('en');
  });

  it('does not call Russian text Kazakh because of one Kazakh name', () => {
    const russian = 'Это интервью о внешней политике страны и её партнёрах в регионе. '.repeat(20);
    expect(guessLanguage(`${russian} Газета «Егемен Қазақстан» писала об этом.`)).toBe('ru');
  });

  it('returns an empty string without a majority script or without letters', () => {
    expect(guessLanguage('2025-11-07 12:00 — 42%')).toBe('');
    expect(guessLanguage('中华人民共和国和哈萨克斯坦 Kazakhstan')).toBe('');
  });

  it('reports the guess on imported documents', async () => {
    const doc = await extractDocument({ name: 'note.txt', bytes: utf8('An English note about nothing in particular.') });
    expect(doc.language).toBe('en');
  });
});

describe('names and tags', () => {
  it('derives the title from the file name as the user wrote it', () => {
    expect(titleFromFileName('Интервью Велизаде.final.txt')).toBe('Интервью Велизаде.final');
    expect(titleFromFileName('/tmp/x/My Notes.md')).toBe('My Notes');
    expect(titleFromFileName('.hidden')).toBe('.hidden');
  });

  it('keeps only the primary language subtag', () => {
    expect(primaryLanguage('kk-KZ')).toBe('kk');
    expect(primaryLanguage(' EN_us ')).toBe('en');
    expect(primaryLanguage('')).toBe('');
    expect(primaryLanguage('x-klingon')).toBe('');
  });
});
