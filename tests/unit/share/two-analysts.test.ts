/**
 * Two analysts exchange annotation files (the main scenario): A annotates the corpus and
 * exports; B imports, adds a claim, edits one of A's claims, deletes another, and exports; A edits
 * the same claim and imports B's file. Every count, the conflict, the tombstone and the authors are
 * checked, and a second import of the same file changes nothing, row for row.
 */
import { describe, expect, it } from 'vitest';
import { importCorpus, claimOn } from '../core/helpers';
import { allRows, analyst, exportFrom, importInto } from './helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const K2 = 'Казахстан как транспортный хаб срединной части Евразии является очень важным партнером для региональных и внерегиональных игроков.';
const C1 = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.';
const Z1 = 'Казахстан демонстрирует осторожный, но принципиальный курс на Ближнем Востоке, поддерживая арабских партнеров и сохраняя баланс с Западом.';

const ZERO = { new: 0, updated: 0, conflicts: 0, orphans: 0, unchanged: 0, deleted: 0, reanchored: 0 };

describe('two analysts exchanging annotation files', () => {
  it('merges additions, edits, deletions and a conflicting edit, keeping authors, and is idempotent', async () => {
    const A = await analyst('Aliya');
    const B = await analyst('Boris');
    const docsA = await importCorpus(A.backend);
    await importCorpus(B.backend);
    const tagsA = await A.backend.call('tags.list', {});
    const economicA = tagsA.find((t) => t.name === 'economic')!;
    const securityA = tagsA.find((t) => t.name === 'security')!;

    // A annotates: four claims, a link with a note, a note on a claim.
    const k1 = await claimOn(A.backend, docsA.kazpravda.id, K1, [economicA.id]);
    const k2 = await claimOn(A.backend, docsA.kazpravda.id, K2, [economicA.id]);
    const c1 = await claimOn(A.backend, docsA.caravan.id, C1, [economicA.id]);
    const z1 = await claimOn(A.backend, docsA.zakon.id, Z1, [securityA.id]);
    const supports = (await A.backend.call('relations.list', {})).find((r) => r.builtin === 'supports')!;
    const link = await A.backend.call('links.create', { fromId: k1.id, toId: c1.id, relationId: supports.id });
    await A.backend.call('notes.save', { owner: { kind: 'annotation', id: k1.id }, json: note('Ключевой <итог> визита') });
    const fileA = await exportFrom(A);

    // B previews, then imports A's file: everything is new, by A, anchored exactly.
    const preview = await importInto(B, 'aliya.crossread.json', fileA, true);
    expect(preview.applied).toBe(false);
    expect(preview.claims).toEqual({ ...ZERO, new: 4 });
    expect(preview.links).toEqual({ ...ZERO, new: 1 });
    expect(preview.byAuthor).toEqual([{ author: 'Aliya', counts: { ...ZERO, new: 4 } }]);
    expect(preview.byDocument.map((d) => [d.title, d.counts.new])).toHaveLength(3);
    expect(await B.backend.call('annotations.list', {})).toEqual([]);
    const appliedB = await importInto(B, 'aliya.crossread.json', fileA);
    expect({ ...appliedB, applied: true }).toEqual({ ...preview, applied: true });
    const claimsB = await B.backend.call('annotations.list', {});
    expect(claimsB.map((c) => c.id).sort()).toEqual([k1.id, k2.id, c1.id, z1.id].sort());
    expect(new Set(claimsB.map((c) => c.author))).toEqual(new Set(['Aliya']));
    // Same-named tags are the same tag: B still has exactly one "economic".
    const tagsB = await B.backend.call('tags.list', {});
    expect(tagsB.map((t) => t.name)).toEqual(['economic', 'security', 'interfaith']);
    const economicB = tagsB.find((t) => t.name === 'economic')!;
    const interfaithB = tagsB.find((t) => t.name === 'interfaith')!;
    expect(claimsB.find((c) => c.id === k1.id)!.tagIds).toEqual([economicB.id]);
    expect((await B.backend.call('notes.get', { kind: 'annotation', id: k1.id })).text).toBe('Ключевой <итог> визита');
    expect((await B.backend.call('links.list', {})).map((l) => [l.id, l.fromId, l.toId, l.author])).toEqual([[link.id, k1.id, c1.id, 'Aliya']]);
    expect(await B.backend.call('share.anchors', {})).toEqual([]);

    // B adds a claim, edits k2 (adds a tag), deletes z1, exports.
    const docsB = await B.backend.call('documents.list', {});
    const zakonB = docsB.find((d) => d.sourceName.startsWith('zakon'))!;
    const added = await claimOn(B.backend, zakonB.id, 'Казахстан демонстрирует осторожный', [interfaithB.id]);
    await B.backend.call('annotations.update', { id: k2.id, tagIds: [economicB.id, interfaithB.id] });
    await B.backend.call('annotations.delete', { id: z1.id });
    const fileB = await exportFrom(B);

    // A edits the same claim k2 differently, after B.
    await A.backend.call('annotations.update', { id: k2.id, tagIds: [securityA.id] });

    const previewA = await importInto(A, 'boris.crossread.json', fileB, true);
    expect(previewA.claims).toEqual({ ...ZERO, new: 1, conflicts: 1, deleted: 1, unchanged: 2 });
    expect(previewA.byAuthor).toEqual([
      { author: 'Aliya', counts: { ...ZERO, conflicts: 1, deleted: 1, unchanged: 2 } },
      { author: 'Boris', counts: { ...ZERO, new: 1 } },
    ]);
    const appliedA = await importInto(A, 'boris.crossread.json', fileB);
    expect(appliedA.claims).toEqual(previewA.claims);
    expect(appliedA.changed).toBe(true);

    const claimsA = await A.backend.call('annotations.list', {});
    // The new claim is B's, the deleted one is gone (a tombstone), the rest stay.
    expect(claimsA.map((c) => c.id).sort()).toEqual([k1.id, k2.id, c1.id, added.id].sort());
    expect(claimsA.find((c) => c.id === added.id)!.author).toBe('Boris');
    const interfaithA = (await A.backend.call('tags.list', {})).find((t) => t.name === 'interfaith')!;
    expect(claimsA.find((c) => c.id === added.id)!.tagIds).toEqual([interfaithA.id]);
    // The conflict: A's newer edit wins, B's version is kept for review.
    expect(claimsA.find((c) => c.id === k2.id)!.tagIds).toEqual([securityA.id]);
    const conflicts = await A.backend.call('share.conflicts', {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ itemKind: 'annotation', itemId: k2.id, losingSide: 'theirs', sourceFile: 'boris.crossread.json' });
    expect(conflicts[0]!.losing).toContain('economic, interfaith');
    expect(conflicts[0]!.current).toContain('security');

    // A second import of the same file changes nothing at all.
    const rows = allRows(A.projectPath);
    const again = await importInto(A, 'boris.crossread.json', fileB);
    expect(again.changed).toBe(false);
    // Five claims in B's file (the tombstone of z1 among them), all as A has them now.
    expect(again.claims).toEqual({ ...ZERO, unchanged: 5 });
    expect(allRows(A.projectPath)).toEqual(rows);

    // Taking B's version from the conflict list.
    await A.backend.call('share.resolveConflict', { id: conflicts[0]!.id, choice: 'swap' });
    expect((await A.backend.call('annotations.list', {})).find((c) => c.id === k2.id)!.tagIds).toEqual([economicA.id, interfaithA.id]);
    expect(await A.backend.call('share.conflicts', {})).toEqual([]);

    // A exports again: B imports it and ends with the same claims as A.
    const fileA2 = await exportFrom(A);
    const backToB = await importInto(B, 'aliya-2.crossread.json', fileA2);
    expect(backToB.claims.conflicts).toBe(0);
    const tagNames = async (a: typeof A) => {
      const tags = await a.backend.call('tags.list', {});
      return (await a.backend.call('annotations.list', {})).map((c) => [c.id, c.tagIds.map((t) => tags.find((x) => x.id === t)!.name)]).sort();
    };
    expect(await tagNames(B)).toEqual(await tagNames(A));
  });
});

function note(text: string): string {
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0 }] }],
    },
  });
}
