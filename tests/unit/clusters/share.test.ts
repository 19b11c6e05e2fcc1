/** Cluster titles in the annotation file: they travel with the claims, merge like notes, and a bad title refuses the file. */
import { describe, expect, it } from 'vitest';
import { expectAppError, importCorpus } from '../core/helpers';
import { allRows, analyst, exportFrom, importInto, type Analyst } from '../share/helpers';
import { dealsCluster } from './helpers';

const titleOf = async (a: Analyst) => (await a.backend.call('clusters.list', {}))[0]?.title ?? null;

async function twoAnalysts() {
  const A = await analyst('Aigerim');
  const { k } = await dealsCluster(A);
  await A.backend.call('clusters.rename', { key: k.id, title: 'Сделки на 17 млрд' });
  const B = await analyst('Bolat');
  await importCorpus(B.backend);
  await importInto(B, 'aigerim.json', await exportFrom(A));
  return { A, B, key: k.id };
}

describe('cluster titles in the annotation file', () => {
  it('a colleague receives the cluster with its title, and a title cleared back to the default travels too', async () => {
    const { A, B, key } = await twoAnalysts();
    expect(await titleOf(B)).toBe('Сделки на 17 млрд');
    expect((await B.backend.call('clusters.list', {}))[0]).toMatchObject({ key, titleAuthor: 'Aigerim' });

    await A.backend.call('clusters.rename', { key, title: '' });
    await importInto(B, 'aigerim-2.json', await exportFrom(A));
    expect(await titleOf(B)).toBeNull();
    expect(await B.backend.call('share.conflicts', {})).toEqual([]);
  });

  it('a cluster renamed differently on both sides keeps the newer title and lists the other as a conflict: Keep mine or Take theirs', async () => {
    const { A, B, key } = await twoAnalysts();
    await exportFrom(B);
    await A.backend.call('clusters.rename', { key, title: 'Обещания визита' });
    await new Promise((r) => setTimeout(r, 5));
    await B.backend.call('clusters.rename', { key, title: 'Инвестиции США' });
    const bolat = await exportFrom(B);

    const preview = await importInto(A, 'bolat.json', bolat, true);
    expect(preview.recorded).toMatchObject({ cluster_title: 1 });
    await importInto(A, 'bolat.json', bolat);
    expect(await titleOf(A)).toBe('Инвестиции США');
    const [conflict] = await A.backend.call('share.conflicts', {});
    expect(conflict).toMatchObject({ itemKind: 'cluster_title', itemId: key, losingSide: 'mine', canSwap: true });
    expect(conflict!.current).toContain('Инвестиции США');
    expect(conflict!.losing).toContain('Обещания визита');
    await A.backend.call('share.resolveConflict', { id: conflict!.id, choice: 'swap' });
    expect(await titleOf(A)).toBe('Обещания визита');
    expect(await A.backend.call('share.conflicts', {})).toEqual([]);
  });

  it('a file whose cluster title is empty or too long is refused, naming the place and echoing none of it, and nothing changes', async () => {
    const { A, B } = await twoAnalysts();
    const good = JSON.parse(await exportFrom(A)) as { 'cr:project': { clusterTitles: { title: string }[] } };
    const before = allRows(B.projectPath);

    const long = structuredClone(good);
    long['cr:project'].clusterTitles[0]!.title = `<script>${'я'.repeat(400)}`;
    const refused = await expectAppError(importInto(B, 'evil.json', JSON.stringify(long)), 'bad-input');
    expect(refused.message).toBe('evil.json is not a usable annotation file: cr:project.clusterTitles[0].title: a title is at most 300 characters');
    expect(refused.message).not.toContain('script');

    const empty = structuredClone(good);
    empty['cr:project'].clusterTitles[0]!.title = '   ';
    expect((await expectAppError(importInto(B, 'evil.json', JSON.stringify(empty)), 'bad-input')).message).toContain('cr:project.clusterTitles[0].title: a title cannot be empty');
    expect(allRows(B.projectPath)).toEqual(before);
  });
});
