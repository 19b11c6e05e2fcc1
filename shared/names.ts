/**
 * Characters that make a name lie about itself: C0 and C1 controls (NUL, ESC, which starts
 * terminal sequences), the marks that reorder text (U+202E shows "\u202eRTL" as "LTR"), and a
 * surrogate without its pair, which is no character at all. Names refuse them (contract.ts);
 * the CLI shows them escaped (electron/cli/format.ts).
 */

const isDirectionMark = (c: number) => c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f);
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Calls `bad` with the index and code unit of every hidden or broken character of `s`. */
function scan(s: string, bad: (index: number, unit: number) => void, keepNewlines = false): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (keepNewlines && c === 0x0a) continue;
    if (isControl(c) || isDirectionMark(c)) bad(i, c);
    else if (isHigh(c) && isLow(s.charCodeAt(i + 1))) i++;
    else if (isHigh(c) || isLow(c)) bad(i, c);
  }
}

/** Whether `s` holds a control character, a text-direction mark or a lone surrogate. */
export function hasHiddenOrBroken(s: string): boolean {
  let found = false;
  scan(s, () => (found = true));
  return found;
}

/**
 * `s` with every hidden or broken character written as a visible escape (\u001b, \u202e), so
 * printing a title or tag to a terminal cannot move the cursor, change colours or reorder the line.
 * Tabs and line breaks are escaped too, so one value stays on one line — unless `keepNewlines`
 * (text made of lines, such as pretty-printed JSON, whose strings have their own escapes).
 */
export function escapeHidden(s: string, keepNewlines = false): string {
  let out = '';
  let from = 0;
  scan(
    s,
    (i, c) => {
      out += `${s.slice(from, i)}\\u${c.toString(16).padStart(4, '0')}`;
      from = i + 1;
    },
    keepNewlines,
  );
  return from === 0 ? s : out + s.slice(from);
}
