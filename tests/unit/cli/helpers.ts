/** Runs the built CLI (out/node/cli.mjs) the way users run it: a child process with its own home folder. */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CORPUS_DIR } from '../../support/corpus';

export const REPO = path.resolve(__dirname, '../../..');
export const CLI = path.join(REPO, 'out', 'node', 'cli.mjs');
export { CORPUS_DIR };
export const KAZPRAVDA = 'kazpravda-2025-11-07-velizade.txt';
export const CARAVAN = 'caravan-2025-11-kazantsev.txt';
export const ZAKON = 'zakon-2026-03-02-badamov.txt';
export const CORPUS_PATHS = [KAZPRAVDA, CARAVAN, ZAKON].map((f) => path.join(CORPUS_DIR, f));

/** Builds the app when the CLI bundle is missing (a fresh checkout). */
export async function ensureBuilt(): Promise<void> {
  if (fs.existsSync(CLI)) return;
  await promisify(execFile)(process.execPath, [path.join(REPO, 'build', 'build.mjs'), '--quiet'], {
    cwd: REPO,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!fs.existsSync(CLI)) throw new Error(`the build did not produce ${CLI}`);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `crossread ...args` with CROSSREAD_HOME set to `home`. */
export function runCli(args: string[], home: string, cwd = home): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, CROSSREAD_HOME: home, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The non-empty lines of a stream's output. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim().length > 0);
}
