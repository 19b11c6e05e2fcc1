/**
 * Fixture files for the end-to-end tests, built at run time (nothing large is committed): Word documents,
 * legacy encodings, binary junk and project files in odd states.
 */
import Database from 'better-sqlite3';
import { buildDocx as buildDocxBytes, type DocxParts } from '../fixtures/docx';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI } from './app';

/** A file handed to `setInputFiles` as bytes, the way the browser's file picker would. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const payload = (name: string, bytes: Uint8Array | string, mimeType = 'application/octet-stream'): FilePayload => ({
  name,
  mimeType,
  buffer: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes),
});

/** A minimal but complete .docx (content types, relationships, body, core properties). */
export async function buildDocx(parts: DocxParts): Promise<Buffer> {
  return Buffer.from(await buildDocxBytes(parts));
}

/** Text in a single-byte code page; throws on a character the code page cannot hold. */
export function encodeSingleByte(label: 'windows-1251', text: string): Buffer {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 ? code : table.get(text[i]!);
    if (byte === undefined) throw new Error(`${label} cannot encode U+${code.toString(16)}`);
    out[i] = byte;
  }
  return out;
}

/** A PNG signature and header chunk followed by NUL bytes: what a picture renamed .txt looks like. */
export function pngLikeBytes(): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.from([0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06]);
  return Buffer.concat([signature, ihdr, Buffer.alloc(512, 0)]);
}

/** Latin-1 bytes of accented French: invalid UTF-8, and read as Windows-1251 it is no Russian either. */
export function latin1Bytes(): Buffer {
  return Buffer.from('Le café est très bon, la crème brûlée aussi. Voilà un résumé naïf.\n', 'latin1');
}

/** Writes a plain-text file of `megabytes` MB (ASCII lines) and returns its path. */
export function writeLargeText(file: string, megabytes: number): string {
  const line = 'This line repeats to make a very large plain-text file for the size limit.\n';
  const chunk = line.repeat(Math.ceil((1024 * 1024) / line.length)).slice(0, 1024 * 1024);
  const fd = fs.openSync(file, 'w');
  try {
    for (let i = 0; i < megabytes; i++) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/** Runs the CLI with a plain-text answer (e.g. `import`), failing the test when it fails. */
export function cliRun(home: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, CROSSREAD_HOME: home }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`crossread ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** A real project made by the CLI, then marked as saved by a future schema version. */
export function writeFutureSchemaProject(home: string, file: string, document: string): void {
  cliRun(home, 'import', '--project', file, document);
  const db = new Database(file);
  try {
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(99, 'future', 'x');
  } finally {
    db.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** A text file pretending to be a project. */
export function writeFakeProject(dir: string): string {
  const file = path.join(dir, 'x.crossread');
  fs.writeFileSync(file, 'These are my notes, not a database.\n'.repeat(20));
  return file;
}

export const bytesOf = (file: string): Buffer => fs.readFileSync(file);

/**
 * How many panes the project file has saved in its layout. The app saves the layout a moment after it
 * changes; tests wait on this before leaving a project so they do not race that save.
 */
export function savedPaneCount(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT value FROM project_meta WHERE key = 'layout'").get() as { value: string } | undefined;
    return row ? ((JSON.parse(row.value) as { panes?: unknown[] }).panes?.length ?? 0) : 0;
  } finally {
    db.close();
  }
}
