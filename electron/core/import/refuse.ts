import { AppError } from '../errors';

/** An import failure shown to the user as is: one sentence that names the file and says what to do. */
export function refuse(message: string): AppError {
  return new AppError('import-failed', message);
}

/** The file's name as shown in messages: its last path segment, quoted. */
export function quoted(name: string): string {
  return `"${baseName(name) || 'The file'}"`;
}

/** The last segment of a path, whichever separator it uses. */
export function baseName(name: string): string {
  const cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return cut >= 0 ? name.slice(cut + 1) : name;
}

const MB = 1024 * 1024;

/** A byte count in megabytes with one decimal ("50.0 MB"), two when one would look equal to `limitBytes`. */
export function formatMegabytes(bytes: number, limitBytes?: number): string {
  const one = (bytes / MB).toFixed(1);
  if (limitBytes !== undefined && bytes > limitBytes && Number(one) <= limitBytes / MB) {
    return `${(bytes / MB).toFixed(2)} MB`;
  }
  return `${one} MB`;
}

/** A limit in megabytes without needless decimals ("20 MB"). */
export function formatLimitMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? String(mb) : mb.toFixed(1)} MB`;
}

/** A character count with thousands separators ("6,200,000 characters"). */
export function formatCharacters(count: number): string {
  return `${count.toLocaleString('en-US')} characters`;
}
