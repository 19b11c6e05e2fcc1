/**
 * Edited copies of a text with the truth kept: where every original character went. A copy reflows
 * paragraphs, corrects a word here and there (a letter changed, dropped or doubled), inserts new
 * sentences and drops a few whole sentences, the way a corrected edition of an article differs from
 * the one a colleague annotated. A quote whose text was dropped has no right place.
 */
import { seeded } from './stats';

export interface EditedCopy {
  text: string;
  /** For each original offset (0…length), its offset in the copy, or -1 where the character was dropped. */
  map: Int32Array;
}

const INSERTS = ['Редакция уточнила формулировку.', 'Текст дополнен после публикации.', 'Примечание переводчика.', 'Это мнение автора.'];

/** A corrected copy of `text`: about `rate` of the words edited, one sentence in `dropEvery` removed. */
export function editedCopy(text: string, seed: number, rate = 0.03, dropEvery = 25): EditedCopy {
  const rand = seeded(seed);
  const map = new Int32Array(text.length + 1).fill(-1);
  const sentences = text.match(/[^.!?\n]+[.!?]*\s*|\n+/g) ?? [text];
  let out = '';
  let at = 0;
  for (const s of sentences) {
    const dropped = /\p{L}/u.test(s) && rand() < 1 / dropEvery;
    if (!dropped) {
      for (const token of s.match(/\p{L}+|[^\p{L}]+/gu) ?? []) {
        if (/^\n\n+$/.test(token)) {
          // Paragraphs reflowed: a double break becomes a single one.
          map[at] = out.length;
          out += '\n';
        } else if (/^\p{L}{4,}$/u.test(token) && rand() < rate) {
          const i = 1 + Math.floor(rand() * (token.length - 2));
          const kind = rand();
          const edited = kind < 0.4 ? token.slice(0, i) + token.slice(i + 1) : kind < 0.7 ? token.slice(0, i) + token[i]! + token.slice(i) : `${token.slice(0, i)}о${token.slice(i + 1)}`;
          // The word's characters map to the start of the edited word, its end to its end.
          for (let k = 0; k < token.length; k++) map[at + k] = out.length + Math.min(k, edited.length);
          out += edited;
        } else {
          for (let k = 0; k < token.length; k++) map[at + k] = out.length + k;
          out += token;
        }
        at += token.length;
      }
      if (rand() < 0.04) out += `${INSERTS[Math.floor(rand() * INSERTS.length)]} `;
    } else {
      at += s.length;
    }
  }
  map[text.length] = out.length;
  return { text: out, map };
}

/** The quotes a colleague made: `count` ranges of 4–160 characters starting and ending on a letter. */
export function quoteRanges(text: string, count: number, seed: number): { start: number; end: number }[] {
  const rand = seeded(seed);
  const out: { start: number; end: number }[] = [];
  const letter = /\p{L}/u;
  while (out.length < count) {
    // Short quotes (4–7 characters) are one in five, as single words and names are often tagged.
    const length = rand() < 0.2 ? 4 + Math.floor(rand() * 4) : 8 + Math.floor(rand() * 153);
    let start = Math.floor(rand() * (text.length - length));
    while (start > 0 && letter.test(text[start - 1]!)) start--;
    let end = start + length;
    while (end < text.length && letter.test(text[end]!) && end - start < length + 12) end++;
    if (!letter.test(text[start]!) || !letter.test(text[end - 1]!) || text.slice(start, end).includes('\n')) continue;
    out.push({ start, end });
  }
  return out;
}
