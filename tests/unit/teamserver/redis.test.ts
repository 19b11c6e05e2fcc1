/**
 * Two `crossread serve` processes on one Redis (and one DATA) keep their clients in sync. The test
 * starts its own redis-server on a free loopback port, and skips, saying why, where there is none.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../cli/helpers';
import { connect, tempDataDir, waitFor, type TestClient } from './helpers';
import { spawnServe, type ServeProcess } from './process';

const REDIS_SERVER = '/usr/bin/redis-server';
const haveRedis = fs.existsSync(REDIS_SERVER);
if (!haveRedis) console.log(`Redis tests skipped: ${REDIS_SERVER} is missing (apt-get install redis-server).`);

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

let redis: ChildProcess | undefined;
let redisUrl = '';
beforeAll(async () => {
  await ensureBuilt();
  if (!haveRedis) return;
  const port = await freePort();
  redis = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    redis!.stdout!.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (out.includes('Ready to accept connections')) resolve();
    });
    redis!.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  redisUrl = `redis://127.0.0.1:${port}`;
}, 120_000);

const children: ServeProcess[] = [];
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.close();
  for (const s of children) {
    s.child.kill('SIGTERM');
    await s.exited;
  }
  redis?.kill('SIGTERM');
});

describe.skipIf(!haveRedis)('team server with Redis', () => {
  it('two server processes on one Redis keep a client of each in sync', async () => {
    const data = tempDataDir();
    const key = /project key: (\S+)/.exec((await runCli(['serve', 'team', 'create', '--data', data, '--name', 'desk'], data)).stdout)![1]!;
    const token = async (user: string) => (await runCli(['serve', 'token', '--data', data, '--project', key, '--user', user], data)).stdout.trim();
    const one = await spawnServe(['--data', data, '--port', '0', '--redis', redisUrl]);
    children.push(one);
    const two = await spawnServe(['--data', data, '--port', '0', '--redis', redisUrl]);
    children.push(two);
    expect(one.output()).toContain('through Redis');

    const a = connect(one.url, await token('Anna'));
    const b = connect(two.url, await token('Boris'));
    clients.push(a, b);
    await waitFor('both synced', () => a.synced() && b.synced());
    a.records.set('claim-a', { on: 'server one' });
    b.records.set('claim-b', { on: 'server two' });
    await waitFor('each sees the other’s record', () => a.records.has('claim-b') && b.records.has('claim-a'));
    for (let i = 0; i < 100; i++) (i % 2 ? a : b).records.set(`claim-${i}`, { n: i });
    await waitFor('both hold all records', () => a.records.size === 102 && b.records.size === 102);
    expect(b.records.toJSON()).toEqual(a.records.toJSON());
  }, 60_000);

  it('refuses a Redis it cannot reach, and a URL that is not redis://, clearly', async () => {
    const data = tempDataDir();
    const nobody = await freePort();
    const unreachable = await runCli(['serve', '--data', data, '--port', '0', '--redis', `redis://127.0.0.1:${nobody}`], data);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(`cannot reach Redis at redis://127.0.0.1:${nobody}`);
    const wrong = await runCli(['serve', '--data', data, '--port', '0', '--redis', 'http://127.0.0.1:6379'], data);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--redis needs a redis:// or rediss:// URL');
  }, 30_000);
});
