/**
 * Offsets between Crossread and REFI-QDA. Crossread counts UTF-16 code units (JavaScript strings);
 * the standard counts Unicode code points, in the source text as the file holds it. The two differ
 * after every character outside the Basic Multilingual Plane (emoji, some CJK), and a file whose
 * text has CRLF line ends counts each as two characters where Crossread keeps one LF.
 */

/** Converts between code points and code units of one text. */
export class CodePoints {
  /** UTF-16 index of each surrogate pair's first unit, in order. */
  private readonly pairs: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.pairs.push(i);
          i++;
        }
      }
    }
  }

  get astral(): boolean {
    return this.pairs.length > 0;
  }

  /** Code points before UTF-16 offset `unit`. */
  toPoints(unit: number): number {
    return unit - countBelow(this.pairs, unit);
  }

  /** The UTF-16 offset of code point `point`. */
  toUnits(point: number): number {
    // The k-th pair starts at code point pairs[k] - k; every pair starting before `point` adds one unit.
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairs[mid]! - mid < point) lo = mid + 1;
      else hi = mid;
    }
    return point + lo;
  }
}

/** How many of the sorted `xs` are below `x`. */
function countBelow(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A file's source text with its line ends made LF (as Crossread stores texts), and the way back. */
export class LineEnds {
  readonly text: string;
  /** UTF-16 offsets (in the raw text) of each CR that was dropped or turned into LF. */
  private readonly dropped: number[] = [];

  constructor(raw: string) {
    let out = '';
    let from = 0;
    for (let i = raw.indexOf('\r'); i !== -1; i = raw.indexOf('\r', i + 1)) {
      if (raw.charCodeAt(i + 1) === 0x0a) {
        out += raw.slice(from, i);
        this.dropped.push(i);
        from = i + 1;
      } else {
        out += `${raw.slice(from, i)}\n`;
        from = i + 1;
      }
    }
    this.text = from === 0 ? raw : out + raw.slice(from);
  }

  /** The offset in the LF text of raw offset `unit` (a position inside a CRLF lands after it). */
  toText(unit: number): number {
    return unit - countBelow(this.dropped, unit);
  }
}

export type PositionUnit = 'code-points' | 'utf-16';

const WORD = /[\p{L}\p{N}]/u;

function wordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const low = text.charCodeAt(i - 1);
  const ch = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1]!;
  return WORD.test(ch);
}

function wordCharAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  return WORD.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Whether UTF-16 offset `i` of `text` is a word boundary (never inside a surrogate pair or a word). */
export function onWordBoundary(text: string, i: number): boolean {
  if (i < 0 || i > text.length) return false;
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return false;
  return !wordCharBefore(text, i) || !wordCharAt(text, i);
}

export interface RawSpan {
  start: number;
  end: number;
}

/**
 * Which unit a file's positions are in. They differ only in texts with astral characters; there,
 * the reading that puts more selection edges on word boundaries wins (NVivo writes UTF-16 code units
 * where the standard says code points). A tie keeps the standard's reading.
 */
export function detectUnit(sources: readonly { raw: string; spans: readonly RawSpan[] }[]): PositionUnit {
  let points = 0;
  let units = 0;
  for (const { raw, spans } of sources) {
    const cp = new CodePoints(raw);
    if (!cp.astral) continue;
    for (const s of spans) {
      for (const edge of [s.start, s.end]) {
        if (onWordBoundary(raw, cp.toUnits(edge))) points++;
        if (onWordBoundary(raw, edge)) units++;
      }
    }
  }
  return units > points ? 'utf-16' : 'code-points';
}
