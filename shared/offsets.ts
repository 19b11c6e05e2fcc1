/**
 * Offsets in two units: the app counts UTF-16 code units (JavaScript strings), the W3C Web
 * Annotation model counts Unicode code points in its TextPositionSelector. The two differ by one
 * for every character outside the Basic Multilingual Plane (emoji, some CJK) before the offset.
 */

/** A text's astral characters, as the UTF-16 offsets of their first halves (rising). */
export function astralOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(i);
        i++;
      }
    }
  }
  return out;
}

/** How many of the rising `values` are below `limit`. */
function countBelow(values: readonly number[], limit: number, at: (i: number) => number = (i) => values[i]!): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The code point offset of a UTF-16 offset, given the text's astralOffsets. */
export function toCodePoints(astral: readonly number[], utf16: number): number {
  // A pair counts once it is wholly before the offset.
  return utf16 - countBelow(astral, utf16 - 1);
}

/** The UTF-16 offset of a code point offset, given the text's astralOffsets. */
export function toUtf16(astral: readonly number[], codePoints: number): number {
  // The i-th pair sits at code point offset astral[i] - i.
  return codePoints + countBelow(astral, codePoints, (i) => astral[i]! - i);
}
