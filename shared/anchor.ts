/**
 * Finding a quote again in a text that may differ from the one it was taken from — a corrected
 * copy, other line breaks — the way the W3C Web Annotation model and Hypothesis anchor: the
 * offsets (TextPositionSelector) are a hint, the quote with its prefix and suffix
 * (TextQuoteSelector) is the truth. Exact occurrences are tried first, then an approximate search
 * (Myers' bit-parallel algorithm, approx-string-match) allowing a bounded number of edits; every
 * candidate is scored on quote, prefix and suffix similarity and closeness to the old position.
 * Offsets are UTF-16 code units.
 */
import search from 'approx-string-match';
import { trimRange } from './text';

export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface AnchorMatch {
  start: number;
  end: number;
  /** Edits between the quote and the text found (0 for an exact occurrence). */
  errors: number;
  /** Overall score in [0, 1]: 1 is the quote with its context at the expected place. */
  score: number;
}

/** Relative weights of the evidence: the quote itself counts most, the position least. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

/** At most this share of the quote may be edits for an approximate match to count. */
const MAX_ERROR_RATE = 1 / 3;
/** Quotes this short are only found exactly: a few edits would make them match almost anywhere. */
const MIN_FUZZY_LENGTH = 8;
/** How many approximate candidates (fewest edits first) are scored per text. */
const MAX_FUZZY_CANDIDATES = 200;

/**
 * The fewest edits turning `expected` into some stretch of `actual` (a quote's context is short:
 * this plain dynamic programme over two rows beats setting up the bit-parallel search for it).
 */
function editsToBestStretch(actual: string, expected: string): number {
  const m = expected.length;
  // column[i]: edits between expected[0, i) and the best stretch of actual ending here.
  let prev = new Uint16Array(m + 1);
  let next = new Uint16Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = prev[m]!;
  for (let j = 1; j <= actual.length; j++) {
    next[0] = 0; // a stretch may start anywhere
    const a = actual.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const substitute = prev[i - 1]! + (expected.charCodeAt(i - 1) === a ? 0 : 1);
      next[i] = Math.min(substitute, prev[i]! + 1, next[i - 1]! + 1);
    }
    if (next[m]! < best) best = next[m]!;
    [prev, next] = [next, prev];
  }
  return best;
}

/** Contexts up to this long are compared by editsToBestStretch, longer ones by the bit-parallel search. */
const SHORT_CONTEXT = 256;

/** Similarity in [0, 1] of `expected` to the best match of it inside `actual`. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual.includes(expected)) return 1;
  const edits =
    expected.length <= SHORT_CONTEXT && actual.length <= 2 * SHORT_CONTEXT
      ? editsToBestStretch(actual, expected)
      : search(actual, expected, expected.length).reduce((min, m) => Math.min(min, m.errors), expected.length);
  return 1 - Math.min(edits, expected.length) / expected.length;
}

function scoreAt(text: string, q: QuoteSelector, start: number, end: number, errors: number, hint: number | null): number {
  const quote = 1 - errors / Math.max(1, q.exact.length);
  // Context compared over a little more than its length, so an inserted word next to it still matches.
  const slack = 8;
  const prefix = similarity(text.slice(Math.max(0, start - q.prefix.length - slack), start), q.prefix);
  const suffix = similarity(text.slice(end, end + q.suffix.length + slack), q.suffix);
  const position = hint === null ? 0.5 : 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
  return (WEIGHT.quote * quote + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix + WEIGHT.position * position) / TOTAL;
}

function best(candidates: AnchorMatch[]): AnchorMatch | null {
  let top: AnchorMatch | null = null;
  for (const c of candidates) if (!top || c.score > top.score || (c.score === top.score && c.start < top.start)) top = c;
  return top;
}

/** The part of the text a search looks at: [from, to). */
interface Span {
  from: number;
  to: number;
}

/** Exact occurrences of the quote (within `span` when given), scored; at most `limit`, so a one-word quote stays cheap. */
export function exactMatches(text: string, q: QuoteSelector, hint: number | null, limit = 1000, span?: Span): AnchorMatch[] {
  const out: AnchorMatch[] = [];
  if (q.exact.length === 0) return out;
  // A window is searched as its own string, so a quote that is not in it costs no scan of the rest.
  const from = span?.from ?? 0;
  const haystack = span ? text.slice(span.from, span.to) : text;
  for (let i = haystack.indexOf(q.exact); i !== -1 && out.length < limit; i = haystack.indexOf(q.exact, i + 1)) {
    const start = from + i;
    out.push({ start, end: start + q.exact.length, errors: 0, score: scoreAt(text, q, start, start + q.exact.length, 0, hint) });
  }
  return out;
}

/** Approximate occurrences of the quote (within `span` when given) within the error budget, scored. */
export function fuzzyMatches(text: string, q: QuoteSelector, hint: number | null, span?: Span): AnchorMatch[] {
  if (q.exact.length < MIN_FUZZY_LENGTH) return [];
  const maxErrors = Math.min(256, Math.floor(q.exact.length * MAX_ERROR_RATE));
  const from = span?.from ?? 0;
  const haystack = span ? text.slice(span.from, span.to) : text;
  // Only the closest candidates are scored: a short quote with a generous budget can match at
  // thousands of places, and scoring each one compares its context too.
  const found = search(haystack, q.exact, maxErrors)
    .sort((a, b) => a.errors - b.errors)
    .slice(0, MAX_FUZZY_CANDIDATES);
  const out: AnchorMatch[] = [];
  for (const m of found) {
    const { start, end } = trimRange(text, from + m.start, from + m.end);
    if (end <= start) continue;
    out.push({ start, end, errors: m.errors, score: scoreAt(text, q, start, end, m.errors, hint) });
  }
  return out;
}

/**
 * An exact occurrence this good is taken without looking further: quote, prefix and suffix all
 * (nearly) as expected, so only the position could still tell it from another one — and every
 * closer position lies inside the window searched first.
 */
const ACCEPT_EXACT = (WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix) / TOTAL;
/** An approximate match this good near the expected position is taken without searching the rest of the text. */
const ACCEPT_FUZZY = 0.8;

/**
 * The windows searched before the whole text, around the expected position: the approximate
 * search costs time in proportion to the text searched (a second per thousand quotes on a 1 MB
 * text), and a corrected copy keeps its passages near where they were.
 */
function windowsAround(length: number, at: number, quoteLength: number): Span[] {
  const out: Span[] = [];
  for (const radius of [1024 + 2 * quoteLength, 32_768 + 8 * quoteLength]) {
    const span = { from: Math.max(0, at - radius), to: Math.min(length, at + quoteLength + radius) };
    if (span.from === 0 && span.to === length) break;
    out.push(span);
  }
  return out;
}

/** An exact occurrence in the window nearest `at` good enough to take at once (see ACCEPT_EXACT), or null. */
function nearExact(text: string, q: QuoteSelector, at: number | null): AnchorMatch | null {
  const near = at === null ? undefined : windowsAround(text.length, at, q.exact.length)[0];
  if (!near) return null;
  const m = best(exactMatches(text, q, at, 1000, near));
  return m && m.score >= ACCEPT_EXACT ? m : null;
}

/** The best approximate match, looked for in the growing windows around `at`, then in the whole text. */
function fuzzyIn(text: string, q: QuoteSelector, at: number | null): AnchorMatch | null {
  if (at !== null) {
    for (const w of windowsAround(text.length, at, q.exact.length)) {
      const m = best(fuzzyMatches(text, q, at, w));
      if (m && m.score >= ACCEPT_FUZZY) return m;
    }
  }
  return best(fuzzyMatches(text, q, at));
}

/**
 * Anchors a quote in one text. `hint` is the old TextPositionSelector: when the text there is the
 * quote, that is the answer. Otherwise the best exact occurrence, otherwise the best approximate
 * one (both looked for near the old position first), otherwise null.
 */
export function anchorQuote(text: string, q: QuoteSelector, hint: { start: number; end: number } | null): AnchorMatch | null {
  if (hint && hint.end > hint.start && hint.end <= text.length && text.slice(hint.start, hint.end) === q.exact) {
    return { start: hint.start, end: hint.end, errors: 0, score: 1 };
  }
  const at = hint?.start ?? null;
  return nearExact(text, q, at) ?? best(exactMatches(text, q, at)) ?? fuzzyIn(text, q, at);
}

/**
 * Anchors a quote across several texts (a target whose document is not in the project, such as a
 * corrected copy): any exact occurrence beats every approximate one; among equals the best score
 * wins. `hint` is the old position in a text of `sourceLength` characters; in each text the search
 * starts at the same relative place (a copy with other line breaks is shorter or longer throughout).
 */
export function anchorAcross<K>(
  texts: readonly { key: K; text: string }[],
  q: QuoteSelector,
  hint: { start: number; sourceLength: number | null } | null = null,
): { key: K; match: AnchorMatch } | null {
  const expected = (text: string) =>
    hint === null ? null : hint.sourceLength ? Math.round((hint.start * text.length) / Math.max(1, hint.sourceLength)) : Math.min(hint.start, text.length);
  const pick = (find: (text: string, at: number | null) => AnchorMatch | null) => {
    let top: { key: K; match: AnchorMatch } | null = null;
    for (const { key, text } of texts) {
      const m = find(text, expected(text));
      if (m && (!top || m.score > top.match.score)) top = { key, match: m };
    }
    return top;
  };
  return pick((t, at) => nearExact(t, q, at)) ?? pick((t, at) => best(exactMatches(t, q, at))) ?? pick((t, at) => fuzzyIn(t, q, at));
}
