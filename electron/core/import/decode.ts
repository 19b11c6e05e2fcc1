/**
 * Bytes → text for the plain-text formats (.txt, .md, .html). Detects the encoding from a BOM, from the
 * NUL-byte pattern of BOM-less UTF-16, or by validating UTF-8 and falling back to Windows-1251 only when
 * the result is plausible Russian. Refuses binary data instead of importing garbage.
 */
import { quoted, refuse } from './refuse';

export interface DecodedText {
  /** Normalised text: no BOM, line breaks as LF, otherwise verbatim. */
  text: string;
  /** The encoding used, as reported in `ExtractedDocument.encoding`. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';
}

export interface DecodeOptions {
  /** A charset the file declares about itself (HTML `<meta charset>`), honoured when the bytes are not UTF-8. */
  declaredCharset?: string;
}

/** Bytes looked at to sniff UTF-16 and binary content; enough to judge, small enough to stay fast. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control characters above which data is taken for binary. */
const MAX_CONTROL_SHARE = 0.05;

const WINDOWS_1251_LABELS = new Set(['windows-1251', 'cp1251', 'x-cp1251', 'win-1251']);

/** Decodes a text file's bytes, or throws AppError('import-failed') saying why it is not readable text. */
export function decodeBytes(name: string, bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = detectBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    const text = decodeStrict(bom.encoding, body);
    if (text === null) {
      throw refuse(
        `${quoted(name)} starts with a ${bom.encoding.toUpperCase()} byte-order mark but its content is not valid ${bom.encoding.toUpperCase()}; save it as UTF-8 and import again.`,
      );
    }
    return { text: normaliseText(text), encoding: bom.encoding };
  }

  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: normaliseText(utf16.text), encoding: utf16.encoding };

  if (looksBinary(bytes)) {
    throw refuse(
      `${quoted(name)} looks like a binary file, not text; choose a plain-text, Markdown, HTML or Word (.docx) file instead.`,
    );
  }

  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== null) return { text: normaliseText(utf8), encoding: 'utf-8' };

  const cp1251 = new TextDecoder('windows-1251').decode(bytes);
  const declared = options.declaredCharset?.trim().toLowerCase();
  if ((declared !== undefined && WINDOWS_1251_LABELS.has(declared)) || isPlausibleRussian(cp1251)) {
    return { text: normaliseText(cp1251), encoding: 'windows-1251' };
  }

  throw refuse(
    `${quoted(name)} is not valid UTF-8 (first bad byte at position ${String(firstInvalidUtf8Byte(bytes))}) and does not look like Windows-1251 Russian text; save it as UTF-8 and import again.`,
  );
}

/** Removes a leading BOM and turns CRLF and lone CR into LF; nothing else changes. */
export function normaliseText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Decodes with `fatal: true`; null when the bytes are not valid in that encoding. The BOM is already gone. */
function decodeStrict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * BOM-less UTF-16: text in Latin or Cyrillic script has NUL bytes in the high half of every ASCII character
 * (spaces, digits, punctuation), so NULs pile up at odd offsets (LE) or even offsets (BE) and almost never
 * at the other parity. The decoded text must then also look like text.
 */
function sniffUtf16(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < end; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = Math.floor(end / 2);
  let encoding: 'utf-16le' | 'utf-16be' | null = null;
  if (zeroOdd >= pairs * 0.05 && zeroEven <= pairs * 0.01) encoding = 'utf-16le';
  else if (zeroEven >= pairs * 0.05 && zeroOdd <= pairs * 0.01) encoding = 'utf-16be';
  if (!encoding) return null;
  const text = decodeStrict(encoding, bytes);
  if (text === null || controlShare(text.slice(0, SNIFF_BYTES / 2)) > MAX_CONTROL_SHARE) return null;
  return { text, encoding };
}

/** True for a control character that has no place in text (anything below space but TAB, LF, CR, FF; DEL; C1). */
function isStrayControl(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c;
  return code >= 0x7f && code <= 0x9f;
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) if (isStrayControl(text.charCodeAt(i))) count++;
  return count / text.length;
}

/** NUL bytes anywhere, or too many control bytes near the start, mean this is not a single-byte/UTF-8 text. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  if (end === 0) return false;
  let count = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    // Only C0 controls and DEL here: bytes 0x80–0x9F are legitimate in UTF-8 and Windows-1251.
    if (b === 0x7f || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) count++;
  }
  return count / end > MAX_CONTROL_SHARE;
}

/** Offset of the first byte that breaks UTF-8 (0-based); only called once TextDecoder has refused the data. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lowSecond = 0x80;
    let highSecond = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lowSecond = 0xa0; // overlong
      if (b === 0xed) highSecond = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lowSecond = 0x90; // overlong
      if (b === 0xf4) highSecond = 0x8f; // above U+10FFFF
    } else {
      return i;
    }
    if (i + need >= bytes.length) return i; // sequence cut off by the end of the file
    const second = bytes[i + 1];
    if (second < lowSecond || second > highSecond) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

const isRussianLetter = (code: number): boolean =>
  (code >= 0x0410 && code <= 0x044f) || code === 0x0401 || code === 0x0451;
const isCyrillic = (code: number): boolean => code >= 0x0400 && code <= 0x04ff;
const isLatinLetter = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);

/**
 * Whether text decoded as Windows-1251 reads as Russian: at least 80 % of its non-ASCII characters are
 * Russian letters, at least 80 % of those sit in words made only of Cyrillic letters (no Latin letter in the
 * same word), and most of them are lowercase — KOI8-R text read as Windows-1251 comes out nearly all caps.
 */
export function isPlausibleRussian(text: string): boolean {
  let nonAscii = 0;
  let russian = 0;
  let upper = 0;
  let inPureWords = 0;
  let inMixedWords = 0;
  let wordCyrillic = 0;
  let wordLatin = 0;
  const endWord = (): void => {
    if (wordLatin > 0) inMixedWords += wordCyrillic;
    else inPureWords += wordCyrillic;
    wordCyrillic = 0;
    wordLatin = 0;
  };

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) nonAscii++;
    if (isCyrillic(code)) {
      if (isRussianLetter(code)) {
        russian++;
        if (code <= 0x042f || code === 0x0401) upper++;
      }
      wordCyrillic++;
    } else if (isLatinLetter(code)) {
      wordLatin++;
    } else {
      endWord();
    }
  }
  endWord();

  if (nonAscii === 0 || russian / nonAscii < 0.8) return false;
  if (inPureWords / (inPureWords + inMixedWords) < 0.8) return false;
  return upper / russian <= 0.6;
}
