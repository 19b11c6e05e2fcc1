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

/** Similarity in [0, 1] of `expected` to the best match of it inside `actual`. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual.includes(expected)) return 1;
  const best = search(actual, expected, expected.length).reduce((min, m) => Math.min(min, m.errors), expected.length);
  return 1 - best / expected.length;
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

/** Exact occurrences of the quote, scored (at most `limit`, so a one-word quote stays cheap). */
export function exactMatches(text: string, q: QuoteSelector, hint: number | null, limit = 1000): AnchorMatch[] {
  const out: AnchorMatch[] = [];
  if (q.exact.length === 0) return out;
  for (let i = text.indexOf(q.exact); i !== -1 && out.length < limit; i = text.indexOf(q.exact, i + 1)) {
    out.push({ start: i, end: i + q.exact.length, errors: 0, score: scoreAt(text, q, i, i + q.exact.length, 0, hint) });
  }
  return out;
}

/** Approximate occurrences of the quote within the error budget, scored. */
export function fuzzyMatches(text: string, q: QuoteSelector, hint: number | null): AnchorMatch[] {
  if (q.exact.length < MIN_FUZZY_LENGTH) return [];
  const maxErrors = Math.min(256, Math.floor(q.exact.length * MAX_ERROR_RATE));
  // Only the closest candidates are scored: a short quote with a generous budget can match at
  // thousands of places, and scoring each one compares its context too.
  const found = search(text, q.exact, maxErrors)
    .sort((a, b) => a.errors - b.errors)
    .slice(0, MAX_FUZZY_CANDIDATES);
  const out: AnchorMatch[] = [];
  for (const m of found) {
    const { start, end } = trimRange(text, m.start, m.end);
    if (end <= start) continue;
    out.push({ start, end, errors: m.errors, score: scoreAt(text, q, start, end, m.errors, hint) });
  }
  return out;
}

/**
 * Anchors a quote in one text. `hint` is the old TextPositionSelector: when the text there is the
 * quote, that is the answer. Otherwise the best exact occurrence, otherwise the best approximate
 * one, otherwise null.
 */
export function anchorQuote(text: string, q: QuoteSelector, hint: { start: number; end: number } | null): AnchorMatch | null {
  if (hint && hint.end > hint.start && hint.end <= text.length && text.slice(hint.start, hint.end) === q.exact) {
    return { start: hint.start, end: hint.end, errors: 0, score: 1 };
  }
  const at = hint?.start ?? null;
  return best(exactMatches(text, q, at)) ?? best(fuzzyMatches(text, q, at));
}

/**
 * Anchors a quote across several texts (a target whose source is unknown): any exact occurrence
 * beats every approximate one; among equals the best score wins.
 */
export function anchorAcross<K>(texts: readonly { key: K; text: string }[], q: QuoteSelector): { key: K; match: AnchorMatch } | null {
  const pick = (find: (text: string) => AnchorMatch[]) => {
    let top: { key: K; match: AnchorMatch } | null = null;
    for (const { key, text } of texts) {
      const m = best(find(text));
      if (m && (!top || m.score > top.match.score)) top = { key, match: m };
    }
    return top;
  };
  return pick((t) => exactMatches(t, q, null)) ?? pick((t) => fuzzyMatches(t, q, null));
}
