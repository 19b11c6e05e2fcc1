/** `crossread serve …` from the build: teams and tokens, the server's lifetime, and clear refusals. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, lines, runCli } from '../cli/helpers';
import { connect, tempDataDir, waitFor, type TestClient } from './helpers';
import { spawnServe, type ServeProcess } from './process';

beforeAll(ensureBuilt, 120_000);

const children: ServeProcess[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of children.splice(0)) {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      s.child.kill('SIGKILL');
      await s.exited.catch(() => null);
    }
  }
});

async function serve(args: string[]): Promise<ServeProcess> {
  const s = await spawnServe(args);
  children.push(s);
  return s;
}

async function teamAndToken(data: string, user = 'Anna'): Promise<{ key: string; token: string }> {
  const created = await runCli(['serve', 'team', 'create', '--data', data, '--name', 'Abraham Accords desk'], data);
  expect(created.code).toBe(0);
  const key = /project key: (\S+)/.exec(created.stdout)![1]!;
  const issued = await runCli(['serve', 'token', '--data', data, '--project', key, '--user', user], data);
  expect(issued.code).toBe(0);
  return { key, token: issued.stdout.trim() };
}

describe('crossread serve: teams and tokens', () => {
  it('creates a team, prints a token once, lists members without their secrets, and revokes', async () => {
    const data = tempDataDir();
    const created = await runCli(['serve', 'team', 'create', '--data', data, '--name', 'Abraham Accords desk'], data);
    expect(created.code).toBe(0);
    const key = /project key: (\S+)/.exec(created.stdout)![1]!;
    expect(key).toMatch(/^abraham-accords-desk-[a-z0-9]{8}$/);

    const issued = await runCli(['serve', 'token', '--data', data, '--project', key, '--user', 'Анна'], data);
    expect(issued.code).toBe(0);
    expect(lines(issued.stdout)).toHaveLength(1);
    const token = issued.stdout.trim();
    expect(token.startsWith(`crt1.${key}.user-`)).toBe(true);
    expect(issued.stderr).toContain('cannot be shown again');
    const userId = token.split('.')[2]!;

    const listed = await runCli(['serve', 'teams', '--data', data], data);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(key);
    expect(listed.stdout).toContain(`${userId}  Анна`);
    expect(listed.stdout).not.toContain(token.split('.')[3]);
    expect(fs.readFileSync(path.join(data, 'teams.sqlite')).includes(Buffer.from(token.split('.')[3]!))).toBe(false);

    const revoked = await runCli(['serve', 'token', 'revoke', '--data', data, '--project', key, '--user-id', userId], data);
    expect(revoked.code).toBe(0);
    const json = JSON.parse((await runCli(['serve', 'teams', '--data', data, '--json'], data)).stdout) as { users: { revoked: string | null }[] }[];
    expect(json[0]!.users[0]!.revoked).not.toBeNull();
    const again = await runCli(['serve', 'token', 'revoke', '--data', data, '--project', key, '--user-id', userId], data);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already revoked');
  });

  it('refuses wrong arguments with a usage error and unknown teams with a clear one', async () => {
    const data = tempDataDir();
    for (const args of [
      ['serve', '--data', data],
      ['serve', '--data', data, '--port', 'eighty'],
      ['serve', '--data', data, '--port', '70000'],
      ['serve', '--data', data, '--port', '0', '--colour'],
      ['serve', 'team', 'create', '--data', data],
      ['serve', 'team', 'rename', '--data', data, '--name', 'x'],
      ['serve', 'token', '--data', data, '--project', 'desk-aaaaaaaa'],
    ]) {
      const r = await runCli(args, data);
      expect(r.code, args.join(' ')).toBe(2);
      expect(lines(r.stderr)[0]).toMatch(/^crossread serve: /);
    }
    const unknownTeam = await runCli(['serve', 'token', '--data', data, '--project', 'no-such-team', '--user', 'Anna'], data);
    expect(unknownTeam.code).toBe(1);
    expect(unknownTeam.stderr).toContain('no team with the project key "no-such-team"');
    const empty = await runCli(['serve', 'teams', '--data', path.join(data, 'nothing-here')], data);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('holds no team server data');
  });

  it('refuses a data folder it cannot write, naming the folder', async () => {
    const data = tempDataDir();
    fs.writeFileSync(path.join(data, 'a-file'), 'not a folder');
    const r = await runCli(['serve', '--data', path.join(data, 'a-file', 'data'), '--port', '0'], data);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot write to the data folder ${path.join(data, 'a-file', 'data')}`);
  });

  it('refuses a port in use, saying so', async () => {
    const data = tempDataDir();
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await runCli(['serve', '--data', data, '--port', String(port)], data);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
  });
});

describe('crossread serve: the server process', () => {
  it('prints its ws:// address, warns off loopback, and stops cleanly on SIGTERM', async () => {
    const data = tempDataDir();
    const local = await serve(['--data', data, '--port', '0']);
    expect(local.url).toBe(`ws://127.0.0.1:${local.port}`);
    expect(local.port).toBeGreaterThan(0);
    expect(local.output()).not.toContain('Warning');
    local.child.kill('SIGTERM');
    expect(await local.exited).toBe(0);
    expect(local.output()).toContain('Stopped');

    const open = await serve(['--data', data, '--port', '0', '--host', '0.0.0.0']);
    expect(open.output()).toMatch(/Warning: not on loopback.*TLS/);
    open.child.kill('SIGINT');
    expect(await open.exited).toBe(0);
  });

  it('a SIGKILLed server restarted on the same DATA loses no record once the clients reconnect', async () => {
    const data = tempDataDir();
    const { key, token } = await teamAndToken(data);
    const second = (await runCli(['serve', 'token', '--data', data, '--project', key, '--user', 'Boris'], data)).stdout.trim();
    const first = await serve(['--data', data, '--port', '0']);
    const a = connect(first.url, token);
    const b = connect(first.url, second);
    clients.push(a, b);
    await waitFor('synced', () => a.synced() && b.synced());
    // Writes right before the kill sit inside the store debounce: the server has not stored them.
    for (let i = 0; i < 200; i++) (i % 2 ? a : b).records.set(`claim-${i}`, { n: i });
    await waitFor('both see every record', () => a.records.size === 200 && b.records.size === 200);
    first.child.kill('SIGKILL');
    await first.exited;
    // Work goes on while the server is down.
    a.records.set('offline-a', { n: -1 });
    b.records.set('offline-b', { n: -2 });

    await serve(['--data', data, '--port', String(first.port)]);
    await waitFor('clients reconnected and in sync', () => a.synced() && b.synced() && a.records.size === 202 && b.records.size === 202, 30_000);
    await waitFor('nothing unsent', () => a.provider.unsyncedChanges === 0 && b.provider.unsyncedChanges === 0);
    const late = connect(first.url, token);
    clients.push(late);
    await waitFor('a newcomer gets the whole project', () => late.synced() && late.records.size === 202);
    for (let i = 0; i < 200; i++) expect(late.records.get(`claim-${i}`)).toEqual({ n: i });
    expect(late.records.get('offline-a')).toEqual({ n: -1 });
    expect(late.records.get('offline-b')).toEqual({ n: -2 });
    expect(key).toBe(token.split('.')[1]);
  }, 60_000);
});
