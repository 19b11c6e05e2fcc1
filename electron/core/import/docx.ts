/**
 * Word import (.docx): text by mammoth's raw-text extraction, title and author from docProps/core.xml.
 * The archive is opened with jszip first so a damaged file or a decompression bomb is refused clearly.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { normaliseText } from './decode';
import { guessLanguage, takeDateHeader, titleFromFileName } from './metadata';
import { quoted, refuse } from './refuse';
import type { ExtractedDocument, ImportSource } from './types';
import { XmlDepthMeter } from './xml-depth';

/**
 * Most a .docx may unpack to, counting every part whatever its name: the reader follows the
 * package's relationships, so a part named styles.dat or main.bin is read as surely as one named
 * document.xml. A real document holding 5 million characters, pictures included, stays well below.
 */
export const MAX_UNPACKED_BYTES = 128 * 1024 * 1024;
/**
 * Deepest element nesting accepted in any XML part. Word's own nesting (tables in tables, content
 * controls) stays far below; the reader recurses once per level, so much deeper parts would
 * overflow its stack after a long, slow parse.
 */
export const MAX_XML_DEPTH = 512;
/** Most parts a .docx may hold; Word writes a few dozen, one per picture beyond that. */
export const MAX_PARTS = 10_000;

export async function extractDocx(src: ImportSource): Promise<ExtractedDocument> {
  const damaged = () =>
    refuse(
      `${quoted(src.name)} is damaged or incomplete (not a readable Word document); open it in Word or LibreOffice, save it again as .docx and import that copy.`,
    );

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(src.bytes);
  } catch {
    throw damaged();
  }
  if (!zip.file('word/document.xml')) throw damaged();
  const parts = Object.values(zip.files).filter((file) => !file.dir).length;
  if (parts > MAX_PARTS) {
    throw refuse(
      `${quoted(src.name)} holds ${parts.toLocaleString('en-US')} parts, more than the ${MAX_PARTS.toLocaleString('en-US')} a Word document has; open it in Word or LibreOffice, save it again as .docx and import that copy.`,
    );
  }

  let unpacked: Unpacked;
  try {
    unpacked = await unpack(zip, MAX_UNPACKED_BYTES);
  } catch {
    throw damaged();
  }
  if (unpacked.bytes > MAX_UNPACKED_BYTES) {
    throw refuse(
      `${quoted(src.name)} unpacks to more than ${String(MAX_UNPACKED_BYTES / (1024 * 1024))} MB of document data, more than Crossread can import; split it into smaller documents and import them separately.`,
    );
  }
  if (unpacked.deepestXml > MAX_XML_DEPTH) {
    throw refuse(
      `${quoted(src.name)} nests its document data more than ${String(MAX_XML_DEPTH)} levels deep, far deeper than a Word document does, so Crossread did not import it; open it in Word or LibreOffice, save it again as .docx and import that copy.`,
    );
  }

  let raw: string;
  try {
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(src.bytes.buffer, src.bytes.byteOffset, src.bytes.byteLength),
    });
    raw = result.value;
  } catch {
    throw damaged();
  }

  const core = await readCoreProperties(zip);
  const extracted = normaliseText(raw).replace(/\n{3,}/g, '\n\n').trim();
  const { text, date } = takeDateHeader(extracted);
  return {
    text,
    title: core.title || titleFromFileName(src.name),
    outlet: '',
    author: core.creator,
    date,
    language: guessLanguage(text),
    format: 'docx',
    encoding: 'utf-8',
  };
}

interface Unpacked {
  /** Total unpacked size of every part, or a number past the budget once it was passed. */
  bytes: number;
  /** Deepest element nesting in the parts that hold XML (those whose data starts with `<`). */
  deepestXml: number;
}

/**
 * Inflates every part of the archive once, counting its size as it comes (the sizes the archive
 * declares are not trusted) and measuring the nesting of the XML parts, and stops as soon as the
 * total passes `budget`, so a small file that inflates to gigabytes never gets held in memory.
 */
export async function unpack(zip: JSZip, budget: number): Promise<Unpacked> {
  const result: Unpacked = { bytes: 0, deepestXml: 0 };
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const part = await inflatePart(file, budget - result.bytes);
    result.bytes += part.size;
    result.deepestXml = Math.max(result.deepestXml, part.deepestXml);
    if (result.bytes > budget) break;
  }
  return result;
}

/** Total unpacked size of every part, abandoned once it passes `budget` (see unpack). */
export async function unpackedBytes(zip: JSZip, budget: number): Promise<number> {
  return (await unpack(zip, budget)).bytes;
}

function inflatePart(file: JSZip.JSZipObject, budget: number): Promise<{ size: number; deepestXml: number }> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let meter: XmlDepthMeter | null | undefined;
    const done = () => {
      resolve({ size, deepestXml: meter?.deepest ?? 0 });
    };
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Uint8Array) => {
      // XML starts with `<` after any whitespace and UTF-8 byte-order mark; pictures never do.
      if (meter === undefined) meter = chunk.find((b) => b > 0x20 && b !== 0xef && b !== 0xbb && b !== 0xbf) === 0x3c ? new XmlDepthMeter() : null;
      meter?.feed(chunk);
      size += chunk.length;
      if (size > budget || (meter && meter.deepest > MAX_XML_DEPTH)) {
        stream.pause();
        stream.removeAllListeners();
        done();
      }
    });
    stream.on('end', done);
    stream.on('error', (error: unknown) => {
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

/** dc:title and dc:creator from docProps/core.xml; '' for whatever is missing or unreadable. */
async function readCoreProperties(zip: JSZip): Promise<{ title: string; creator: string }> {
  const part = zip.file('docProps/core.xml');
  if (!part) return { title: '', creator: '' };
  let xml: string;
  try {
    xml = await part.async('string');
  } catch {
    return { title: '', creator: '' };
  }
  return { title: xmlElementText(xml, 'title'), creator: xmlElementText(xml, 'creator') };
}

/** Text of the first element with this local name (any namespace prefix), entities decoded, whitespace collapsed. */
export function xmlElementText(xml: string, localName: string): string {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${localName}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}\\s*>`);
  const inner = pattern.exec(xml)?.[1] ?? '';
  const text = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, cdata: string) => escapeXml(cdata)).replace(/<[^>]*>/g, '');
  return decodeXmlEntities(text).replace(/\s+/g, ' ').trim();
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function decodeXmlEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return named[name.toLowerCase()] ?? whole;
    const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
