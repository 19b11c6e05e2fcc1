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

/** At most this share of the quote may be edits for an approximate match to count (as in Hypothesis). */
const MAX_ERROR_RATE = 1 / 2;
/** Quotes this short are matched approximately only when their prefix and suffix agree (see shortQuoteFits). */
const MIN_FUZZY_LENGTH = 8;
/** Shorter quotes are only found exactly: one edit in three letters matches almost anywhere. */
const MIN_SHORT_FUZZY_LENGTH = 4;
/** How well a short quote's prefix and suffix must each agree for an approximate match of it to count. */
const SHORT_CONTEXT_AGREEMENT = 0.8;

/**
 * Below this score a quote found again is not placed silently: the claim goes to review with the
 * candidate shown (a quote found again beside other words is as likely a lookalike as the passage).
 */
export const REVIEW_BELOW = 0.75;
/** How many approximate candidates (fewest edits first) are scored per text. */
const MAX_FUZZY_CANDIDATES = 200;
/**
 * A prefix or suffix is compared over at most this many characters next to the quote: a quote's
 * context is evidence of where it sits, and comparing thousands of characters of it per candidate
 * would let a file spend seconds on one claim.
 */
export const MAX_COMPARED_CONTEXT = 256;

/**
 * An allowance of work for anchoring quotes from an untrusted file, in units of about one
 * character comparison, per claim and for the whole file. Exact occurrences are always looked for
 * (a native substring search); scoring candidates and the approximate search spend units and are
 * left out once they do not fit, so a file of quotes built to be expensive ends as orphans, not as
 * minutes of work.
 */
export class AnchorBudget {
  private fileLeft: number;
  private claimLeft: number;
  /** Claims for which some search was left out because it did not fit the allowance. */
  cutShort = 0;
  private cutThisClaim = false;

  constructor(
    readonly perClaim: number,
    readonly perFile: number,
  ) {
    this.fileLeft = perFile;
    this.claimLeft = perClaim;
  }

  /** Starts the allowance of the next claim (never more than what the file has left). */
  beginClaim(): void {
    this.claimLeft = Math.min(this.perClaim, this.fileLeft);
    this.cutThisClaim = false;
  }

  /** Spends `units` if they fit in what is left; false (and nothing spent) when they do not. */
  afford(units: number): boolean {
    if (units > this.claimLeft) {
      if (!this.cutThisClaim) this.cutShort++;
      this.cutThisClaim = true;
      return false;
    }
    this.claimLeft -= units;
    this.fileLeft -= units;
    return true;
  }

  /** Units spent so far on the whole file. */
  get spent(): number {
    return this.perFile - this.fileLeft;
  }
}

/** The allowance for one annotation file: a few seconds at most, however it is built. */
export const FILE_ANCHOR_BUDGET = { perClaim: 20_000_000, perFile: 200_000_000 } as const;

/** No limit: quotes the app itself wrote. */
const UNLIMITED = new AnchorBudget(Infinity, Infinity);

/** The units an approximate search of `pattern` over `haystack` costs (Myers works 32 pattern characters at a time). */
const searchCost = (haystack: number, pattern: number) => 4 * haystack * Math.ceil(pattern / 32);

/**
 * Whether a quote is too short to anchor given the context it comes with: one letter with
 * thousands of characters of prefix matches at every occurrence of the letter and asks for all
 * that context to be compared at each one. Such a claim is refused, not searched.
 */
export function tooShortForContext(q: QuoteSelector): boolean {
  const allowed = Math.max(MAX_COMPARED_CONTEXT, 8 * q.exact.length);
  return q.prefix.length > allowed || q.suffix.length > allowed;
}

/**
 * The fewest edits turning `expected` into some stretch of `actual` (a quote's context is short:
 * this plain dynamic programme over two rows beats setting up the bit-parallel search for it).
 */
function editsToBestStretch(actual: string, expected: string, fromStart = false): number {
  const m = expected.length;
  // column[i]: edits between expected[0, i) and the best stretch of actual ending here.
  let prev = new Uint16Array(m + 1);
  let next = new Uint16Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = prev[m]!;
  for (let j = 1; j <= actual.length; j++) {
    next[0] = fromStart ? j : 0; // a stretch may start anywhere, or only at the beginning of `actual`
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

/** Context compared over a little more than its length, so an inserted word next to it still matches. */
const SLACK = 8;

/** The part of a quote's context that is compared: what lies next to the quote. */
const comparedContext = (q: QuoteSelector): QuoteSelector => ({
  exact: q.exact,
  prefix: q.prefix.length > MAX_COMPARED_CONTEXT ? q.prefix.slice(-MAX_COMPARED_CONTEXT) : q.prefix,
  suffix: q.suffix.slice(0, MAX_COMPARED_CONTEXT),
});

/** The units scoring one candidate costs (the two contexts compared, see similarity). */
const scoreCost = (q: QuoteSelector) => q.prefix.length * (q.prefix.length + SLACK) + q.suffix.length * (q.suffix.length + SLACK) + 1;

const prefixAt = (text: string, q: QuoteSelector, start: number) => similarity(text.slice(Math.max(0, start - q.prefix.length - SLACK), start), q.prefix);
const suffixAt = (text: string, q: QuoteSelector, end: number) => similarity(text.slice(end, end + q.suffix.length + SLACK), q.suffix);

function scoreAt(text: string, q: QuoteSelector, start: number, end: number, errors: number, hint: number | null): number {
  const quote = 1 - errors / Math.max(1, q.exact.length);
  // Without a hint every place is as likely: the position neither adds nor takes away.
  const position = hint === null ? 1 : 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
  return (WEIGHT.quote * quote + WEIGHT.prefix * prefixAt(text, q, start) + WEIGHT.suffix * suffixAt(text, q, end) + WEIGHT.position * position) / TOTAL;
}

const reverse = (s: string) => [...s].reverse().join('');

/**
 * How well a short quote's context agrees right next to a candidate: compared from the candidate
 * outwards, so a few letters more or less at the candidate's edge count against it (with a few
 * letters of quote, the edge is most of the evidence of where the passage ends).
 */
function adjacentContext(text: string, q: QuoteSelector, start: number, end: number): { prefix: number; suffix: number } {
  const agree = (actual: string, expected: string) =>
    expected.length === 0 ? 1 : 1 - Math.min(expected.length, editsToBestStretch(actual, expected, true)) / expected.length;
  return {
    prefix: agree(reverse(text.slice(Math.max(0, start - q.prefix.length - SLACK), start)), reverse(q.prefix)),
    suffix: agree(text.slice(end, end + q.suffix.length + SLACK), q.suffix),
  };
}

/**
 * An approximate match of a short quote (4–7 characters), or null when it does not count: only
 * with a prefix and a suffix that both agree right next to it, the evidence a few letters alone
 * cannot give. Its score weighs that adjacent agreement.
 */
function shortQuoteMatch(text: string, q: QuoteSelector, start: number, end: number, errors: number, hint: number | null): AnchorMatch | null {
  const c = adjacentContext(text, q, start, end);
  if (c.prefix < SHORT_CONTEXT_AGREEMENT || c.suffix < SHORT_CONTEXT_AGREEMENT) return null;
  const quote = 1 - errors / q.exact.length;
  const position = hint === null ? 1 : 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
  return { start, end, errors, score: (WEIGHT.quote * quote + WEIGHT.prefix * c.prefix + WEIGHT.suffix * c.suffix + WEIGHT.position * position) / TOTAL };
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
export function exactMatches(text: string, q: QuoteSelector, hint: number | null, limit = 1000, span?: Span, budget = UNLIMITED): AnchorMatch[] {
  const out: AnchorMatch[] = [];
  if (q.exact.length === 0) return out;
  const cost = scoreCost(q);
  // A window is searched as its own string, so a quote that is not in it costs no scan of the rest.
  const from = span?.from ?? 0;
  const haystack = span ? text.slice(span.from, span.to) : text;
  for (let i = haystack.indexOf(q.exact); i !== -1 && out.length < limit; i = haystack.indexOf(q.exact, i + 1)) {
    const start = from + i;
    if (!budget.afford(cost)) break;
    out.push({ start, end: start + q.exact.length, errors: 0, score: scoreAt(text, q, start, start + q.exact.length, 0, hint) });
  }
  return out;
}

/** Approximate occurrences of the quote (within `span` when given) within the error budget, scored. */
export function fuzzyMatches(text: string, q: QuoteSelector, hint: number | null, span?: Span, budget = UNLIMITED): AnchorMatch[] {
  if (q.exact.length < MIN_SHORT_FUZZY_LENGTH) return [];
  if (q.exact.length < MIN_FUZZY_LENGTH && (!q.prefix.trim() || !q.suffix.trim())) return [];
  // A short quote may differ by one edit (a doubled or dropped letter), no more.
  const maxErrors = q.exact.length < MIN_FUZZY_LENGTH ? 1 : Math.min(256, Math.floor(q.exact.length * MAX_ERROR_RATE));
  const from = span?.from ?? 0;
  // Approximate search only while it is cheap: its cost grows with the text and the quote.
  if (!budget.afford(searchCost((span?.to ?? text.length) - from, q.exact.length))) return [];
  const haystack = span ? text.slice(span.from, span.to) : text;
  // Only the closest candidates are scored: a short quote with a generous budget can match at
  // thousands of places, and scoring each one compares its context too.
  const found = search(haystack, q.exact, maxErrors)
    .sort((a, b) => a.errors - b.errors)
    .slice(0, MAX_FUZZY_CANDIDATES);
  const out: AnchorMatch[] = [];
  const cost = scoreCost(q);
  for (const m of found) {
    const { start, end } = trimRange(text, from + m.start, from + m.end);
    if (end <= start) continue;
    if (!budget.afford(cost)) break;
    if (q.exact.length < MIN_FUZZY_LENGTH) {
      const short = shortQuoteMatch(text, q, start, end, m.errors, hint);
      if (short) out.push(short);
      continue;
    }
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
function nearExact(text: string, q: QuoteSelector, at: number | null, budget: AnchorBudget): AnchorMatch | null {
  const near = at === null ? undefined : windowsAround(text.length, at, q.exact.length)[0];
  if (!near) return null;
  const m = best(exactMatches(text, q, at, 1000, near, budget));
  return m && m.score >= ACCEPT_EXACT ? m : null;
}

/** The best approximate match, looked for in the growing windows around `at`, then in the whole text. */
function fuzzyIn(text: string, q: QuoteSelector, at: number | null, budget: AnchorBudget): AnchorMatch | null {
  if (at !== null) {
    for (const w of windowsAround(text.length, at, q.exact.length)) {
      const m = best(fuzzyMatches(text, q, at, w, budget));
      if (m && m.score >= ACCEPT_FUZZY) return m;
    }
  }
  return best(fuzzyMatches(text, q, at, undefined, budget));
}

/**
 * Anchors a quote in one text. `hint` is the old TextPositionSelector: when the text there is the
 * quote, that is the answer. Otherwise the best exact occurrence, otherwise the best approximate
 * one (both looked for near the old position first), otherwise null.
 */
export function anchorQuote(text: string, quote: QuoteSelector, hint: { start: number; end: number } | null, budget = UNLIMITED): AnchorMatch | null {
  if (hint && hint.end > hint.start && hint.end <= text.length && text.slice(hint.start, hint.end) === quote.exact) {
    return { start: hint.start, end: hint.end, errors: 0, score: 1 };
  }
  const q = comparedContext(quote);
  const at = hint?.start ?? null;
  return nearExact(text, q, at, budget) ?? best(exactMatches(text, q, at, 1000, undefined, budget)) ?? fuzzyIn(text, q, at, budget);
}

/**
 * Anchors a quote across several texts (a target whose document is not in the project, such as a
 * corrected copy): any exact occurrence beats every approximate one; among equals the best score
 * wins. `hint` is the old position in a text of `sourceLength` characters; in each text the search
 * starts at the same relative place (a copy with other line breaks is shorter or longer throughout).
 * A function gives the old position in each text instead (offsets in another unit, converted per text).
 */
export function anchorAcross<K>(
  texts: readonly { key: K; text: string }[],
  quote: QuoteSelector,
  hint: { start: number; sourceLength: number | null } | ((text: string) => number) | null = null,
  budget = UNLIMITED,
): { key: K; match: AnchorMatch } | null {
  const q = comparedContext(quote);
  const expected = (text: string) =>
    hint === null
      ? null
      : typeof hint === 'function'
        ? Math.min(hint(text), text.length)
        : hint.sourceLength
          ? Math.round((hint.start * text.length) / Math.max(1, hint.sourceLength))
          : Math.min(hint.start, text.length);
  const pick = (find: (text: string, at: number | null) => AnchorMatch | null) => {
    let top: { key: K; match: AnchorMatch } | null = null;
    for (const { key, text } of texts) {
      const m = find(text, expected(text));
      if (m && (!top || m.score > top.match.score)) top = { key, match: m };
    }
    return top;
  };
  return (
    pick((t, at) => nearExact(t, q, at, budget)) ??
    pick((t, at) => best(exactMatches(t, q, at, 1000, undefined, budget))) ??
    pick((t, at) => fuzzyIn(t, q, at, budget))
  );
}
