/**
 * Memos travel in annotation files as W3C `commenting` annotations on the document or the
 * collection, and merge like notes: new ones arrive, a memo changed on both sides is a conflict
 * with Keep mine / Take theirs, and a memo naming what this project lacks changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { importCorpus, lexicalNote } from '../core/helpers';
import { allRows, analyst, exportFrom, importInto } from './helpers';

async function twoAnalysts() {
  const A = await analyst('Aliya');
  const B = await analyst('Boris');
  const docsA = await importCorpus(A.backend);
  const docsB = await importCorpus(B.backend);
  return { A, B, docsA, docsB };
}

describe('memos in annotation files', () => {
  it('are commenting annotations on the document or the collection, and arrive at a colleague’s project', async () => {
    const { A, B, docsA, docsB } = await twoAnalysts();
    const economicA = (await A.backend.call('tags.list', {})).find((t) => t.name === 'economic')!;
    await A.backend.call('memos.save', { owner: { kind: 'project' }, json: lexicalNote('Общий вывод по трём интервью') });
    await A.backend.call('memos.save', { owner: { kind: 'document', id: docsA.zakon.id }, json: lexicalNote('Бадамов осторожен') });
    await A.backend.call('memos.save', { owner: { kind: 'tag', id: economicA.id }, json: lexicalNote('Деньги, сделки, металлы') });
    const file = await exportFrom(A);
    const items = (JSON.parse(file) as { first: { items: Record<string, unknown>[] } }).first.items.filter((i) => i['cr:memo']);
    expect(items).toHaveLength(3);
    for (const i of items) expect(i.motivation).toBe('commenting');
    const docMemo = items.find((i) => (i['cr:memo'] as { kind: string }).kind === 'document')!;
    expect(docMemo.target).toBe(`urn:crossread:doc:sha256:${docsA.zakon.hash}`);
    expect(items.find((i) => (i['cr:memo'] as { kind: string }).kind === 'project')!.target).toEqual({ id: 'urn:crossread:collection', type: 'AnnotationCollection' });

    await importInto(B, 'aliya.crossread.json', file);
    const economicB = (await B.backend.call('tags.list', {})).find((t) => t.name === 'economic')!;
    expect((await B.backend.call('memos.get', { owner: { kind: 'project' } })).text).toBe('Общий вывод по трём интервью');
    expect(await B.backend.call('memos.get', { owner: { kind: 'document', id: docsB.zakon.id } })).toMatchObject({ text: 'Бадамов осторожен', author: 'Aliya' });
    expect((await B.backend.call('memos.get', { owner: { kind: 'tag', id: economicB.id } })).text).toBe('Деньги, сделки, металлы');
    // A second import of the same file changes nothing.
    const before = allRows(B.projectPath);
    const again = await importInto(B, 'aliya.crossread.json', file);
    expect(again.changed).toBe(false);
    expect(allRows(B.projectPath)).toEqual(before);
  });

  it('a memo both analysts changed is a conflict: theirs is kept aside and Take theirs swaps it in', async () => {
    const { A, B } = await twoAnalysts();
    await A.backend.call('memos.save', { owner: { kind: 'project' }, json: lexicalNote('Версия А') });
    await importInto(B, 'aliya.crossread.json', await exportFrom(A));
    await B.backend.call('memos.save', { owner: { kind: 'project' }, json: lexicalNote('Версия Б') });
    const fileB = await exportFrom(B);
    await A.backend.call('memos.save', { owner: { kind: 'project' }, json: lexicalNote('Версия А, исправленная') });
    await importInto(A, 'boris.crossread.json', fileB);
    const [conflict] = await A.backend.call('share.conflicts', {});
    expect(conflict).toMatchObject({ itemKind: 'note', canSwap: true });
    const mine = (await A.backend.call('memos.get', { owner: { kind: 'project' } })).text;
    expect([mine, conflict!.losing.split(' · ')[0]].sort()).toEqual(['Версия Б', 'Версия А, исправленная'].sort());
    await A.backend.call('share.resolveConflict', { id: conflict!.id, choice: 'swap' });
    expect((await A.backend.call('memos.get', { owner: { kind: 'project' } })).text).toBe(conflict!.losing.split(' · ')[0]);
    expect(await A.backend.call('share.conflicts', {})).toEqual([]);
  });

  it('a colleague’s memo on a document this project lacks is skipped, and a malformed memo refuses the file unchanged', async () => {
    const { A, B, docsA } = await twoAnalysts();
    await A.backend.call('memos.save', { owner: { kind: 'document', id: docsA.caravan.id }, json: lexicalNote('Казанцев') });
    await B.backend.call('documents.delete', { id: (await B.backend.call('documents.list', {})).find((d) => d.hash === docsA.caravan.hash)!.id });
    const preview = await importInto(B, 'aliya.crossread.json', await exportFrom(A));
    expect(preview.skipped.map((s) => s.reason)).toContain('a memo on a document this project does not have');
    expect(await B.backend.call('memos.list', {})).toEqual([]);

    const hostile = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'urn:crossread:memo:document:x',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: '<p>секрет</p>', format: 'text/html' },
      target: 'https://example.org/not-a-document',
      'cr:memo': { kind: 'document' },
    });
    const before = allRows(B.projectPath);
    const refused = await B.backend.dispatch('share.import', { file: { name: 'bad.json', dataBase64: Buffer.from(hostile).toString('base64') }, dryRun: false });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('bad-input');
      expect(refused.error.message).toContain('items[0].cr:memo');
      expect(refused.error.message).not.toContain('секрет');
    }
    expect(allRows(B.projectPath)).toEqual(before);
  });
});
