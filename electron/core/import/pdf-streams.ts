/**
 * A PDF's Flate streams measured before PDF.js reads the file. PDF.js inflates a stream into one
 * growing typed array, which lives outside the isolate's capped heap, so a stream built to inflate
 * to gigabytes would take the machine's memory before any limit fired. Each FlateDecode stream is
 * inflated here once, with Node's zlib and a ceiling, and a file that goes past it is refused.
 */
import zlib from 'node:zlib';

/** Largest inflated stream: far above a page's content or an embedded font, far below the machine. */
export const MAX_INFLATED_STREAM_BYTES = 128 * 1024 * 1024;
/** Largest sum of every stream's inflated size. */
export const MAX_INFLATED_TOTAL_BYTES = 1024 * 1024 * 1024;

/** How far back from `stream` its dictionary may start. */
const DICTIONARY_REACH = 4096;

/** Inflated size of `data`, or Infinity when it is larger than `limit`; null for data zlib cannot read (PDF.js may still). */
function inflatedSize(data: Uint8Array, limit: number): number | null {
  try {
    return zlib.inflateSync(data, { maxOutputLength: limit, finishFlush: zlib.constants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return Infinity;
    return null;
  }
}

/** An encrypted file's stream decrypted, by its object number and generation; null when it cannot be. */
export type StreamDecrypt = (num: number, gen: number, data: Uint8Array) => Uint8Array | null;

/** The file's bytes as latin1 text, one character a byte, so that text offsets are byte offsets. */
export const pdfText = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/**
 * 'stream' when one stream inflates past its limit, 'total' when all of them together do, null when
 * the file is within both. An encrypted file's streams are measured decrypted (`decrypt`); the
 * cross-reference stream is never encrypted.
 */
export function oversizedStreams(bytes: Uint8Array, text: string, decrypt?: StreamDecrypt): 'stream' | 'total' | null {
  const starts = /stream\r?\n/g;
  let total = 0;
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    if (text.startsWith('end', m.index - 3)) continue;
    const before = text.slice(Math.max(0, m.index - DICTIONARY_REACH), m.index);
    const dictionary = before.slice(before.lastIndexOf(' obj') + 1);
    if (!/\/(FlateDecode|Fl)\b/.test(dictionary)) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const data = bytes.subarray(start, end < 0 ? bytes.length : end);
    const object = decrypt && !/\/Type\s*\/XRef\b/.test(dictionary) ? /(\d+)\s+(\d+)\s+obj$/.exec(before.slice(0, before.lastIndexOf(' obj') + 4)) : null;
    // The end-of-line before `endstream` is not part of the stream, and a cipher block is whole or nothing.
    const clear = object ? decrypt!(Number(object[1]), Number(object[2]), data.subarray(0, data.length - (/\r?\n$/.exec(text.slice(start + data.length - 2, start + data.length))?.[0].length ?? 0))) : data;
    const size = clear ? inflatedSize(clear, MAX_INFLATED_STREAM_BYTES) : null;
    if (size === Infinity) return 'stream';
    total += size ?? 0;
    if (total > MAX_INFLATED_TOTAL_BYTES) return 'total';
    starts.lastIndex = start + data.length;
  }
  return null;
}
