/**
 * Two analysts on their own project files, one team server: what one makes appears on the other,
 * both ways, through the share file's merge.
 */
import { describe, expect, it } from 'vitest';
import { claimOn, importCorpus } from '../core/helpers';
import { connect, eventually, settled, team, teamServer } from './helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const C1 = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.';

describe('live team sync: claims and tags', () => {
  it('a claim with a tag made on one side appears, tagged, on the other, and back', async () => {
    const server = await teamServer();
    const [A, B] = await team(server, 'kzteam', 'Aliya', 'Boris');
    const docsA = await importCorpus(A!.backend);
    await connect(server, A!);
    const economic = (await A!.backend.call('tags.list', {})).find((t) => t.name === 'economic')!;
    const k1 = await claimOn(A!.backend, docsA.kazpravda.id, K1, [economic.id]);
    await settled(A!);

    // B joins with an empty project: the documents, the tag and the claim arrive.
    const joined = await connect(server, B!);
    expect(joined.project).toMatch(/^kzteam-[a-z0-9]+$/);
    expect(joined.user).toMatch(/^boris-[a-z0-9]+$/);
    const claimB = await eventually(async () => {
      const claims = await B!.backend.call('annotations.list', {});
      expect(claims.map((c) => c.id)).toEqual([k1.id]);
      return claims[0]!;
    });
    expect(claimB.author).toBe('Aliya');
    const tagsB = await B!.backend.call('tags.list', {});
    expect(tagsB.find((t) => t.id === claimB.tagIds[0])?.name).toBe('economic');
    expect((await B!.backend.call('documents.list', {})).map((d) => d.hash).sort()).toEqual(
      (await A!.backend.call('documents.list', {})).map((d) => d.hash).sort(),
    );

    // B makes a new tag and a claim with it; A gets both.
    const newTag = await B!.backend.call('tags.create', { name: 'rare earths' });
    const caravanB = (await B!.backend.call('documents.list', {})).find((d) => d.hash === docsA.caravan.hash)!;
    const c1 = await claimOn(B!.backend, caravanB.id, C1, [newTag.id]);
    await eventually(async () => {
      const claim = (await A!.backend.call('annotations.list', {})).find((c) => c.id === c1.id);
      expect(claim?.tagIds).toEqual([newTag.id]);
      expect(claim?.documentId).toBe(docsA.caravan.id);
    });
    expect((await A!.backend.call('tags.list', {})).find((t) => t.id === newTag.id)?.name).toBe('rare earths');
    await settled(A!);
    await settled(B!);
  });

  it('who is online, with a colleague’s selection in this project’s own document ids', async () => {
    const server = await teamServer();
    const [A, B] = await team(server, 'kzteam', 'Aliya', 'Boris');
    const docsA = await importCorpus(A!.backend);
    const docsB = await importCorpus(B!.backend);
    expect(docsB.caravan.id).not.toBe(docsA.caravan.id);
    await connect(server, A!);
    await connect(server, B!);
    await B!.backend.call('team.presence', { selection: { documentId: docsB.caravan.id, start: 10, end: 42 } });
    const peer = await eventually(async () => {
      const peers = (await A!.backend.call('team.status', {})).peers;
      expect(peers.map((p) => p.name)).toEqual(['Boris']);
      expect(peers[0]!.selection).not.toBeNull();
      return peers[0]!;
    });
    expect(peer.selection).toEqual({ documentId: docsA.caravan.id, start: 10, end: 42 });
    expect(peer.color).toMatch(/^#[0-9a-f]{6}$/i);
    await B!.backend.call('team.disconnect', {});
    await eventually(async () => expect((await A!.backend.call('team.status', {})).peers).toEqual([]));
  });
});
