/**
 * The team sync server under a team's load: 50 connected clients, each making 10 changes a
 * second, for a minute (5 s in --quick). Propagation is the time from a set on one client to its
 * observation on the others, read on a few observing clients. The baseline is the same traffic
 * through a bare Hocuspocus server (no authentication, no storage), also in its own process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { createTeam, issueToken } from '../../electron/teamserver/index';
import type { BenchCase, BenchContext, Row } from '../types';

const CLIENTS = 50;
const CHANGES_PER_SECOND = 10;
/** Clients whose observations are sampled; every client still receives and applies every change. */
const OBSERVERS = 5;
const BUDGET_MS = 500;

/** The repository root: this bundle runs as out/bench/bench.mjs. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'out', 'node', 'cli.mjs');

/** A bare Hocuspocus server, in memory, accepting anyone: the plainest way to carry the same traffic. */
const BARE_SERVER = `
const { Server } = await import('@hocuspocus/server');
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
console.log('listening on ws://127.0.0.1:' + server.address.port);
`;

const now = () => performance.timeOrigin + performance.now();

interface ServerProcess {
  child: ChildProcess;
  url: string;
}

function startProcess(args: string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (s: string) => {
      output += s;
      const m = /listening on (ws:\/\/\S+:\d+)/.exec(output);
      if (m) resolve({ child, url: m[1]! });
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.stderr!.setEncoding('utf8').on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

async function stopProcess(p: ServerProcess): Promise<void> {
  if (p.child.exitCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  await exited;
}

async function waitUntil(what: string, check: () => boolean, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs the load against `url` for `seconds`; returns the sampled propagation times (ms). */
async function load(url: string, documentName: string, tokens: readonly string[], seconds: number): Promise<{ latencies: number[]; sent: number }> {
  const latencies: number[] = [];
  const providers = tokens.map((token, i) => {
    const doc = new Y.Doc();
    const records = doc.getMap<{ at: number }>('records');
    if (i < OBSERVERS) {
      records.observe((event) => {
        if (event.transaction.local) return;
        const seen = now();
        for (const key of event.keysChanged) {
          const value = records.get(key);
          if (value) latencies.push(seen - value.at);
        }
      });
    }
    return { records, provider: new HocuspocusProvider({ url, name: documentName, token, document: doc }) };
  });
  await waitUntil('every client synced', () => providers.every((p) => p.provider.isSynced), 60_000);
  let sent = 0;
  const timers: NodeJS.Timeout[] = [];
  const period = 1000 / CHANGES_PER_SECOND;
  providers.forEach((p, i) => {
    // Staggered, so the 500 changes a second arrive spread out rather than in 10 bursts.
    const start = setTimeout(() => {
      timers.push(
        setInterval(() => {
          // A new key per change, like claims being made: each one is observed, none is coalesced away.
          p.records.set(`client-${i}-${sent++}`, { at: now() });
        }, period),
      );
    }, (i * period) / CLIENTS);
    timers.push(start);
  });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  for (const t of timers) clearInterval(t);
  // Let the last changes land before the clients go.
  await new Promise((r) => setTimeout(r, 1000));
  for (const p of providers) p.provider.destroy();
  return { latencies, sent };
}

async function run(ctx: BenchContext): Promise<Row[]> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build the app first (npm run bench does).`);
  const seconds = ctx.quick ? 5 : 60;
  const data = fs.mkdtempSync(path.join(ctx.workDir, 'team-server-'));
  const team = createTeam(data, 'Bench desk');
  const tokens = Array.from({ length: CLIENTS }, (_, i) => issueToken(data, { project: team.key, user: `Member ${i + 1}` }).token);

  ctx.log(`team-server: baseline, bare Hocuspocus, ${CLIENTS} clients × ${CHANGES_PER_SECOND}/s for ${seconds} s`);
  const bare = await startProcess(['--input-type=module', '-e', BARE_SERVER]);
  let baseline: { latencies: number[]; sent: number };
  try {
    baseline = await load(bare.url, team.key, tokens, seconds);
  } finally {
    await stopProcess(bare);
  }

  ctx.log(`team-server: crossread serve (tokens, SQLite storage), same load`);
  const served = await startProcess([CLI, 'serve', '--data', data, '--port', '0']);
  let measured: { latencies: number[]; sent: number };
  try {
    measured = await load(served.url, team.key, tokens, seconds);
  } finally {
    await stopProcess(served);
  }
  const expected = CLIENTS * CHANGES_PER_SECOND * seconds;
  return [
    {
      caseId: 'team-server',
      metric: `propagation, ${CLIENTS} clients × ${CHANGES_PER_SECOND} changes/s, ${seconds} s`,
      unit: 'ms',
      samples: measured.latencies,
      baseline: baseline.latencies,
      budget: { kind: 'max', on: 'p95', limit: BUDGET_MS },
      note: `set on one client → observed on another (${OBSERVERS} observers, ${measured.sent} of ${expected} planned changes sent; baseline sent ${baseline.sent}); baseline: bare Hocuspocus without auth or storage, same traffic; clients and server share this machine`,
    },
  ];
}

export const teamServerCase: BenchCase = {
  id: 'team-server',
  title: `team sync server: ${CLIENTS} clients × ${CHANGES_PER_SECOND} changes/s, p95 propagation (budget ${BUDGET_MS} ms)`,
  run,
};
