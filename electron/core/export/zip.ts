/**
 * A ZIP archive (PKWARE APPNOTE: local headers, central directory, end record; deflate) written
 * with Node's own zlib. The DOCX of a 10,000-claim dossier holds ~25 MB of XML: JSZip compresses
 * it in JavaScript (pako) with its CRC in JavaScript too, over a second of CPU; zlib's native
 * deflate and crc32 take a small fraction of that. Archives here stay far below ZIP64's limits
 * (4 GB, 65,535 entries), which `zipFiles` checks.
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, `/`-separated, ASCII (the OOXML part names are). */
  name: string;
  data: Buffer;
}

const LIMIT = 0xffffffff;

/** MS-DOS date and time fields of a moment (local time is what ZIP readers show; UTC keeps it stable). */
function dosTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

export function zipFiles(entries: readonly ZipEntry[], modified: Date, level = zlib.constants.Z_DEFAULT_COMPRESSION): Buffer {
  if (entries.length > 0xffff) throw new Error('Too many files for a ZIP archive without ZIP64.');
  const { time, date } = dosTime(modified);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (!/^[\x21-\x7e]+$/.test(e.name)) throw new Error(`Not a plain archive path: ${e.name}`);
    const name = Buffer.from(e.name, 'ascii');
    const packed = zlib.deflateRawSync(e.data, { level });
    const crc = zlib.crc32(e.data);
    if (e.data.length >= LIMIT || packed.length >= LIMIT || offset >= LIMIT) throw new Error('The archive is too large for ZIP without ZIP64.');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(e.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    // Extra and comment lengths, disk number, internal and external attributes: all zero.
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    central.push(header, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  if (offset >= LIMIT) throw new Error('The archive is too large for ZIP without ZIP64.');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
