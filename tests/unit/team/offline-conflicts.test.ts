/**
 * Working apart: a side that goes offline keeps working and catches up; the server going away and
 * coming back loses nothing; a record deleted on one side while edited on the other ends as a
 * recorded conflict; a token the server does not know reads nothing.
 */
import { describe, expect, it } from 'vitest';
import { claimOn, expectAppError, importCorpus } from '../core/helpers';
import { connect, converged, eventually, settled, team, teamServer } from './helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const C1 = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.';
const Z1 = 'Казахстан демонстрирует осторожный, но принципиальный курс на Ближнем Востоке, поддерживая арабских партнеров и сохраняя баланс с Западом.';

async function twoInSync() {
  const server = await teamServer();
  const [A, B] = await team(server, 'kzteam', 'Aliya', 'Boris');
  const docs = await importCorpus(A!.backend);
  await connect(server, A!);
  const k1 = await claimOn(A!.backend, docs.kazpravda.id, K1);
  await settled(A!);
  await connect(server, B!);
  await eventually(async () => expect((await B!.backend.call('annotations.list', {})).map((c) => c.id)).toEqual([k1.id]));
  await settled(B!);
  return { server, A: A!, B: B!, docs, k1 };
}

describe('live team sync: offline and conflicts', () => {
  it('a side that goes offline keeps working, counts its pending changes, and both converge when it is back', async () => {
    const { A, B, docs } = await twoInSync();
    const off = await B.backend.call('team.disconnect', {});
    expect(off.state).toBe('off');

    const economicB = (await B.backend.call('tags.list', {})).find((t) => t.name === 'economic')!;
    const caravanB = (await B.backend.call('documents.list', {})).find((d) => d.hash === docs.caravan.hash)!;
    const c1 = await claimOn(B.backend, caravanB.id, C1, [economicB.id]);
    const z1 = await claimOn(A.backend, docs.zakon.id, Z1);
    expect((await B.backend.call('team.status', {})).pending).toBeGreaterThan(0);
    // Neither sees the other's work while apart.
    expect((await A.backend.call('annotations.list', {})).map((c) => c.id)).not.toContain(c1.id);
    expect((await B.backend.call('annotations.list', {})).map((c) => c.id)).not.toContain(z1.id);

    // Reconnecting needs neither the address nor the token again: they were kept.
    const back = await B.backend.call('team.connect', {});
    expect(back.error).toBeNull();
    await converged(A, B);
    expect((await A.backend.call('annotations.list', {})).map((c) => c.id)).toContain(c1.id);
    expect((await settled(B)).pending).toBe(0);
  });

  it('the server going away and coming back loses nothing: both sides show offline since then, keep working and converge', async () => {
    const { server, A, B, docs } = await twoInSync();
    await server.stop();
    const offline = await eventually(async () => {
      const s = await A.backend.call('team.status', {});
      expect(s.state).toBe('offline');
      return s;
    });
    expect(offline.offlineSince).not.toBeNull();
    const z1 = await claimOn(A.backend, docs.zakon.id, Z1);
    const caravanB = (await B.backend.call('documents.list', {})).find((d) => d.hash === docs.caravan.hash)!;
    const c1 = await claimOn(B.backend, caravanB.id, C1);
    expect((await A.backend.call('team.status', {})).pending).toBe(1);

    await server.start();
    const records = (await converged(A, B)) as { items: { id: string }[] };
    expect(records.items.map((i) => i.id)).toEqual(expect.arrayContaining([`urn:uuid:${z1.id}`, `urn:uuid:${c1.id}`]));
    expect((await settled(A)).offlineSince).toBeNull();
  });

  it('a claim deleted on one side while it was retagged on the other ends as a recorded conflict, the later version winning everywhere', async () => {
    const { A, B, k1 } = await twoInSync();
    await B.backend.call('team.disconnect', {});
    await A.backend.call('annotations.delete', { id: k1.id });
    await settled(A);
    // B retags the claim later, while apart.
    const security = (await B.backend.call('tags.list', {})).find((t) => t.name === 'security')!;
    await B.backend.call('annotations.update', { id: k1.id, tagIds: [security.id] });

    await B.backend.call('team.connect', {});
    const conflicts = await eventually(async () => {
      const list = await B.backend.call('share.conflicts', {});
      expect(list.map((c) => [c.itemKind, c.itemId, c.losingSide])).toEqual([['annotation', k1.id, 'theirs']]);
      return list;
    });
    expect(conflicts[0]!.sourceFile).toMatch(/^team 127\.0\.0\.1:/);
    // The retag was later: it wins on both sides, and A gets its claim back.
    await eventually(async () => {
      const claim = (await A.backend.call('annotations.list', {})).find((c) => c.id === k1.id);
      expect(claim?.tagIds).toEqual([(await A.backend.call('tags.list', {})).find((t) => t.name === 'security')!.id]);
    });
    await converged(A, B);
  });

  it('a token the server does not know is refused and nothing is read; a malformed one is refused before connecting', async () => {
    const { server, B } = await twoInSync();
    const [M] = await team(server, 'other', 'Mallory');
    const forged = B.token.replace(/\.[^.]+$/, '.forgedforgedforged');
    const refused = await M!.backend.call('team.connect', { url: server.url, token: forged });
    expect(refused.state).toBe('refused');
    expect(refused.error).toMatch(/refused this token/);
    expect(await M!.backend.call('documents.list', {})).toEqual([]);
    expect(await M!.backend.call('annotations.list', {})).toEqual([]);
    // Not remembered: there is nothing to reconnect with.
    expect((await expectAppError(M!.backend.call('team.connect', {}), 'bad-input')).message).toMatch(/not been shared live/);
    expect((await expectAppError(M!.backend.call('team.connect', { url: server.url, token: 'crt1.kzteam' }), 'bad-input')).message).toMatch(/not a Crossread team token/);
    expect((await expectAppError(M!.backend.call('team.connect', { url: 'https://example.org', token: B.token }), 'bad-input')).message).toMatch(/ws:\/\/ or wss:\/\//);
  });
});
