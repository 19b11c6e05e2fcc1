import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codingOf, overlappedUnits, segmentsOf, unitsOf } from '../../../shared/agreement-units';
import { splitParagraphs } from '../../../shared/text';
import { CORPUS_DIR } from '../../support/corpus';

const corpus = (file: string) => fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8');
const FILES = ['kazpravda-2025-11-07-velizade.txt', 'caravan-2025-11-kazantsev.txt', 'zakon-2026-03-02-badamov.txt'];

describe('agreement units on the corpus', () => {
  it('cuts every corpus paragraph into trimmed, ordered sentences that stay inside it', () => {
    for (const file of FILES) {
      const text = corpus(file);
      const paragraphs = unitsOf(text, 'paragraph');
      const sentences = unitsOf(text, 'sentence');
      expect(paragraphs).toEqual(splitParagraphs(text));
      expect(sentences.length).toBeGreaterThan(paragraphs.length);
      for (const [i, s] of sentences.entries()) {
        expect(paragraphs.some((p) => p.start <= s.start && s.end <= p.end)).toBe(true);
        expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
        if (i > 0) expect(s.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end);
      }
    }
  });

  it('takes a sentence of the interview as one unit, and "17 млрд." does not end one', () => {
    const text = corpus('kazpravda-2025-11-07-velizade.txt');
    const shown = unitsOf(text, 'sentence').map((s) => text.slice(s.start, s.end));
    expect(shown).toContain('Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.');
    expect(shown).toContain('Ближний Восток сегодня — важное направление для Казахстана.');
    const caravan = corpus('caravan-2025-11-kazantsev.txt');
    const withBillions = unitsOf(caravan, 'sentence').map((s) => caravan.slice(s.start, s.end)).filter((s) => s.includes('17 млрд'));
    expect(withBillions.length).toBeGreaterThan(0);
    for (const s of withBillions) expect(s).toMatch(/17 млрд.* \S/);
  });

  it('counts a unit as coded when a claim overlaps it by one character, and not when the claim only touches it', () => {
    const units = [
      { start: 0, end: 10 },
      { start: 11, end: 20 },
      { start: 21, end: 30 },
    ];
    expect(overlappedUnits(units, 9, 12)).toEqual([0, 1]);
    expect(overlappedUnits(units, 10, 11)).toEqual([]);
    expect(overlappedUnits(units, 20, 21)).toEqual([]);
    expect(overlappedUnits(units, 0, 30)).toEqual([0, 1, 2]);
    const coding = codingOf(units, [{ id: 'c', documentId: 'd', start: 15, end: 25, author: 'Alice', tagIds: ['t', 'u'] }]);
    expect([...coding.get('Alice')!.get('t')!]).toEqual([1, 2]);
    expect([...coding.get('Alice')!.get('u')!]).toEqual([1, 2]);
  });

  it('cuts paragraphs at every claim edge into segments that cover the paragraphs exactly', () => {
    const text = 'First paragraph here.\nSecond one, longer.';
    const segments = segmentsOf(text, [
      { id: 'a', documentId: 'd', start: 6, end: 15, author: 'A', tagIds: ['t'] },
      { id: 'b', documentId: 'd', start: 10, end: 28, author: 'B', tagIds: ['t'] },
    ]);
    expect(segments.map((s) => text.slice(s.start, s.end))).toEqual(['First ', 'para', 'graph', ' here.', 'Second', ' one, longer.']);
  });
});
