/**
 * Writes a figure the page drew to the path the desktop's save dialog returned. The bytes come
 * from the page, which is not trusted: they are written only when they are the image they claim
 * to be (a PNG's signature, an SVG document's root), so a compromised page cannot use a figure's
 * save to put a script or a config file where the user meant to keep a picture.
 */
import path from 'node:path';
import type { ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { FigureKind } from '../../../shared/figure-file';
import { AppError } from '../errors';
import { writeFileAtomic } from '../export/index';

export type FigureHandlers = { 'figure.write': (input: ApiParsedInput<'figure.write'>) => ApiOutput<'figure.write'> };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether `data` is the kind of image it is said to be. */
export function looksLike(kind: FigureKind, data: Buffer): boolean {
  if (kind === 'png') return data.length > PNG_SIGNATURE.length && data.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
  const text = data.toString('utf8');
  // An XML declaration and comments may come before the root; nothing may follow it.
  const start = text.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*/, '');
  return /^<svg[\s>]/.test(start) && /<\/svg>\s*$/.test(start);
}

export function figureHandlers(): FigureHandlers {
  return {
    'figure.write': ({ kind, dataBase64, path: target }) => {
      const data = Buffer.from(dataBase64, 'base64');
      if (!looksLike(kind, data)) throw new AppError('bad-input', `The figure was not saved: its data is not a ${kind.toUpperCase()} image.`);
      const resolved = path.resolve(target);
      writeFileAtomic(resolved, data);
      return { path: resolved, bytes: data.length };
    },
  };
}
