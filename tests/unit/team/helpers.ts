/** Set-up for the live-team tests: analysts on their own projects, one test team server. */
import { afterEach, expect } from 'vitest';
import type { TeamStatus } from '../../../shared/team';
import { startTestTeamServer, type TestTeamServer } from '../../support/team-server';
import { analyst, type Analyst } from '../share/helpers';

export type { Analyst };

const servers: TestTeamServer[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

export async function teamServer(): Promise<TestTeamServer> {
  const s = await startTestTeamServer();
  servers.push(s);
  return s;
}

/** Analysts named `names`, each with a token for the team `project` on `server`. */
export async function team(server: TestTeamServer, project: string, ...names: string[]): Promise<(Analyst & { token: string })[]> {
  const out = [];
  for (const name of names) out.push({ ...(await analyst(name)), token: server.issueToken(project, name.toLowerCase()) });
  return out;
}

export async function connect(server: TestTeamServer, a: Analyst & { token: string }): Promise<TeamStatus> {
  const status = await a.backend.call('team.connect', { url: server.url, token: a.token });
  expect(status.error).toBeNull();
  expect(['synced', 'syncing']).toContain(status.state);
  return status;
}

/**
 * Waits until `check` passes (it throws until then), asking again every few milliseconds. Sync is
 * asynchronous by nature; the wait is for correctness, with a generous limit, and measures nothing.
 */
export async function eventually<T>(check: () => Promise<T> | T, limitMs = 15_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** Waits until the analyst's side has nothing left to send and nothing left to apply. */
export async function settled(a: Analyst): Promise<TeamStatus> {
  return eventually(async () => {
    const s = await a.backend.call('team.status', {});
    expect(s.state).toBe('synced');
    expect(s.pending).toBe(0);
    return s;
  });
}
