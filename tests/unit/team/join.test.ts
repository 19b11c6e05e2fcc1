/**
 * Joining a team: an empty project takes the team's records and, having changed nothing, sends
 * none of the team's claims or links back (a colleague would otherwise receive the whole project
 * again), while what it changes after joining goes out as usual.
 */
import { describe, expect, it } from 'vitest';
import { connect as watcher, waitFor } from '../teamserver/helpers';
import { claimOn, importCorpus } from '../core/helpers';
import { C1, fullExport } from '../share/w3c-project';
import { connect, eventually, noteJson, settled, team, teamServer } from './helpers';

describe('live team sync: joining', () => {
  it('an empty project joining a team sends none of the team’s claims or links back, and its later edits go out', async () => {
    const server = await teamServer();
    const built = await fullExport();
    const A = { ...built.A, token: server.issueToken('kzteam', 'aliya') };
    const [B] = await team(server, 'kzteam', 'Boris');
    await connect(server, A);
    await settled(A);

    // A bare client on the team's document sees every record anyone sets from now on.
    const watch = watcher(server.url, server.issueToken('kzteam', 'watch'));
    try {
      await waitFor('the watcher has the team’s document', watch.synced);
      const items = [...watch.records.keys()].filter((k) => k.startsWith('item:'));
      expect(items.length).toBeGreaterThanOrEqual(6);
      const set: string[] = [];
      watch.records.observe((event) => {
        for (const key of event.keysChanged) if (key.startsWith('item:')) set.push(key);
      });

      await connect(server, B!);
      await settled(B!);
      const ids = async (x: typeof A) => (await x.backend.call('annotations.list', {})).map((c) => c.id).sort();
      await eventually(async () => expect(await ids(B!)).toEqual(await ids(A)));

      // B's own edit goes out after the join; B's messages reach the watcher in order, so once it
      // is there, anything B sent back while joining is there too.
      await B!.backend.call('notes.save', { owner: { kind: 'annotation', id: built.k1.id }, json: noteJson('Добавлено после входа в команду') });
      await waitFor('B’s note reached the team', () => set.length > 0);
      // Which records, not how often: a side holding the later version of a note sends it again.
      expect([...new Set(set)]).toEqual([items.find((k) => k.endsWith(built.k1.id))]);
    } finally {
      watch.close();
    }
  });

  it('a project with claims of its own joining a team sends those claims and none of the team’s', async () => {
    const server = await teamServer();
    const built = await fullExport();
    const A = { ...built.A, token: server.issueToken('kzteam', 'aliya') };
    const [B] = await team(server, 'kzteam', 'Boris');
    await connect(server, A);
    await settled(A);
    // B works on the same articles before joining: a claim and a link of its own.
    const docsB = await importCorpus(B!.backend);
    const own = await claimOn(B!.backend, docsB.zakon.id, 'Казахстан');
    const other = await claimOn(B!.backend, docsB.caravan.id, C1);
    const supports = (await B!.backend.call('relations.list', {})).find((r) => r.builtin === 'supports')!;
    const link = await B!.backend.call('links.create', { fromId: own.id, toId: other.id, relationId: supports.id });

    const watch = watcher(server.url, server.issueToken('kzteam', 'watch'));
    try {
      await waitFor('the watcher has the team’s document', watch.synced);
      const set = new Set<string>();
      watch.records.observe((event) => {
        for (const key of event.keysChanged) if (key.startsWith('item:')) set.add(key);
      });
      await connect(server, B!);
      await settled(B!);
      await eventually(async () => expect((await A.backend.call('annotations.list', {})).map((c) => c.id)).toEqual(expect.arrayContaining([own.id, other.id])));
      expect([...set].map((k) => k.slice(k.lastIndexOf(':') + 1)).sort()).toEqual([own.id, other.id, link.id].sort());
    } finally {
      watch.close();
    }
  });
});
