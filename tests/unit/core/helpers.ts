/** Shared set-up for the core tests: temp folders, the corpus, a backend on a real project file. */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../../electron/core/backend';
import { AppError } from '../../../electron/core/errors';
import { CORPUS_DIR } from '../../support/corpus';

export { CORPUS_DIR };
export const RESOURCES_DIR = path.resolve(__dirname, '../../../resources');

export const KAZPRAVDA = 'kazpravda-2025-11-07-velizade.txt';
export const CARAVAN = 'caravan-2025-11-kazantsev.txt';
export const ZAKON = 'zakon-2026-03-02-badamov.txt';
export const CORPUS_FILES = [KAZPRAVDA, CARAVAN, ZAKON] as const;

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ISO_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

const tempDirs: string[] = [];
const backends: Backend[] = [];

afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const dir of tempDirs.splice(0)) {
    // Files made read-only by a test must be writable again for the clean-up.
    chmodTree(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function chmodTree(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chmodTree(p);
    // Only the test's own files: chmod through a link would change its target (/dev/zero, say).
    else if (entry.isFile()) fs.chmodSync(p, 0o644);
  }
}

/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = 'crossread-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** A backend on `homeDir` that checks every answer against the contract; closed after the test. */
export function makeBackend(homeDir: string, extra: Partial<BackendOptions> = {}): Backend {
  const backend = createBackend({ homeDir, resourcesDir: RESOURCES_DIR, version: 'test', validateOutput: true, ...extra });
  backends.push(backend);
  return backend;
}

export interface Fixture {
  home: string;
  projectPath: string;
  backend: Backend;
}

/** A temp home with a freshly created project open in a backend. */
export async function withProject(name = 'Test project'): Promise<Fixture> {
  const home = tempDir();
  const backend = makeBackend(home);
  const info = await backend.call('project.create', { path: path.join(home, `${name}.crossread`) });
  return { home, projectPath: info.path, backend };
}

export function corpusPath(file: string): string {
  return path.join(CORPUS_DIR, file);
}

/** A corpus file as the API carries it. */
export function corpusFile(file: string): { name: string; dataBase64: string } {
  return { name: file, dataBase64: fs.readFileSync(corpusPath(file)).toString('base64') };
}

export function fileFrom(name: string, content: string | Buffer): { name: string; dataBase64: string } {
  return { name, dataBase64: Buffer.from(content).toString('base64') };
}

/** The corpus file's text as stored: the leading ` date YYYY-MM-DD ` header removed. */
export function corpusText(file: string): string {
  return fs.readFileSync(corpusPath(file), 'utf8').replace(/^\s*date \d{4}-\d{2}-\d{2} /, '');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of a file's bytes, to prove a refused file was left exactly as it was. */
export function fileHash(file: string): string {
  return sha256Hex(fs.readFileSync(file));
}

/** Awaits a promise that must reject with an AppError of `code`; returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected an AppError '${code}'`).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe(code);
  return caught as AppError;
}

/** Awaits a synchronous call that must throw an AppError of `code`. */
export function expectAppErrorSync(fn: () => unknown, code: AppError['code']): AppError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected an AppError '${code}'`).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe(code);
  return caught as AppError;
}

/** Imports the three corpus files; returns the documents keyed by file name. */
export async function importCorpus(backend: Backend) {
  const result = await backend.call('documents.import', { files: CORPUS_FILES.map(corpusFile) });
  expect(result.failed).toEqual([]);
  const byName = Object.fromEntries(result.imported.map((d) => [d.sourceName, d]));
  return { result, kazpravda: byName[KAZPRAVDA]!, caravan: byName[CARAVAN]!, zakon: byName[ZAKON]! };
}

/** Creates a claim over the first occurrence of `phrase` in a document (the phrase must be there). */
export async function claimOn(backend: Backend, documentId: string, phrase: string, tagIds: string[] = []) {
  const { text } = await backend.call('documents.get', { id: documentId });
  const start = text.indexOf(phrase);
  expect(start, `“${phrase}” is in the document`).toBeGreaterThanOrEqual(0);
  return backend.call('annotations.create', { documentId, start, end: start + phrase.length, tagIds });
}

/** Reads rows straight from a project file, bypassing the app. */
export function readRows(file: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** A one-paragraph note as the Lexical editor serializes it. */
export function lexicalNote(...paragraphs: string[]): string {
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        children: text ? [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }] : [],
      })),
    },
  });
}
