/**
 * The PDF standard security handler (revisions 2–4: RC4 and AES-128), as far as the importer needs
 * it: to tell a file that opens without a password (an owner password only sets permissions) from
 * one that needs a user password, and to decrypt the first kind's streams so that they are measured
 * before PDF.js inflates them (pdf-streams.ts) like those of any other file. The arithmetic is the
 * one of ISO 32000-1, 7.6.3 (algorithms 1, 2, 4 and 5). Node's OpenSSL no longer offers RC4, so it
 * is written here: it is a few lines and only ever decrypts.
 */
import crypto from 'node:crypto';

/** The 32 bytes every password is padded with (ISO 32000-1, 7.6.3.3, algorithm 2, step a). */
export const PASSWORD_PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

/** What the encryption dictionary and the trailer's /ID say, for revisions 2–4. */
export interface StandardSecurity {
  revision: 2 | 3 | 4;
  /** The file key's length in bytes (5 for 40-bit RC4, up to 16). */
  keyBytes: number;
  owner: Buffer;
  user: Buffer;
  permissions: number;
  firstId: Buffer;
  encryptMetadata: boolean;
  /** Streams are AES-128-CBC (crypt filter AESV2) rather than RC4; null: streams are not encrypted (/Identity). */
  streams: 'rc4' | 'aes' | null;
}

export function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = new Uint8Array(256).map((_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => crypto.createHash('md5').update(Buffer.concat(parts)).digest();

export function padPassword(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PADDING]).subarray(0, 32);
}

/** Algorithm 2: the file key that a user password gives. */
export function fileKey(sec: StandardSecurity, userPassword = ''): Buffer {
  const p = Buffer.alloc(4);
  p.writeInt32LE(sec.permissions);
  const tail = sec.revision >= 4 && !sec.encryptMetadata ? [Buffer.from([255, 255, 255, 255])] : [];
  let key = md5(padPassword(userPassword), sec.owner, p, sec.firstId, ...tail).subarray(0, sec.keyBytes);
  if (sec.revision >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, sec.keyBytes);
  return key;
}

/** Algorithm 4 (revision 2) or 5 (revisions 3 and 4): the /U entry a file key makes; its first 16 bytes count. */
export function userEntry(sec: Pick<StandardSecurity, 'revision' | 'firstId'>, key: Buffer): Buffer {
  if (sec.revision === 2) return rc4(key, PASSWORD_PADDING);
  let u = rc4(key, md5(PASSWORD_PADDING, sec.firstId));
  for (let i = 1; i <= 19; i++) u = rc4(key.map((b) => b ^ i), u);
  return Buffer.concat([u, Buffer.alloc(16)]);
}

/** Whether the file opens with no password at all: then an owner password only restricts permissions. */
export function opensWithoutPassword(sec: StandardSecurity): boolean {
  const key = fileKey(sec);
  const length = sec.revision === 2 ? 32 : 16;
  return userEntry(sec, key).subarray(0, length).equals(sec.user.subarray(0, length));
}

/** Algorithm 1: the key of one object's strings and streams. */
export function objectKey(key: Buffer, num: number, gen: number, aes: boolean): Buffer {
  const id = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255]);
  return md5(key, id, aes ? Buffer.from('sAlT', 'latin1') : Buffer.alloc(0)).subarray(0, Math.min(key.length + 5, 16));
}

/** One stream's bytes decrypted, or null when they are not what the cipher makes (a stream left in the clear). */
export function decryptStream(sec: StandardSecurity, key: Buffer, num: number, gen: number, data: Uint8Array): Buffer | null {
  if (sec.streams === null) return Buffer.from(data);
  const k = objectKey(key, num, gen, sec.streams === 'aes');
  if (sec.streams === 'rc4') return rc4(k, data);
  if (data.length < 32 || data.length % 16 !== 0) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-128-cbc', k, data.subarray(0, 16));
    return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]);
  } catch {
    return null;
  }
}

/** A PDF string's bytes: hex (`<…>`) or literal (`(…)`, with its escapes and nested parentheses). */
function readString(text: string, at: number): Buffer | null {
  if (text[at] === '<') {
    const end = text.indexOf('>', at);
    if (end < 0) return null;
    const hex = text.slice(at + 1, end).replace(/\s+/g, '');
    return /^[0-9a-fA-F]*$/.test(hex) ? Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex') : null;
  }
  if (text[at] !== '(') return null;
  const out: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  for (let i = at + 1, depth = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[++i] ?? '';
      const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3));
      if (octal) {
        out.push(parseInt(octal[0], 8) & 255);
        i += octal[0].length - 1;
      } else if (next === '\r') {
        if (text[i + 1] === '\n') i++;
      } else if (next !== '\n') out.push(escapes[next] ?? next.charCodeAt(0));
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return Buffer.from(out);
    out.push(c.charCodeAt(0));
  }
  return null;
}

function entry(dict: string, key: string): string | null {
  const m = new RegExp(`/${key}(?![A-Za-z0-9])\\s*`).exec(dict);
  return m ? dict.slice(m.index + m[0].length) : null;
}

function stringEntry(dict: string, key: string): Buffer | null {
  const rest = entry(dict, key);
  return rest === null ? null : readString(rest, 0);
}

function numberEntry(dict: string, key: string): number | null {
  const m = /^-?\d+/.exec(entry(dict, key) ?? '');
  return m ? Number(m[0]) : null;
}

/**
 * How the file (read as latin1 text) is encrypted: null when it is not, 'unsupported' when its
 * handler is one this module does not read (public keys, AES-256 of revisions 5 and 6, an
 * encryption dictionary it cannot find), else what the standard handler needs.
 */
export function readSecurity(text: string): StandardSecurity | 'unsupported' | null {
  const refs = [...text.matchAll(/\/Encrypt\s*(\d+)\s+(\d+)\s+R/g)];
  if (refs.length === 0) return /\/Encrypt\s*<</.test(text) ? 'unsupported' : null;
  const [, num, gen] = refs[refs.length - 1]!;
  const starts = [...text.matchAll(new RegExp(`(?<![0-9])${num}\\s+${gen}\\s+obj\\b`, 'g'))];
  const start = starts[starts.length - 1];
  if (!start) return 'unsupported';
  const end = text.indexOf('endobj', start.index);
  const dict = text.slice(start.index, end < 0 ? start.index + 4096 : end);
  const ids = /\/ID\s*\[\s*/.exec(text.slice(text.lastIndexOf('/ID')));
  const firstId = ids ? readString(text.slice(text.lastIndexOf('/ID') + ids.index + ids[0].length), 0) : null;
  const revision = numberEntry(dict, 'R');
  const version = numberEntry(dict, 'V') ?? 0;
  const owner = stringEntry(dict, 'O');
  const user = stringEntry(dict, 'U');
  const permissions = numberEntry(dict, 'P');
  if (!/\/Filter\s*\/Standard\b/.test(dict) || !firstId || !owner || !user || permissions === null) return 'unsupported';
  if ((revision !== 2 && revision !== 3 && revision !== 4) || owner.length < 32 || user.length < 32) return 'unsupported';
  let streams: StandardSecurity['streams'] = 'rc4';
  if (version === 4) {
    const filter = /^\/([A-Za-z0-9]+)/.exec(entry(dict, 'StmF') ?? '')?.[1] ?? 'Identity';
    const method = /\/CFM\s*\/([A-Za-z0-9]+)/.exec(dict)?.[1];
    if (filter === 'Identity') streams = null;
    else if (method === 'AESV2') streams = 'aes';
    else if (method !== 'V2') return 'unsupported';
  } else if (version !== 1 && version !== 2) return 'unsupported';
  const bits = version === 1 ? 40 : (numberEntry(dict, 'Length') ?? (version === 4 ? 128 : 40));
  if (bits < 40 || bits > 128 || bits % 8 !== 0) return 'unsupported';
  return {
    revision,
    keyBytes: revision === 2 ? 5 : bits / 8,
    owner: owner.subarray(0, 32),
    user: user.subarray(0, 32),
    permissions,
    firstId,
    encryptMetadata: !/\/EncryptMetadata\s*false/.test(dict),
    streams,
  };
}
