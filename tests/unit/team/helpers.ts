/** Set-up for the live-team tests: analysts on their own projects, one test team server. */
import { afterEach, expect } from 'vitest';
import type { TeamStatus } from '../../../shared/team';
import { startTestTeamServer, type TestTeamServer } from '../../support/team-server';
import { analyst, type Analyst } from '../share/helpers';

export type { Analyst };

const servers: TestTeamServer[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
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

/** A Lexical note of one paragraph. */
export function noteJson(text: string): string {
  return JSON.stringify({
    root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0 }] }] },
  });
}

/**
 * The project as its share file says it, record by record, without what names the file itself.
 * Each new project makes its own starter tags, link types and source attributes; a merge matches
 * those by name, so they keep each project's id and creation time: they are compared by name, and
 * their ids are replaced by their names wherever records refer to them. Two projects in sync then
 * give equal results.
 */
export async function sharedRecords(a: Analyst): Promise<unknown> {
  const content = JSON.parse((await a.backend.call('share.export', { embedText: true })).content) as { first: { items: unknown[] }; 'cr:project': Record<string, unknown> };
  const ext = content['cr:project'];
  const named = new Map<string, string>();
  const byName = (list: string) => {
    const rows = (ext[list] as { id: string; name: string; modified?: string }[]).map(({ modified: _m, ...rest }) => {
      named.set(rest.id, `${list}:${rest.name}`);
      return rest;
    });
    return rows.sort((x, y) => (x.name < y.name ? -1 : 1));
  };
  const vocabulary = { tags: byName('tags'), relations: byName('relations'), attributes: byName('attributes') };
  // A tag on a claim names the tag's creation time, which is each project's own for a starter tag.
  let text = JSON.stringify({ items: content.first.items, project: { ...ext, ...vocabulary } }, function (this: Record<string, unknown>, key, value: unknown) {
    return key === 'created' && 'cr:tag' in this ? undefined : value;
  });
  for (const [id, name] of named) text = text.replaceAll(id, name);
  return JSON.parse(text) as unknown;
}

/** Waits until every analyst's project holds the same records. */
export async function converged(...all: Analyst[]): Promise<unknown> {
  return eventually(async () => {
    const [first, ...rest] = await Promise.all(all.map(sharedRecords));
    for (const r of rest) expect(r).toEqual(first);
    return first;
  });
}
