/**
 * The team server as the desktop meets it: clients with tokens sync a project's records, anyone
 * without a valid token for that project reads nothing, and documents survive a restart.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTeam, issueToken, listTeams, revokeToken, startTeamServer, type RunningTeamServer } from '../../../electron/teamserver/index';
import { connect, tempDataDir, waitFor, type TestClient } from './helpers';

const running: RunningTeamServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of running.splice(0)) await s.stop();
});

async function serve(dataDir: string, quiet = true): Promise<RunningTeamServer> {
  const server = await startTeamServer({ dataDir, port: 0, quiet });
  running.push(server);
  return server;
}
function client(url: string, token: string, name?: string): TestClient {
  const c = connect(url, token, name);
  clients.push(c);
  return c;
}

describe('team server: sync between members', () => {
  it('two members with tokens see each other’s record changes', async () => {
    const data = tempDataDir();
    const team = createTeam(data, 'Abraham Accords desk');
    const anna = issueToken(data, { project: team.key, user: 'Anna' });
    const boris = issueToken(data, { project: team.key, user: 'Борис' });
    const server = await serve(data);
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);

    const a = client(server.url, anna.token);
    const b = client(server.url, boris.token);
    await waitFor('both synced', () => a.synced() && b.synced());
    a.records.set('claim-1', { exact: '17 млрд долларов', author: 'Anna' });
    b.records.set('claim-2', { exact: 'Средний коридор', author: 'Борис' });
    await waitFor('each sees both records', () => a.records.size === 2 && b.records.size === 2);
    expect(b.records.get('claim-1')).toEqual({ exact: '17 млрд долларов', author: 'Anna' });
    expect(a.records.get('claim-2')).toEqual({ exact: 'Средний коридор', author: 'Борис' });
  });

  it('keys and user ids follow the shapes the desktop parses, and the token is shown nowhere else', () => {
    const data = tempDataDir();
    const team = createTeam(data, 'Казахстан и Авраамовы соглашения');
    expect(team.key).toMatch(/^[a-z0-9][a-z0-9-]{2,62}$/);
    const issued = issueToken(data, { project: team.key, user: 'Анна Петрова' });
    expect(issued.userId).toMatch(/^[a-z0-9][a-z0-9._-]{0,62}$/);
    expect(issued.token).toMatch(new RegExp(`^crt1\\.${team.key}\\.${issued.userId.replace(/\./g, '\\.')}\\.[A-Za-z0-9_-]{43}$`));
    const [listed] = listTeams(data);
    expect(listed).toMatchObject({ key: team.key, name: 'Казахстан и Авраамовы соглашения', users: [{ userId: issued.userId, userName: 'Анна Петрова', revoked: null }] });
    expect(JSON.stringify(listTeams(data))).not.toContain(issued.token.split('.').pop());
  });

  it('a connection’s context names the member, so the server can say who is online', async () => {
    const data = tempDataDir();
    const team = createTeam(data, 'desk');
    const anna = issueToken(data, { project: team.key, user: 'Anna' });
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const server = await serve(data, false);
      const a = client(server.url, anna.token);
      await waitFor('synced', () => a.synced());
    } finally {
      write.mockRestore();
    }
    expect(lines.join('')).toContain(`Anna (${anna.userId}) connected to ${team.key}`);
    expect(lines.join('')).not.toContain(anna.token.split('.').pop());
  });
});

describe('team server: a user without a valid token reads nothing', () => {
  async function teamWithSecrets() {
    const data = tempDataDir();
    const team = createTeam(data, 'desk');
    const other = createTeam(data, 'other desk');
    const anna = issueToken(data, { project: team.key, user: 'Anna' });
    const server = await serve(data);
    const a = client(server.url, anna.token);
    await waitFor('synced', () => a.synced());
    a.records.set('claim-1', { exact: 'secret claim' });
    await waitFor('stored on the server', () => a.provider.unsyncedChanges === 0);
    return { data, team, other, anna, server };
  }

  async function expectRefused(url: string, token: string, name: string) {
    const c = client(url, token, name);
    await waitFor('authentication failed', () => c.authFailures.length > 0);
    // Give a wrongly accepted sync every chance to arrive before looking.
    await new Promise((r) => setTimeout(r, 300));
    expect(c.authenticated()).toBe(false);
    expect(c.records.size).toBe(0);
    expect(c.doc.share.size === 0 || [...c.doc.share.values()].every((t) => t._length === 0 && t._map.size === 0)).toBe(true);
  }

  it('a wrong secret is refused', async () => {
    const { team, anna, server } = await teamWithSecrets();
    const forged = `${anna.token.slice(0, anna.token.lastIndexOf('.') + 1)}${'A'.repeat(43)}`;
    await expectRefused(server.url, forged, team.key);
  });

  it('a revoked token is refused', async () => {
    const { data, team, server } = await teamWithSecrets();
    const boris = issueToken(data, { project: team.key, user: 'Boris' });
    revokeToken(data, { project: team.key, userId: boris.userId });
    await expectRefused(server.url, boris.token, team.key);
  });

  it('a token of another project is refused for this project’s document', async () => {
    const { data, team, other, server } = await teamWithSecrets();
    const outsider = issueToken(data, { project: other.key, user: 'Outsider' });
    await expectRefused(server.url, outsider.token, team.key);
  });

  it('a malformed, an unknown-user and an over-long token are refused', async () => {
    const { team, anna, server } = await teamWithSecrets();
    await expectRefused(server.url, 'not-a-token', team.key);
    const secret = anna.token.split('.').pop()!;
    await expectRefused(server.url, `crt1.${team.key}.nobody-aaaaaaaa.${secret}`, team.key);
    await expectRefused(server.url, `${anna.token}${'x'.repeat(600)}`, team.key);
  });

  it('a revoked token’s open connection is closed and gets nothing more', async () => {
    const { data, team, server } = await teamWithSecrets();
    const boris = issueToken(data, { project: team.key, user: 'Boris' });
    const anna2 = client(server.url, issueToken(data, { project: team.key, user: 'Anna 2' }).token);
    const b = client(server.url, boris.token);
    await waitFor('both synced', () => b.synced() && anna2.synced());
    expect(b.records.get('claim-1')).toEqual({ exact: 'secret claim' });
    revokeToken(data, { project: team.key, userId: boris.userId });
    await waitFor('the revoked member is refused', () => b.authFailures.length > 0);
    anna2.records.set('claim-2', { exact: 'after the revocation' });
    b.records.set('claim-3', { exact: 'written after the revocation' });
    await waitFor('the member who stays is in sync', () => anna2.provider.unsyncedChanges === 0);
    await new Promise((r) => setTimeout(r, 500));
    expect(b.records.has('claim-2')).toBe(false);
    expect(anna2.records.has('claim-3')).toBe(false);
  });
});

describe('team server: listening', () => {
  it('port 0 means a free port each time, never Hocuspocus’ default 80', async () => {
    const one = await serve(tempDataDir());
    const two = await serve(tempDataDir());
    expect(one.port).not.toBe(80);
    expect(two.port).not.toBe(80);
    expect(one.port).not.toBe(two.port);
  });
});

describe('team server: durable documents', () => {
  it('a document survives stopping and starting the server on the same DATA', async () => {
    const data = tempDataDir();
    const team = createTeam(data, 'desk');
    const anna = issueToken(data, { project: team.key, user: 'Anna' });
    const first = await startTeamServer({ dataDir: data, port: 0, quiet: true });
    const a = connect(first.url, anna.token);
    await waitFor('synced', () => a.synced());
    for (let i = 0; i < 50; i++) a.records.set(`claim-${i}`, { n: i });
    await waitFor('sent', () => a.provider.unsyncedChanges === 0);
    a.close();
    await first.stop();

    const second = await serve(data);
    const fresh = client(second.url, anna.token);
    await waitFor('synced after restart', () => fresh.synced());
    await waitFor('all records back', () => fresh.records.size === 50);
    expect(fresh.records.get('claim-49')).toEqual({ n: 49 });
  });

  it('stopping with members still connected stores their last changes before it returns', async () => {
    const data = tempDataDir();
    const team = createTeam(data, 'desk');
    const anna = issueToken(data, { project: team.key, user: 'Anna' });
    const first = await startTeamServer({ dataDir: data, port: 0, quiet: true });
    const a = connect(first.url, anna.token);
    await waitFor('synced', () => a.synced());
    a.records.set('last-claim', { exact: 'just before the stop' });
    await waitFor('sent', () => a.provider.unsyncedChanges === 0);
    // Within the store debounce: only stop() itself can have stored it.
    await first.stop();
    a.close();

    const second = await serve(data);
    const fresh = client(second.url, anna.token);
    await waitFor('the change is back', () => fresh.synced() && fresh.records.has('last-claim'));
  });
});
