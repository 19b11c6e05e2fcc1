/**
 * Claim clusters through the backend: the same-claim components with the analyst's titles, their
 * sources and the claims around them; renaming is one undo step; search finds titles.
 */
import { describe, expect, it } from 'vitest';
import { expectAppError, readRows } from '../core/helpers';
import { dealsCluster } from './helpers';

describe('claim clusters', () => {
  it('claims linked as the same claim form one cluster titled by the earliest quote, with its sources and the claims around it', async () => {
    const { backend, k, c1, c2, rare, abraham, kazpravda, caravan, zakon, supports, contradicts } = await dealsCluster();
    const clusters = await backend.call('clusters.list', {});
    expect(clusters).toHaveLength(1);
    const [deals] = clusters;
    expect(deals).toMatchObject({ key: k.id, title: null, defaultTitle: k.exact, memberIds: [k.id, c1.id, c2.id], documentIds: [kazpravda.id, caravan.id] });
    // "supports" does not join the cluster: the rare earths claim stays outside, as a neighbour.
    expect(deals!.neighbours).toEqual([
      { linkId: supports.id, claimId: rare.id, documentId: kazpravda.id, memberId: c1.id, kind: 'supports', toMember: true },
      { linkId: contradicts.id, claimId: abraham.id, documentId: zakon.id, memberId: k.id, kind: 'contradicts', toMember: false },
    ]);
  });

  it('renaming a cluster is one undo step: undo brings the default title back and redo the analyst’s', async () => {
    const { backend, projectPath: file, k } = await dealsCluster();
    await backend.call('settings.update', { author: 'Аналитик' });
    const renamed = await backend.call('clusters.rename', { key: k.id, title: '  Сделки на 17 млрд  ' });
    expect(renamed).toMatchObject({ key: k.id, title: 'Сделки на 17 млрд', titleAuthor: 'Аналитик' });
    expect(readRows(file, 'SELECT id, title, deleted_at FROM cluster_titles')).toEqual([{ id: k.id, title: 'Сделки на 17 млрд', deleted_at: null }]);
    const state = await backend.call('history.state', {});
    expect(state.undo?.label).toEqual({ kind: 'cluster.rename', params: { from: k.exact, name: 'Сделки на 17 млрд' } });
    expect(state.undoLabel).toBe(`Rename cluster “${k.exact}” to “Сделки на 17 млрд”`);

    await backend.call('history.undo', {});
    expect((await backend.call('clusters.list', {}))[0]!.title).toBeNull();
    await backend.call('history.redo', {});
    expect((await backend.call('clusters.list', {}))[0]!.title).toBe('Сделки на 17 млрд');

    // An empty title puts the default back, as its own undo step.
    await backend.call('clusters.rename', { key: k.id, title: '' });
    expect((await backend.call('clusters.list', {}))[0]!.title).toBeNull();
    await backend.call('history.undo', {});
    expect((await backend.call('clusters.list', {}))[0]!.title).toBe('Сделки на 17 млрд');
  });

  it('a rename of a claim that is no cluster’s key, or a title over 300 characters, is refused and nothing changes', async () => {
    const { backend, projectPath: file, c1, rare, k } = await dealsCluster();
    await expectAppError(backend.call('clusters.rename', { key: c1.id, title: 'Не ключ' }), 'not-found');
    await expectAppError(backend.call('clusters.rename', { key: rare.id, title: 'Не кластер' }), 'not-found');
    await expectAppError(backend.call('clusters.rename', { key: k.id, title: 'я'.repeat(301) }), 'bad-input');
    expect(readRows(file, 'SELECT * FROM cluster_titles')).toEqual([]);
    expect((await backend.call('history.state', {})).undo?.label.kind).toBe('link.create');
  });

  it('a title survives while its cluster grows, and comes back when the cluster it was joined to splits again', async () => {
    const { backend, k, c1, c2 } = await dealsCluster();
    await backend.call('clusters.rename', { key: k.id, title: 'Сделки' });
    const link = (await backend.call('links.list', {})).find((l) => l.fromId === k.id && l.toId === c1.id)!;
    await backend.call('links.delete', { id: link.id });
    // Kazpravda's claim is alone now: the Caravan pair is a cluster keyed by its own earliest claim, untitled.
    const split = await backend.call('clusters.list', {});
    expect(split.map((c) => [c.key, c.title])).toEqual([[c1.id, null]]);
    expect(split[0]!.memberIds).toEqual([c1.id, c2.id]);
    await backend.call('history.undo', {});
    expect((await backend.call('clusters.list', {})).map((c) => [c.key, c.title])).toEqual([[k.id, 'Сделки']]);
  });

  it('search finds a cluster by its title in any word form, and by its default title', async () => {
    const { backend, k } = await dealsCluster();
    expect((await backend.call('clusters.search', { q: 'сделка' })).map((h) => h.key)).toEqual([k.id]);
    await backend.call('clusters.rename', { key: k.id, title: 'Инвестиционные обещания визита' });
    expect(await backend.call('clusters.search', { q: 'сделка' })).toEqual([]);
    const hits = await backend.call('clusters.search', { q: 'обещание' });
    expect(hits).toEqual([{ key: k.id, title: 'Инвестиционные обещания визита', memberIds: expect.any(Array) }]);
  });
});
