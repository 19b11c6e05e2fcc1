/**
 * The one way the core reads a file a person named (a CLI argument, a path from a desktop dialog,
 * an annotation file to import). Whatever the path turns out to be, reading it must end quickly
 * with the bytes or a clear refusal:
 *
 * - Only regular files. A device (/dev/zero never ends), a FIFO (blocks until a writer appears), a
 *   socket or a folder is refused. The file is opened with O_NONBLOCK, so even a FIFO swapped in
 *   between the check and the open cannot block; what was opened is checked again with fstat.
 * - Symbolic links are followed only while they stay inside the folder the path names: `notes.txt`
 *   → `drafts/notes.txt` is fine, `notes.txt` → `/etc/passwd` is refused. A person who picks a file
 *   in a folder means that folder, not wherever a link planted there leads.
 * - The size limit is checked before reading and again while reading, so a file that grows (or
 *   lies about its size) is cut off at the limit, never read whole.
 * - Error messages name the file by its own name only and never quote its content.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** What files of this kind are called, for messages: "annotation files", "documents". */
  what: string;
}

const CHUNK = 1024 * 1024;
// Absent on Windows, where neither FIFOs nor O_NOFOLLOW exist in this form.
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** Text safe to print in a message or a terminal: control and bidi-override characters become '?'. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- the point is to remove control characters
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
}

/** A file's name as it may appear in a message: its last part, printable, not overlong. */
export function displayName(file: string): string {
  const name = printable(path.basename(file));
  return name.length > 120 ? `${name.slice(0, 117)}…` : name;
}

const megabytes = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`);

/**
 * Where `file` really leads, refused unless it is a regular file inside the folder the path names.
 * `linksAnywhere` lifts the folder rule (project files: a project kept on a synced drive and linked
 * from the home folder is an ordinary setup, and SQLite only ever opens it as a database).
 * Throws AppError ('not-found' or 'bad-input').
 */
export function resolveRegularFile(file: string, what: string, linksAnywhere = false): string {
  if (!path.isAbsolute(file)) throw new AppError('bad-input', `Files must be given as a full path, not one relative to a working folder.`);
  const name = displayName(file);
  let real: string;
  let folder: string;
  try {
    real = fs.realpathSync(file);
    folder = fs.realpathSync(path.dirname(file));
  } catch {
    throw new AppError('not-found', `${name} does not exist.`);
  }
  const inside = path.relative(folder, real);
  const outside = inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside);
  if (!linksAnywhere && outside) {
    throw new AppError('bad-input', `${name} is a link to a file outside its folder; Crossread does not follow it. Choose the file itself.`);
  }
  const stat = fs.statSync(real);
  if (!stat.isFile()) {
    const kind = stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a pipe' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : 'a special file';
    throw new AppError('bad-input', `${name} is ${kind}, not a regular file; Crossread reads ${what} only from regular files.`);
  }
  return real;
}

/** Reads a regular file (see the rules above), refusing it once it passes `limits.maxBytes`. */
export function readRegularFile(file: string, limits: ReadLimits): Buffer {
  const real = resolveRegularFile(file, limits.what);
  const name = displayName(file);
  const tooBig = () => new AppError('bad-input', `${name} is larger than the ${megabytes(limits.maxBytes)} limit for ${limits.what}.`);
  let fd: number;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
  } catch (err) {
    throw new AppError('not-found', `Cannot read ${name} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  try {
    // What was opened may not be what was checked (a swap in between): check the open file itself.
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new AppError('bad-input', `${name} is not a regular file; Crossread reads ${limits.what} only from regular files.`);
    if (stat.size > limits.maxBytes) throw tooBig();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = fs.readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      total += n;
      if (total > limits.maxBytes) throw tooBig();
      chunks.push(n === CHUNK ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('import-failed', `Cannot read ${name} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  } finally {
    fs.closeSync(fd);
  }
}
