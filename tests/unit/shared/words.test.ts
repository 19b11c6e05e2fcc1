/**
 * The one Russian-aware matcher: the claim browser's filter reads text through it the same way the
 * core's full-text search does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../shared/text';
import { findRanges, keyHaystack, matchesKeys, matchesTyping, parseQuery } from '../../../shared/words';
import { CORPUS_DIR } from '../../support/corpus';

const corpus = fs
  .readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8'));
const paragraphs = corpus.flatMap((text) => splitParagraphs(text).map((p) => text.slice(p.start, p.end)));

const matches = (query: string, ...texts: string[]) => matchesKeys(keyHaystack(...texts), parseQuery(query));

describe('the shared matcher', () => {
  it('the claim filter finds words while the last one is still being typed («инвест» finds «инвестиций»)', () => {
    const h = keyHaystack('структура этих инвестиций: они направлены в Казахстан');
    expect(matchesTyping(h, 'инвест')).toBe(true);
    expect(matchesTyping(h, 'Казахстан инвест')).toBe(true);
    expect(matchesTyping(h, 'ИНВЕСТИЦИЯ')).toBe(true);
    // Once a space ends the word, it must be a whole word again.
    expect(matchesTyping(h, 'инвест ')).toBe(false);
    // Earlier words stay whole words, and every one is needed.
    expect(matchesTyping(h, 'каз инвест')).toBe(false);
    expect(matchesTyping(h, 'Иран инвест')).toBe(false);
  });

  it('the claim filter finds «инвестиция» in every form search finds, not only the exact letters', () => {
    expect(matches('инвестиция', 'структура этих инвестиций: они направлены')).toBe(true);
    expect(matches('инвестиция', 'в ИНВЕСТИЦИЯХ')).toBe(true);
    // Another word (the adjective) is not a form of it, for the filter as for search.
    expect(matches('инвестиция', 'инвестиционную среду')).toBe(false);
    // On every paragraph of the corpus, the filter says yes exactly where search finds a hit.
    let found = 0;
    for (const p of paragraphs) {
      for (const q of ['инвестиция', 'Иран', 'партнёр', 'Казахстан', '«Авраамским соглашениям»']) {
        const hit = findRanges(p, parseQuery(q)).length > 0;
        expect(matches(q, p), `${q} in ${p.slice(0, 40)}`).toBe(hit);
        if (hit) found++;
      }
    }
    expect(found).toBeGreaterThan(20);
  });

  it('folds case and ё, and needs every word of the query', () => {
    expect(matches('ПАРТНЁРОМ', 'стать надёжным партнером')).toBe(true);
    expect(matches('партнер казахстан', 'Казахстан — партнёр')).toBe(true);
    expect(matches('партнер иран', 'Казахстан — партнёр')).toBe(false);
    // Punctuation alone asks for nothing.
    expect(matches('…', 'любой текст')).toBe(true);
  });

  it('matches a quoted phrase only in order, and never across the quote and the note', () => {
    expect(matches('"мирный диалог"', 'в мирном диалоге')).toBe(true);
    expect(matches('"диалог мирный"', 'в мирном диалоге')).toBe(false);
    expect(matches('"мирный диалог"', 'путь мирный', 'диалог сторон')).toBe(false);
    expect(matches('мирный диалог', 'путь мирный', 'диалог сторон')).toBe(true);
  });
});
