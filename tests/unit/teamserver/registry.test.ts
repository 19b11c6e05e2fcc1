/** Tokens and the team registry on their own: shapes, hashing, refusals. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createTeam, issueToken, listTeams, MAX_TOKEN_CHARS, parseToken, revokeToken, TeamServerError } from '../../../electron/teamserver/index';
import { Registry } from '../../../electron/teamserver/registry';
import { tempDataDir } from './helpers';

describe('team tokens', () => {
  it('parses a user id holding dots, since the secret never does', () => {
    const secret = 'A'.repeat(43);
    expect(parseToken(`crt1.desk-abc.anna.k.petrova_2.${secret}`)).toEqual({ projectKey: 'desk-abc', userId: 'anna.k.petrova_2', secret });
  });

  it('refuses a token over 512 characters even when the rest is well formed', () => {
    const padded = `crt1.desk-abc.${'a'.repeat(63)}.${'A'.repeat(43)}`;
    expect(parseToken(padded)).not.toBeNull();
    const tooLong = `${padded}${' '.repeat(MAX_TOKEN_CHARS + 1 - padded.length)}`;
    expect(tooLong.length).toBe(MAX_TOKEN_CHARS + 1);
    expect(parseToken(tooLong)).toBeNull();
  });

  it('refuses other versions, shapes and types', () => {
    const secret = 'A'.repeat(43);
    for (const bad of [`crt2.desk-abc.anna.${secret}`, `crt1.Desk-abc.anna.${secret}`, `crt1.de.anna.${secret}`, `crt1.desk-abc..${secret}`, `crt1.desk-abc.anna.${secret}=`, `crt1.desk-abc.anna.${secret.slice(1)}`, 42, null]) {
      expect(parseToken(bad)).toBeNull();
    }
  });

  it('keeps only a hash: the registry file never holds the secret', () => {
    const data = tempDataDir();
    const team = createTeam(data, 'desk');
    const { token } = issueToken(data, { project: team.key, user: 'Anna' });
    const secret = parseToken(token)!.secret;
    const db = new Database(path.join(data, 'teams.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM tokens').all() as Record<string, unknown>[];
      expect(JSON.stringify(rows)).not.toContain(secret);
      expect((rows[0]!.secret_hash as Buffer).length).toBe(32);
    } finally {
      db.close();
    }
  });
});

describe('team registry', () => {
  it('refuses a registry written by a newer schema, changing nothing', () => {
    const data = tempDataDir();
    createTeam(data, 'desk');
    const db = new Database(path.join(data, 'teams.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    expect(() => Registry.open(data)).toThrow(/newer Crossread \(schema 99/);
    const after = new Database(path.join(data, 'teams.sqlite'), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    after.close();
  });

  it('refuses empty, over-long and control-character names, and unknown teams and users', () => {
    const data = tempDataDir();
    expect(() => createTeam(data, '   ')).toThrow(TeamServerError);
    expect(() => createTeam(data, 'x'.repeat(201))).toThrow(/longer than 200/);
    const team = createTeam(data, 'desk');
    expect(() => issueToken(data, { project: team.key, user: 'An\u0007na' })).toThrow(/control characters/);
    expect(() => issueToken(data, { project: 'no-such-team', user: 'Anna' })).toThrow(/no team with the project key/);
    expect(() => revokeToken(data, { project: team.key, userId: 'nobody' })).toThrow(/no user nobody/);
    expect(listTeams(data)[0]!.users).toEqual([]);
  });

  it('gives every team and every token its own key, even for the same names', () => {
    const data = tempDataDir();
    const a = createTeam(data, 'desk');
    const b = createTeam(data, 'desk');
    expect(a.key).not.toBe(b.key);
    const one = issueToken(data, { project: a.key, user: 'Anna' });
    const two = issueToken(data, { project: a.key, user: 'Anna' });
    expect(one.userId).not.toBe(two.userId);
    revokeToken(data, { project: a.key, userId: one.userId });
    const users = listTeams(data).find((t) => t.key === a.key)!.users;
    expect(users.find((u) => u.userId === one.userId)!.revoked).not.toBeNull();
    expect(users.find((u) => u.userId === two.userId)!.revoked).toBeNull();
  });
});
