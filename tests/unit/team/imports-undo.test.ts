/**
 * A synced project changes by any path, not only by the UI: a colleague's annotation file imported
 * into it reaches the team. Undo stays each user's own: colleagues' changes are not undo steps and
 * do not wipe the user's, and undoing a step of one's own reaches the team as a new change.
 */
import { describe, expect, it } from 'vitest';
import { claimOn, importCorpus } from '../core/helpers';
import { analyst, exportFrom, importInto } from '../share/helpers';
import { connect, eventually, settled, team, teamServer } from './helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const C1 = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.';

describe('live team sync: imports and undo', () => {
  it('an annotation file imported into a synced project reaches the other side', async () => {
    const server = await teamServer();
    const [A, B] = await team(server, 'kzteam', 'Aliya', 'Boris');
    await importCorpus(A!.backend);
    await connect(server, A!);
    await settled(A!);
    await connect(server, B!);
    await eventually(async () => expect(await B!.backend.call('documents.list', {})).toHaveLength(3));

    // A colleague outside the team hands A a file.
    const outsider = await analyst('Dana');
    const docsD = await importCorpus(outsider.backend);
    const fromFile = await claimOn(outsider.backend, docsD.caravan.id, C1);
    const applied = await importInto(A!, 'dana.crossread.json', await exportFrom(outsider));
    expect(applied.claims.new).toBe(1);

    await eventually(async () => {
      const claim = (await B!.backend.call('annotations.list', {})).find((c) => c.id === fromFile.id);
      expect(claim?.author).toBe('Dana');
    });
  });

  it('a colleague’s change is no undo step and keeps the user’s own steps; undoing one’s own step syncs as a new change', async () => {
    const server = await teamServer();
    const [A, B] = await team(server, 'kzteam', 'Aliya', 'Boris');
    const docs = await importCorpus(A!.backend);
    await connect(server, A!);
    await connect(server, B!);
    const economic = (await A!.backend.call('tags.list', {})).find((t) => t.name === 'economic')!;
    const k1 = await claimOn(A!.backend, docs.kazpravda.id, K1);
    await A!.backend.call('annotations.update', { id: k1.id, tagIds: [economic.id] });
    const stepBefore = (await A!.backend.call('history.state', {})).undo;
    expect(stepBefore?.label.kind).toBe('claim.retag');

    // B's claim arrives at A: A's newest step is still its own retag, and B's undo has nothing from A.
    await eventually(async () => expect(await B!.backend.call('documents.list', {})).toHaveLength(3));
    const caravanB = (await B!.backend.call('documents.list', {})).find((d) => d.hash === docs.caravan.hash)!;
    const c1 = await claimOn(B!.backend, caravanB.id, C1);
    await eventually(async () => expect((await A!.backend.call('annotations.list', {})).map((c) => c.id)).toContain(c1.id));
    expect((await A!.backend.call('history.state', {})).undo).toEqual(stepBefore);
    await eventually(async () => expect((await B!.backend.call('annotations.list', {})).find((c) => c.id === k1.id)?.tagIds).toHaveLength(1));
    const historyB = await B!.backend.call('history.state', {});
    expect(historyB.undo?.label.kind).toBe('claim.create');
    expect(historyB.undo?.label.params).toMatchObject({ quote: expect.stringContaining('стороны подписали') });

    // A undoes its retag: B sees the claim untagged again.
    await A!.backend.call('history.undo', {});
    await eventually(async () => expect((await B!.backend.call('annotations.list', {})).find((c) => c.id === k1.id)?.tagIds).toEqual([]));
    await settled(A!);
  });
});
