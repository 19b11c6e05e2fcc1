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

/** 'stream' when one stream inflates past its limit, 'total' when all of them together do, null when the file is within both. */
export function oversizedStreams(bytes: Uint8Array): 'stream' | 'total' | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
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
    const size = inflatedSize(data, MAX_INFLATED_STREAM_BYTES);
    if (size === Infinity) return 'stream';
    total += size ?? 0;
    if (total > MAX_INFLATED_TOTAL_BYTES) return 'total';
    starts.lastIndex = start + data.length;
  }
  return null;
}
