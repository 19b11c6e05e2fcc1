/**
 * Paragraph and quote helpers shared by the core and the renderer. All offsets are UTF-16 code
 * units into a document's stored text.
 */

/** A paragraph of a document: the half-open range [start, end) of its text, without line breaks. */
export interface ParagraphRange {
  start: number;
  end: number;
}

/**
 * Splits a text into paragraphs at line breaks. Blank lines only separate: a text whose paragraphs
 * are split by one newline and one split by a blank line give the same paragraphs, and the ranges
 * point into the original text so offsets never need translating.
 */
export function splitParagraphs(text: string): ParagraphRange[] {
  const out: ParagraphRange[] = [];
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    if (text.slice(start, end).trim().length > 0) out.push({ start, end });
    start = end + 1;
  }
  return out;
}

/** Index of the paragraph holding `offset` (or the last one starting before it); -1 for none. */
export function paragraphIndexAt(paragraphs: readonly ParagraphRange[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export const QUOTE_CONTEXT = 32;

/** The TextQuoteSelector parts of a range: the exact quote and some context either side. */
export function quoteOf(text: string, start: number, end: number): { exact: string; prefix: string; suffix: string } {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}

/**
 * What counts as blank at the edge of a selection: white space, and the invisible characters texts
 * pasted from the web carry (zero-width space and joiners, word joiner, byte-order mark).
 */
const BLANK = /[\s\u200b-\u200d\u2060\ufeff]/;

/** Moves a range inwards past blank characters at either end, so a sloppy selection stores a clean quote. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && BLANK.test(text[s]!)) s++;
  while (e > s && BLANK.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/**
 * A selection as a claim would store it: trimmed of blank characters at both ends, or null when
 * nothing but blanks was selected, so no popover ever offers to save an empty claim.
 */
export function trimSelection(text: string, start: number, end: number): { start: number; end: number } | null {
  const r = trimRange(text, Math.max(0, start), Math.min(text.length, end));
  return r.end > r.start ? r : null;
}

/** The paragraph (line) holding [start, end), trimmed; a range over several lines grows to cover them all. */
export function paragraphAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && text[s - 1] !== '\n') s--;
  let e = Math.max(start, end);
  while (e < text.length && text[e] !== '\n') e++;
  const r = trimRange(text, s, e);
  return r.end > r.start ? r : { start, end };
}

/**
 * Where a sentence ends: a run of . ! ? … with any closing quotes or brackets, followed by the end
 * of the paragraph or by space and something that starts a sentence (a capital, a digit, an opening
 * quote or a dash). "т. е." and "17 млрд. долларов" do not end one: a lower-case word follows.
 */
const SENTENCE_END = /[.!?…]+[»"”’)\]]*(?=\s+[\p{Lu}\p{N}«"“„(—–-]|\s*$)/gu;

/** The sentence holding [start, end) within its paragraph, trimmed; a range over several sentences covers them all. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const para = paragraphAround(text, start, end);
  const body = text.slice(para.start, para.end);
  let s = para.start;
  let e = para.end;
  for (const m of body.matchAll(SENTENCE_END)) {
    const stop = para.start + m.index + m[0].length;
    if (stop <= start) s = stop;
    else if (stop >= end) {
      e = stop;
      break;
    }
  }
  const r = trimRange(text, s, e);
  return r.end > r.start ? r : { start, end };
}

/**
 * Splits a text into sentences with the same rule as `sentenceAround`: each paragraph is cut after
 * every sentence end, and each piece is trimmed; a paragraph without an end mark is one sentence.
 */
export function splitSentences(text: string): ParagraphRange[] {
  const out: ParagraphRange[] = [];
  for (const para of splitParagraphs(text)) {
    let s = para.start;
    for (const m of text.slice(para.start, para.end).matchAll(SENTENCE_END)) {
      const stop = para.start + m.index + m[0].length;
      const r = trimRange(text, s, stop);
      if (r.end > r.start) out.push(r);
      s = stop;
    }
    const r = trimRange(text, s, para.end);
    if (r.end > r.start) out.push(r);
  }
  return out;
}
