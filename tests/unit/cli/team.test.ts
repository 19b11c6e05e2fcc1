/** `crossread team status`: a synced project's binding and pending changes, read without connecting. */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimOn, importCorpus } from '../core/helpers';
import { connect, settled, team, teamServer } from '../team/helpers';
import { ensureBuilt, runCli } from './helpers';

beforeAll(ensureBuilt, 120_000);

describe('crossread team status', () => {
  it('names the server, team project and user, counts the changes made while disconnected, and the token is not in the project file', async () => {
    const server = await teamServer();
    const [A] = await team(server, 'kzteam', 'Aliya');
    const docs = await importCorpus(A!.backend);
    await connect(server, A!);
    await settled(A!);
    await A!.backend.call('team.disconnect', {});
    await claimOn(A!.backend, docs.kazpravda.id, 'Важным итогом визита');
    A!.backend.close();

    const text = await runCli(['team', 'status', '--project', A!.projectPath], A!.home);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain(`Server:   ${server.url}`);
    expect(text.stdout).toMatch(/^Project: {2}kzteam-[a-z0-9]+$/m);
    expect(text.stdout).toMatch(/^User: {5}aliya-[a-z0-9]+$/m);
    expect(text.stdout).toContain('Pending:  1 change not yet sent');
    const json = JSON.parse((await runCli(['team', 'status', '--project', A!.projectPath, '--json'], A!.home)).stdout) as Record<string, unknown>;
    expect(json).toEqual({
      shared: true, server: server.url, project: expect.stringMatching(/^kzteam-[a-z0-9]+$/) as unknown,
      user: expect.stringMatching(/^aliya-[a-z0-9]+$/) as unknown, reconnects: false, pending: 1,
    });

    const secret = A!.token.split('.').pop()!;
    expect(fs.readFileSync(A!.projectPath).includes(Buffer.from(secret))).toBe(false);
  });

  it('says so when the project is not shared live', async () => {
    const server = await teamServer();
    const [A] = await team(server, 'kzteam', 'Aliya');
    A!.backend.close();
    const out = await runCli(['team', 'status', '--project', A!.projectPath], A!.home);
    expect(out.stdout).toMatch(/^Not shared live/);
  });
});
