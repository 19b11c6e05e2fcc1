/**
 * Linux has no equivalent of Electron's asar integrity fuse (it is checked on macOS and Windows
 * only). So a packaged Linux build carries integrity.json beside app.asar: the SHA-256 of app.asar
 * and of every file in app.asar.unpacked (the native SQLite module, which no fuse covers on any
 * system). `npm run dist` writes it (build/after-pack.mjs); the app checks it at every start,
 * before anything from those files is loaded, and refuses to run on a mismatch.
 *
 * What this catches: a damaged or partly replaced installation (a swapped native module, an
 * app.asar from another version). What it cannot: someone able to rewrite the install folder
 * could rewrite the list too; the .deb keeps that folder root-owned, and `dpkg --verify crossread`
 * checks every file against the package's own checksums.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const INTEGRITY_FILE = 'integrity.json';
const ARCHIVE = 'app.asar';
const UNPACKED = 'app.asar.unpacked';

export interface IntegrityList {
  algorithm: 'sha256';
  /** Path relative to the resources folder, with forward slashes → hex digest. */
  files: Record<string, string>;
}

/**
 * Opens a file as plain bytes. Inside Electron this must be `original-fs`: Electron's patched
 * `fs` treats app.asar as a folder.
 */
export type OpenFile = (file: string) => NodeJS.ReadableStream;

function digest(open: OpenFile, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    open(file)
      .on('error', reject)
      .on('data', (chunk: Buffer) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** app.asar and every file under app.asar.unpacked, relative to `resourcesDir`. */
function coveredFiles(resourcesDir: string): string[] {
  const files = [ARCHIVE];
  const walk = (relative: string): void => {
    const dir = path.join(resourcesDir, relative);
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else files.push(child);
    }
  };
  walk(UNPACKED);
  return files.sort();
}

export async function listIntegrity(resourcesDir: string, open: OpenFile = fs.createReadStream): Promise<IntegrityList> {
  const files: Record<string, string> = {};
  for (const file of coveredFiles(resourcesDir)) files[file] = await digest(open, path.join(resourcesDir, file));
  return { algorithm: 'sha256', files };
}

export async function writeIntegrityList(resourcesDir: string): Promise<void> {
  const list = await listIntegrity(resourcesDir);
  fs.writeFileSync(path.join(resourcesDir, INTEGRITY_FILE), `${JSON.stringify(list, null, 2)}\n`);
}

/** Null when every covered file matches the list; else what is wrong, naming the file. */
export async function integrityProblem(resourcesDir: string, open: OpenFile): Promise<string | null> {
  let expected: IntegrityList;
  try {
    expected = JSON.parse(fs.readFileSync(path.join(resourcesDir, INTEGRITY_FILE), 'utf8')) as IntegrityList;
  } catch {
    return `${INTEGRITY_FILE} is missing or unreadable`;
  }
  if (expected.algorithm !== 'sha256' || typeof expected.files !== 'object' || expected.files === null) {
    return `${INTEGRITY_FILE} is not a checksum list`;
  }
  const present = coveredFiles(resourcesDir);
  for (const file of present) {
    if (!Object.hasOwn(expected.files, file)) return `${file} is not part of this installation`;
  }
  for (const [file, hash] of Object.entries(expected.files)) {
    if (!present.includes(file)) return `${file} is missing`;
    let actual: string;
    try {
      actual = await digest(open, path.join(resourcesDir, file));
    } catch {
      return `${file} cannot be read`;
    }
    if (actual !== hash) return `${file} has changed`;
  }
  return null;
}
