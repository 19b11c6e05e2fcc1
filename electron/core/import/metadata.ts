/** Metadata read from a document's text or name: the `date YYYY-MM-DD` header, the title fallback, the language. */
import { baseName } from './refuse';

/**
 * The date header some sources start with: optional whitespace, `date` (or `date:`), an ISO day, then the
 * whitespace that separates it from the first paragraph (often a single space, fused to the text).
 */
const DATE_HEADER = /^\s*date(?:\s*:\s*|\s+)(\d{4}-\d{2}-\d{2})(?:\s+|$)/i;

/**
 * Splits a leading date header off the text. The header and the whitespace around it are removed only
 * when it names a real calendar day; otherwise the text is returned untouched with date null.
 */
export function takeDateHeader(text: string): { text: string; date: string | null } {
  const match = DATE_HEADER.exec(text);
  if (!match || !isCalendarDate(match[1])) return { text, date: null };
  return { text: text.slice(match[0].length), date: match[1] };
}

/** True when `iso` is YYYY-MM-DD naming a day that exists (no 2025-02-30). */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The calendar day at the start of an ISO date or date-time ("2025-11-07T09:00:00+05:00" → "2025-11-07"), else null. */
export function isoDay(value: string | undefined): string | null {
  if (!value) return null;
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(value);
  return m && isCalendarDate(m[1]) ? m[1] : null;
}

/** The file name without its directory and last extension, as the user named it. */
export function titleFromFileName(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The primary subtag of a BCP-47 tag, lowercase ("kk-KZ" → "kk"); '' when it is not a language code. */
export function primaryLanguage(tag: string | undefined): string {
  const primary = (tag ?? '').trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : '';
}

/** Characters looked at when guessing the language. */
const LANGUAGE_SAMPLE = 20_000;
/** Share of Kazakh-only letters among Cyrillic letters from which a text is taken for Kazakh. */
const KAZAKH_SHARE = 0.05;
const KAZAKH_LETTERS = new Set('әғқңөұүһіӘҒҚҢӨҰҮҺІ');

/**
 * Guesses the language from the letters of the first 20k characters: 'kk' when Kazakh-only letters
 * (ә ғ қ ң ө ұ ү һ і) make a meaningful share of a Cyrillic text, 'ru' for other Cyrillic text, 'en' for
 * Latin text, '' when neither script has the majority of the letters.
 */
export function guessLanguage(text: string): string {
  const sample = text.length > LANGUAGE_SAMPLE ? text.slice(0, LANGUAGE_SAMPLE) : text;
  let cyrillic = 0;
  let kazakh = 0;
  let latin = 0;
  let other = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x0400 && code <= 0x04ff) {
      cyrillic++;
      if (KAZAKH_LETTERS.has(ch)) kazakh++;
    } else if (
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
    ) {
      latin++;
    } else if (code > 0x7f && /\p{L}/u.test(ch)) {
      other++;
    }
  }
  const letters = cyrillic + latin + other;
  if (letters === 0) return '';
  if (cyrillic * 2 > letters) return kazakh >= cyrillic * KAZAKH_SHARE ? 'kk' : 'ru';
  if (latin * 2 > letters) return 'en';
  return '';
}
