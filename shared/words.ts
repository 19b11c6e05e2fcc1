/**
 * Words and their search keys, the one Russian-aware matching of Crossread: the core's full-text
 * index and the renderer's claim filter both read text through it, so the two never disagree. A key is what the index stores and a query compares: the word
 * case-folded, with ё read as е, reduced to its stem by the Snowball stemmer of its script
 * (Russian for Cyrillic, English for Latin; other words stay as they are). Offsets are UTF-16 code
 * units into the text given, as everywhere in Crossread.
 */
import snowball from 'snowball-stemmers';

export interface Token {
  start: number;
  end: number;
  key: string;
}

/**
 * A word: letters, digits and the combining marks that belong to them. Hyphens and apostrophes
 * split. A run longer than 1,000 characters is cut into words of 1,000: no language has such
 * words, and an unbounded `+` over millions of letters overflows the regular-expression stack.
 */
const WORD = /[\p{L}\p{N}\p{M}]{1,1000}/gu;
const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /^[a-z]+$/;
/** Stress accents some texts put on Russian vowels ("приве́т"); they never change the word. */
const STRESS = /[\u0300\u0301]/g;

const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The search key of one word. */
export function keyOf(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const key = computeKey(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, key);
  return key;
}

/** A word case-folded, with ё read as е and stress accents dropped: its key before stemming. */
function fold(word: string): string {
  return word.normalize('NFC').toLowerCase().replaceAll('ё', 'е').replace(STRESS, '');
}

function computeKey(word: string): string {
  const folded = fold(word);
  if (CYRILLIC.test(folded)) {
    const stem = russian.stem(folded);
    // Snowball reads the bare form of nouns in -ан/-ян (Казахстан, Иран) as a verb and cuts the н,
    // while their other forms (Казахстане, Иране) keep it: fold both to the shorter stem so every
    // form of such a word shares one key.
    return stem.length >= 4 && /[ая]н$/.test(stem) ? stem.slice(0, -1) : stem;
  }
  if (LATIN.test(folded)) return english.stem(folded);
  return folded;
}

/** The words of `text` with their offsets and keys, in order. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ start: m.index, end: m.index + m[0].length, key: keyOf(m[0]) });
  }
  return out;
}

/** The [start, end) of the first `max` words of `text`, without their keys. */
export function wordRanges(text: string, max = Infinity): [number, number][] {
  const out: [number, number][] = [];
  if (max <= 0) return out;
  for (const m of text.matchAll(WORD)) {
    out.push([m.index, m.index + m[0].length]);
    if (out.length >= max) break;
  }
  return out;
}

/** The keys of `text` as the index stores them: one space-separated term per word, in order. */
export function termsOf(text: string): string {
  let out = '';
  for (const m of text.matchAll(WORD)) out += out ? ` ${keyOf(m[0])}` : keyOf(m[0]);
  return out;
}

/** Quotes that make a phrase: "…", «…», “…”, „…“. */
const PHRASE = /"([^"]*)"|«([^»]*)»|“([^”]*)”|„([^“”]*)[“”]/g;

/** A query term: one word's key, or a phrase's keys in order. */
export type QueryItem = readonly string[];

/** The words and quoted phrases of a query, as keys; empty when it holds no word at all. */
export function parseQuery(q: string): QueryItem[] {
  const items: QueryItem[] = [];
  const seen = new Set<string>();
  const add = (keys: string[]) => {
    const id = keys.join(' ');
    if (keys.length === 0 || seen.has(id)) return;
    seen.add(id);
    items.push(keys);
  };
  const rest = q.replace(PHRASE, (...m: unknown[]) => {
    const inner = (m.slice(1, 5).find((g) => typeof g === 'string') as string | undefined) ?? '';
    add(terms(inner));
    return ' ';
  });
  for (const key of terms(rest)) add([key]);
  return items;
}

const terms = (text: string) => termsOf(text).split(' ').filter(Boolean);

/** The [start, end) ranges in `text` where a query item occurs, in order, without repeats. */
export function findRanges(text: string, items: readonly QueryItem[]): [number, number][] {
  const tokens = tokenize(text);
  const ranges: [number, number][] = [];
  for (const keys of items) {
    const n = keys.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let j = 0;
      while (j < n && tokens[i + j]!.key === keys[j]) j++;
      if (j === n) ranges.push([tokens[i]!.start, tokens[i + n - 1]!.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return ranges.filter((r, i) => i === 0 || r[0] !== ranges[i - 1]![0] || r[1] !== ranges[i - 1]![1]);
}

/**
 * The keys of several texts (a claim's quote and its note) made ready for `matchesKeys`: each text's
 * terms padded with spaces and the texts kept apart by a line break, so a phrase never spans two.
 */
export function keyHaystack(...texts: string[]): string {
  return texts.map((t) => ` ${termsOf(t)} `).join('\n');
}

/** Whether a haystack from `keyHaystack` holds every item of a parsed query, as search would find it. */
export function matchesKeys(haystack: string, items: readonly QueryItem[]): boolean {
  return items.every((keys) => haystack.includes(` ${keys.join(' ')} `));
}

/**
 * Whether a haystack from `keyHaystack` matches a filter as the user types it: like `matchesKeys`,
 * except that a last word still being typed (no space after it yet) also matches words it begins,
 * so «инвест» already finds «инвестиций» before the word is whole.
 */
export function matchesTyping(haystack: string, query: string): boolean {
  const items = parseQuery(query);
  if (matchesKeys(haystack, items)) return true;
  const typing = /[\p{L}\p{N}\p{M}]+$/u.exec(query)?.[0];
  if (!typing || /["»“”]/.test(query.slice(query.lastIndexOf(' ') + 1))) return false;
  const last = keyOf(typing);
  const rest = items.filter((keys) => !(keys.length === 1 && keys[0] === last));
  return matchesKeys(haystack, rest) && haystack.includes(` ${fold(typing)}`);
}
