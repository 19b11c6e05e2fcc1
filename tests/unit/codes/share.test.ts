/**
 * The code system in the share file: the hierarchy and codebook entries travel; a tag merged on one
 * side is a tombstone pointing at its survivor, so the colleague's claims follow it; a file whose
 * tags make a tag its own ancestor is refused and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { tagTree } from '../../../shared/tag-tree';
import { claimOn, expectAppError, importCorpus } from '../core/helpers';
import { allRows, analyst, exportFrom, importInto } from '../share/helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const K2 = 'Казахстан как транспортный хаб срединной части Евразии является очень важным партнером для региональных и внерегиональных игроков.';

const tree = (tags: Parameters<typeof tagTree>[0]) => tagTree(tags).map((r) => `${'  '.repeat(r.depth)}${r.tag.name}`);

async function pair() {
  const A = await analyst('Aliya');
  const B = await analyst('Boris');
  const docsA = await importCorpus(A.backend);
  const docsB = await importCorpus(B.backend);
  const [economic, security] = await A.backend.call('tags.list', {});
  const sanctions = await A.backend.call('tags.create', { name: 'sanctions' });
  await A.backend.call('tags.move', { id: sanctions.id, parentId: economic!.id });
  await A.backend.call('tags.describe', { id: sanctions.id, definition: 'Ограничительные меры', example: '«санкции против Ирана»' });
  return { A, B, docsA, docsB, economic: economic!, security: security!, sanctions };
}

describe('the code system in the share file', () => {
  it('the hierarchy and the codebook entries travel to a colleague', async () => {
    const { A, B, docsA, sanctions } = await pair();
    await claimOn(A.backend, docsA.kazpravda.id, K1, [sanctions.id]);
    await importInto(B, 'aliya.json', await exportFrom(A));
    const tagsB = await B.backend.call('tags.list', {});
    expect(tree(tagsB)).toEqual(['economic', '  sanctions', 'security', 'interfaith']);
    expect(tagsB.find((t) => t.name === 'sanctions')).toMatchObject({ definition: 'Ограничительные меры', example: '«санкции против Ирана»', claims: 1 });

    // A later change of the tree on A's side follows on the next exchange.
    await A.backend.call('tags.move', { id: sanctions.id, parentId: null });
    await importInto(B, 'aliya.json', await exportFrom(A));
    expect(tree(await B.backend.call('tags.list', {}))).toEqual(['economic', 'security', 'interfaith', 'sanctions']);
  });

  it('a tag merged on one side takes the colleague’s claims coded with it to its survivor', async () => {
    const { A, B, docsA, docsB, economic, sanctions } = await pair();
    // B has the tags from A and codes a claim of their own with "sanctions", which A has not seen.
    await importInto(B, 'aliya.json', await exportFrom(A));
    const mine = await claimOn(B.backend, docsB.kazpravda.id, K2, [sanctions.id]);
    const olderFileOfB = await exportFrom(B);

    // A merges sanctions into economic and sends the file.
    await claimOn(A.backend, docsA.kazpravda.id, K1, [sanctions.id]);
    await A.backend.call('tags.merge', { sourceId: sanctions.id, targetId: economic.id });
    await importInto(B, 'aliya.json', await exportFrom(A));

    const tagsB = await B.backend.call('tags.list', {});
    expect(tree(tagsB)).toEqual(['economic', 'security', 'interfaith']);
    // Default tags are matched by name: B's own "economic".
    const economicB = tagsB.find((t) => t.name === economic.name)!;
    const claimsB = await B.backend.call('annotations.list', {});
    expect(claimsB.find((c) => c.id === mine.id)!.tagIds).toEqual([economicB.id]);
    expect(claimsB.every((c) => c.tagIds.every((id) => tagsB.some((t) => t.id === id)))).toBe(true);

    // B's older file, whose claim still names "sanctions", reaches A: the claim follows the tombstone, and the tag does not come back.
    await importInto(A, 'boris.json', olderFileOfB);
    expect(tree(await A.backend.call('tags.list', {}))).toEqual(['economic', 'security', 'interfaith']);
    expect((await A.backend.call('annotations.list', {})).find((c) => c.id === mine.id)!.tagIds).toEqual([economic.id]);
  });

  it('a codebook entry and a parent changed on both sides are a conflict: newer wins, and Keep mine / Take theirs swaps the whole version', async () => {
    const { A, B, economic, security, sanctions } = await pair();
    await importInto(B, 'aliya.json', await exportFrom(A));
    await B.backend.call('tags.describe', { id: sanctions.id, definition: 'Boris’s definition' });
    // A changes the same tag later: A's version is the newer one.
    await A.backend.call('tags.describe', { id: sanctions.id, definition: 'Aliya’s definition' });
    const securityB = (await B.backend.call('tags.list', {})).find((t) => t.name === security.name)!;
    await A.backend.call('tags.move', { id: sanctions.id, parentId: security.id });
    await importInto(B, 'aliya.json', await exportFrom(A));

    const taken = (await B.backend.call('tags.list', {})).find((t) => t.id === sanctions.id)!;
    expect(taken).toMatchObject({ definition: 'Aliya’s definition', parentId: securityB.id });
    const [conflict] = (await B.backend.call('share.conflicts', {})).filter((c) => c.itemKind === 'tag');
    expect(conflict).toBeDefined();
    await B.backend.call('share.resolveConflict', { id: conflict!.id, choice: 'swap' });
    const mine = (await B.backend.call('tags.list', {})).find((t) => t.id === sanctions.id)!;
    const economicB = (await B.backend.call('tags.list', {})).find((t) => t.name === economic.name)!;
    expect(mine).toMatchObject({ definition: 'Boris’s definition', parentId: economicB.id });
  });

  it('a colleague’s file whose tags make a tag its own ancestor is refused with a clear error and changes nothing', async () => {
    const { A, B, economic, sanctions } = await pair();
    const file = JSON.parse(await exportFrom(A)) as { 'cr:project': { tags: { id: string; parent?: string | null; name: string }[] } };
    const tags = file['cr:project'].tags;
    tags.find((t) => t.id === economic.id)!.parent = sanctions.id;
    const before = allRows(B.projectPath);
    const err = await expectAppError(importInto(B, 'loop.json', JSON.stringify(file)), 'bad-input');
    expect(err.message).toMatch(/^loop\.json is not a usable annotation file: cr:project\.tags\[\d+\]\.parent: a tag cannot be its own ancestor$/);
    expect(allRows(B.projectPath)).toEqual(before);
  });
});
