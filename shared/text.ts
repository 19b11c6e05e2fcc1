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

/** Moves a range inwards past whitespace at either end, so a sloppy selection stores a clean quote. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
