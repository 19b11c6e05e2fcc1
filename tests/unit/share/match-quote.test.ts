/**
 * The cases of Hypothesis's quote-matching tests (hypothesis/client,
 * src/annotator/anchoring/test/match-quote-test.js), restated for shared/anchor.ts: the same
 * texts and expectations, so Crossread anchors at least as well as the annotator most colleagues use.
 */
import { describe, expect, it } from 'vitest';
import { anchorQuote, type AnchorMatch } from '../../../shared/anchor';

const squash = (s: string) => s.replace(/\s+/g, ' ');
const SOLITUDE = squash(`Many years later, as he faced the firing squad,
    Colonel Aureliano Buendía was to remember that distant afternoon
    when his father took him to discover ice`);
const TWO_CITIES = squash(`It was the best of times, it was the worst of times,
    it was the age of wisdom, it was the age of foolishness, it was the epoch of belief,
    it was the epoch of incredulity, it was the season of Light, it was the
    season of Darkness, it was the spring of hope, it was the winter of despair, we had
    everything before us, we had nothing before us, we were all going direct to Heaven,
    we were all going direct the other way.`);

/** Hypothesis's matchQuote(text, quote, {prefix, suffix, hint}) in our terms. */
function match(text: string, exact: string, context: { prefix?: string; suffix?: string; hint?: number } = {}): AnchorMatch | null {
  const hint = context.hint === undefined ? null : { start: context.hint, end: context.hint + exact.length };
  return anchorQuote(text, { exact, prefix: context.prefix ?? '', suffix: context.suffix ?? '' }, hint);
}

const descending = (scores: number[]) => {
  for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
};

describe('matching a quote as Hypothesis does', () => {
  it('an exact match with no position hint scores 1', () => {
    const m = match(SOLITUDE, 'discover ice')!;
    expect(m.score).toBe(1);
    expect(SOLITUDE.slice(m.start, m.end)).toBe('discover ice');
  });

  it('without an exact match the best approximate one is found, scoring between 0 and 1', () => {
    const m = match(SOLITUDE, 'some years later')!;
    expect(m.score).toBeGreaterThan(0);
    expect(m.score).toBeLessThan(1);
    expect(SOLITUDE.slice(m.start, m.end)).toBe('Many years later');
  });

  it('scores follow the quote’s similarity, down to “Some years after”', () => {
    const scores = ['Many years later', 'Many yers later', 'Some years later', 'Some years after'].map((q) => match(SOLITUDE, q)?.score ?? 0);
    expect(scores[3]).toBeGreaterThan(0);
    descending(scores);
  });

  it('scores follow the prefix’s similarity', () => {
    const quote = ', as he faced the firing squad';
    descending(['Many years later', 'Many yers later', 'Some years later', 'Some years after'].map((p) => match(SOLITUDE, quote, { prefix: p })!.score));
  });

  it('scores follow the suffix’s similarity', () => {
    const suffixes = [', as he faced the firing squad', ', as she faced the firing squad', ', as he awaited the firing squad', ', as he awaited his death'];
    descending(suffixes.map((s) => match(SOLITUDE, 'Many years later', { suffix: s })!.score));
  });

  it('a quote found nowhere near well enough gives nothing', () => {
    expect(match(TWO_CITIES, SOLITUDE)).toBeNull();
  });

  it('an empty quote or an empty text gives nothing', () => {
    expect(match('foobar', '')).toBeNull();
    expect(match('', 'foobar')).toBeNull();
  });

  const contextCases: { quote: string; prefix?: string; suffix?: string; expected: string }[] = [
    { quote: 'before us', prefix: 'we had everything', expected: 'before us, we had nothing' },
    { quote: 'before us', prefix: 'we had nothing', expected: 'before us, we were all going' },
    { quote: 'before us', prefix: 'we had every-thing', expected: 'before us, we had nothing' },
    { quote: 'before us', prefix: 'we had nout', expected: 'before us, we were all going' },
    { quote: 'we had', suffix: 'everything', expected: 'we had everything' },
    { quote: 'we had', suffix: 'nothing', expected: 'we had nothing' },
    { quote: 'we had', suffix: 'ever ting', expected: 'we had everything' },
    { quote: 'we had', suffix: 'nutting', expected: 'we had nothing' },
  ];
  for (const [i, c] of contextCases.entries()) {
    it(`of several occurrences, the one whose context matches best is taken (${i})`, () => {
      const m = match(TWO_CITIES, c.quote, { prefix: c.prefix, suffix: c.suffix })!;
      expect(TWO_CITIES.slice(m.start, m.end)).toBe(c.quote);
      expect(m.start).toBe(TWO_CITIES.indexOf(c.expected));
    });
  }

  it('the position hint decides between equally good candidates, and without one the first wins', () => {
    const a = TWO_CITIES.indexOf('everything before us') + 'everything '.length;
    const b = TWO_CITIES.indexOf('nothing before us') + 'nothing '.length;
    expect(match(TWO_CITIES, 'befor us', { hint: a })!.start).toBe(a);
    expect(match(TWO_CITIES, 'befor us', { hint: b })!.start).toBe(b);
    expect(match(TWO_CITIES, 'befor us')!.start).toBe(a);
  });

  it('a prefix longer than the text before the match still matches', () => {
    const prefix = 'It used to be many';
    const m = match(SOLITUDE, 'years later', { prefix })!;
    expect(m.start).toBeLessThan(prefix.length);
    expect(SOLITUDE.slice(m.start, m.end)).toBe('years later');
  });

  it('a match at the very end of the text is found although the suffix is missing', () => {
    const text = 'Some document text';
    const m = match(text, 'text', { suffix: 'missing' })!;
    expect(text.slice(m.start, m.end)).toBe('text');
  });
});

describe('anchoring a quote that occurs several times', () => {
  it('of three identical copies, the one next to the old position is taken, not a later one', () => {
    const para = 'The corridor matters. ';
    const text = `${para}Intro.\n${para}Middle part.\n${para}End.`;
    const first = text.indexOf(para);
    // The old offsets point a little before the first copy (the text lost a few characters).
    for (const at of [first, first + 3, first + 10]) {
      const m = anchorQuote(text, { exact: 'The corridor matters.', prefix: '', suffix: ' ' }, { start: at, end: at + 21 })!;
      expect(m.start).toBe(first);
    }
  });
});

describe('short quotes', () => {
  const text = 'Kazakhstan sent peacekeepers to Gazza last year, officials said.';

  it('a quote of 4 to 7 characters is matched approximately when its prefix and suffix agree', () => {
    const m = anchorQuote(text, { exact: 'Gaza', prefix: 'peacekeepers to ', suffix: ' last year' }, null)!;
    expect(text.slice(m.start, m.end)).toBe('Gazza');
    const seven = anchorQuote(text, { exact: 'oficials', prefix: 'year, ', suffix: ' said.' }, null);
    expect(seven && text.slice(seven.start, seven.end)).toBe('officials');
  });

  it('a short quote whose context does not agree is not matched approximately', () => {
    expect(anchorQuote(text, { exact: 'Gaza', prefix: 'tourists from ', suffix: ' next spring' }, null)).toBeNull();
    expect(anchorQuote(text, { exact: 'Gaza', prefix: '', suffix: '' }, null)).toBeNull();
  });
});
