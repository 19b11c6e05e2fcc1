/**
 * Crash safety: a separate Node process writes claims through the backend and is SIGKILLed in the
 * middle of the burst. The project must reopen, pass PRAGMA integrity_check, and hold every
 * claim the killed process had acknowledged. (Synchronous FULL + WAL make a committed transaction
 * durable; this proves it end to end, kill included.)
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { importCorpus, withProject } from '../core/helpers';
import { Project } from '../../../electron/core/store/project';

const REPO = path.resolve(__dirname, '../../..');

/**
 * Bundles writer.ts into one ESM file Node can run (the sources use extensionless imports). It
 * goes under node_modules/.cache so that `better-sqlite3`, left external, resolves from there.
 */
async function bundleWriter(): Promise<string> {
  const outfile = path.join(REPO, 'node_modules', '.cache', 'crossread-tests', `crash-writer-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(__dirname, 'writer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  return outfile;
}

/** Runs the writer until it has acknowledged `killAfter` writes, then SIGKILLs it. Resolves with every id it acknowledged. */
function writeUntilKilled(script: string, args: string[], killAfter: number): Promise<{ acked: string[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ack ([0-9a-f-]{36})$/.exec(line);
        if (match) acked.push(match[1]!);
      }
      if (acked.length >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ acked, signal, stderr }));
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged write and an intact file when the backend process is SIGKILLed mid-burst', async () => {
    const { home, projectPath, backend } = await withProject('Crash');
    const { kazpravda } = await importCorpus(backend);
    backend.close();

    const script = await bundleWriter();
    const { acked, signal, stderr } = await writeUntilKilled(script, [home, projectPath, kazpravda.id], 300);

    fs.rmSync(script, { force: true });
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL'); // killed mid-burst, not finished
    expect(acked.length).toBeGreaterThanOrEqual(300);

    // The file as the killed process left it (WAL included), before the app touches it.
    const raw = new Database(projectPath);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();

    const reopened = Project.open(projectPath);
    try {
      const stored = new Set(reopened.annotations.list().map((a) => a.id));
      const missing = acked.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      // Undo history was written in the same transactions: the last acknowledged claim can be undone.
      expect(reopened.history.state().canUndo).toBe(true);
    } finally {
      reopened.close();
    }
  }, 60_000);
});
