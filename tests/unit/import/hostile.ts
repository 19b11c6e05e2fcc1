/**
 * Builders of hostile files for the import tests. Each file is made here, in memory, so the tests
 * need nothing from outside the repository and the bombs never exist on disk.
 */
import Database from 'better-sqlite3';
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Stored as is. */
  content?: string | Uint8Array;
  /** A deflate stream given raw, with the sizes and CRC the archive should claim for it. */
  deflated?: { data: Uint8Array; claimedSize: number; crc: number };
}

/** A ZIP archive written byte by byte, so its entries may lie about their sizes. */
export function zipArchive(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    let method = 0;
    let data: Buffer;
    let size: number;
    let crc: number;
    if (part.deflated) {
      method = 8;
      data = Buffer.from(part.deflated.data);
      size = part.deflated.claimedSize;
      crc = part.deflated.crc;
    } else {
      data = Buffer.from(part.content ?? '');
      size = data.length;
      crc = zlib.crc32(data);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * A raw deflate stream that inflates to `mebibytes` MiB of one repeated letter while staying about
 * a thousand times smaller: one fully flushed block (no back-references outside itself) written
 * again and again, then an empty final block. Nothing this big is ever allocated here.
 */
export function deflateBomb(mebibytes: number): Uint8Array {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, 'a'), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const repeated = Buffer.alloc(block.length * mebibytes);
  for (let i = 0; i < mebibytes; i++) block.copy(repeated, i * block.length);
  return new Uint8Array(Buffer.concat([repeated, Buffer.from([0x03, 0x00])]));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * A .docx whose main document (named `mainPart`, reached through _rels/.rels) is small and valid,
 * and whose part `bombPart` inflates to `mebibytes` MiB while its header claims 1 KB. The bomb is
 * wired in as the styles part when it is not the main document, so a reader that follows the
 * relationships opens it whatever its name.
 */
export function docxBomb({ mainPart, bombPart, mebibytes }: { mainPart: string; bombPart: string; mebibytes: number }): Uint8Array {
  const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Безобидный текст.</w:t></w:r></w:p></w:body></w:document>`;
  const bomb: ZipPart = { name: bombPart, deflated: { data: deflateBomb(mebibytes), claimedSize: 1024, crc: 0 } };
  const relsDir = mainPart.slice(0, mainPart.lastIndexOf('/') + 1);
  const relsName = `${relsDir}_rels/${mainPart.slice(relsDir.length)}.rels`;
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${mainPart}"/></Relationships>`,
    },
    // The importer looks for word/document.xml first: here it is, harmless, beside the real main part.
    ...(mainPart === 'word/document.xml' ? [] : [{ name: 'word/document.xml', content: documentXml }]),
  ];
  if (bombPart === mainPart) {
    parts.push(bomb);
  } else {
    parts.push(
      { name: mainPart, content: documentXml },
      {
        name: relsName,
        content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="${bombPart.slice(relsDir.length)}"/></Relationships>`,
      },
      bomb,
    );
  }
  return zipArchive(parts);
}

/** Every row of every table of a project file, to prove that a refused import changed nothing. */
export function projectRows(projectPath: string): Record<string, unknown[]> {
  const db = new Database(projectPath, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort()]),
    );
  } finally {
    db.close();
  }
}
