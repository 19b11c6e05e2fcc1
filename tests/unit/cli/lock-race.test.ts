/**
 * Two browser-mode servers started on one project at the same instant: one holds it, the other
 * says who does, never SQLite's "database is locked".
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { CLI, CORPUS_PATHS, ensureBuilt, runCli } from './helpers';

const dirs: string[] = [];
beforeAll(ensureBuilt, 120_000);
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Starts `crossread browser --project P`; resolves with what it printed once it is serving or has exited. */
function startBrowser(home: string, project: string) {
  const child = spawn(process.execPath, [CLI, 'browser', '--project', project], { env: { ...process.env, CROSSREAD_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const settled = new Promise<{ serving: boolean; output: string }>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/#token=/.test(output)) resolve({ serving: true, output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => resolve({ serving: false, output }));
  });
  return { child, settled };
}

it('two servers started at the same instant: one holds the project, the other names it, never "database is locked"', async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-race-'));
  dirs.push(home);
  const project = path.join(home, 'Race.crossread');
  expect((await runCli(['import', '--project', project, CORPUS_PATHS[0]!], home)).code).toBe(0);
  for (let round = 0; round < 4; round++) {
    const a = startBrowser(home, project);
    const b = startBrowser(home, project);
    const results = await Promise.all([a.settled, b.settled]);
    for (const s of [a, b]) {
      s.child.kill('SIGTERM');
      if (s.child.exitCode === null) await new Promise((r) => s.child.once('exit', r));
    }
    const serving = results.filter((r) => r.serving);
    const refused = results.filter((r) => !r.serving);
    expect(serving, results.map((r) => r.output).join('\n---\n')).toHaveLength(1);
    expect(refused[0]!.output).toMatch(/Race\.crossread is open in another Crossread \(browser mode, process \d+/);
    expect(refused[0]!.output).not.toMatch(/database is locked/i);
  }
}, 120_000);
