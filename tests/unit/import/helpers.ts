/** Shared helpers for the import tests: the sample corpus and byte-level encoders the tests need. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import { extractDocument } from '../../../electron/core/import';

import { CORPUS_DIR } from '../../support/corpus';
export { CORPUS_DIR };

export const KAZPRAVDA = 'kazpravda-2025-11-07-velizade.txt';
export const CARAVAN = 'caravan-2025-11-kazantsev.txt';
export const ZAKON = 'zakon-2026-03-02-badamov.txt';

export function corpusBytes(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, file)));
}

export function corpusText(file: string): string {
  return fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8');
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}

export function utf16be(text: string): Uint8Array {
  const le = utf16le(text);
  const be = new Uint8Array(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return be;
}

/**
 * An encoder for a single-byte code page, built by decoding bytes 0x80–0xFF with TextDecoder and reversing
 * the table. Throws on a character the code page cannot hold, so a test never silently encodes '?'.
 */
export function singleByteEncoder(label: 'windows-1251' | 'koi8-r'): (text: string) => Uint8Array {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return (text) => {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        out[i] = code;
        continue;
      }
      const byte = table.get(text[i] ?? '');
      if (byte === undefined) throw new Error(`${label} cannot encode U+${code.toString(16)}`);
      out[i] = byte;
    }
    return out;
  };
}

/** Deterministic pseudo-random bytes (xorshift32), so binary fixtures are the same on every run. */
export function pseudoRandomBytes(length: number, seed = 0x12345678): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** Runs an import that must fail and returns its AppError, checking the code. */
export async function importError(name: string, bytes: Uint8Array): Promise<AppError> {
  try {
    await extractDocument({ name, bytes });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('import-failed');
    return appError;
  }
  throw new Error(`expected the import of ${name} to fail`);
}
