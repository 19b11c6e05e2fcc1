import { describe, expect, it } from 'vitest';
import { paragraphAround, sentenceAround, trimSelection } from '../../../shared/text';

const around = (fn: typeof sentenceAround, text: string, word: string) => {
  const at = text.indexOf(word);
  const r = fn(text, at, at + word.length);
  return text.slice(r.start, r.end);
};

describe('trimming a selection', () => {
  it('a selection of only whitespace is nothing to tag', () => {
    const text = 'Первый абзац.\n\n   \t\nВторой абзац.';
    expect(trimSelection(text, 13, 20)).toBeNull();
    expect(trimSelection(text, 14, 17)).toBeNull();
    // Non-breaking, zero-width and other invisible blanks count as whitespace too.
    expect(trimSelection('a\u00a0\u200b\u2060\ufeff b', 1, 6)).toBeNull();
    expect(trimSelection(text, 5, 5)).toBeNull();
  });

  it('moves the ends of a selection inwards past whitespace and keeps the words', () => {
    const text = 'Первый абзац.\n\nВторой абзац.';
    expect(trimSelection(text, 6, 15)).toEqual({ start: 7, end: 13 });
    expect(text.slice(7, 13)).toBe('абзац.');
    expect(trimSelection(text, 0, 6)).toEqual({ start: 0, end: 6 });
    // Offsets past either end of the text are clamped, not trusted.
    expect(trimSelection(text, -4, 999)).toEqual({ start: 0, end: text.length });
  });
});

describe('the scope of an auto-coded hit', () => {
  const text = 'Заголовок\n– Конечно, будут и критики, прежде всего, в Иране. Но т. е. родственный Ирану Таджикистан никогда… «Иран?» Он молчит!\nПоследний абзац про 17 млрд. долларов.';

  it('a sentence ends at . ! ? … before a capital, not at an abbreviation', () => {
    expect(around(sentenceAround, text, 'Иране')).toBe('– Конечно, будут и критики, прежде всего, в Иране.');
    expect(around(sentenceAround, text, 'Ирану')).toBe('Но т. е. родственный Ирану Таджикистан никогда…');
    expect(around(sentenceAround, text, 'Иран?')).toBe('«Иран?»');
    expect(around(sentenceAround, text, 'молчит')).toBe('Он молчит!');
    expect(around(sentenceAround, text, 'млрд')).toBe('Последний абзац про 17 млрд. долларов.');
  });

  it('a paragraph is its whole line, and a range over two sentences covers both', () => {
    expect(around(paragraphAround, text, 'Ирану')).toBe(text.split('\n')[1]);
    expect(around(paragraphAround, text, 'Заголовок')).toBe('Заголовок');
    const from = text.indexOf('Иране');
    const to = text.indexOf('Ирану') + 5;
    const r = sentenceAround(text, from, to);
    expect(text.slice(r.start, r.end)).toBe('– Конечно, будут и критики, прежде всего, в Иране. Но т. е. родственный Ирану Таджикистан никогда…');
  });
});
