/**
 * Files from other tools: one written by hand from the W3C Web Annotation Data Model's examples
 * and a Hypothesis export, anchored by their quotes onto the corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCorpus } from '../core/helpers';
import { allRows, analyst, importInto } from './helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/share');
const ZERO = { new: 0, updated: 0, conflicts: 0, orphans: 0, unchanged: 0, deleted: 0, reanchored: 0 };

describe('a W3C Web Annotation collection written by hand from the specification', () => {
  it('imports: quotes anchored across documents, tags by name, HTML sanitized, the unanchorable kept as an orphan', async () => {
    const A = await analyst('Aliya');
    const docs = await importCorpus(A.backend);
    const content = fs.readFileSync(path.join(FIXTURES, 'w3c-examples.jsonld'));
    const preview = await importInto(A, 'w3c-examples.jsonld', content, true);
    expect(preview.kind).toBe('w3c');
    expect(preview.claims).toEqual({ ...ZERO, new: 2, orphans: 1 });
    expect(preview.skipped).toEqual([{ path: 'items[2]', reason: 'no TextQuoteSelector: Crossread anchors claims by their quote' }]);
    await importInto(A, 'w3c-examples.jsonld', content);

    const claims = await A.backend.call('annotations.list', {});
    const onCaravan = claims.find((c) => c.documentId === docs.caravan.id)!;
    expect(onCaravan.exact).toBe('коммерческие соглашения более чем на 17 млрд долларов');
    expect(onCaravan.author).toBe('A. Person');
    expect(onCaravan.createdAt).toBe('2015-01-28T12:00:00.000Z');
    // The note keeps its text and bold; the script and the javascript: link are gone.
    const noteState = await A.backend.call('notes.get', { kind: 'annotation', id: onCaravan.id });
    expect(noteState.text).toBe('Summit outcome: 17 bn USD of deals see');
    expect(noteState.json).not.toMatch(/script|javascript|alert/);
    expect(noteState.json).toContain('"format":1');

    const onKazpravda = claims.find((c) => c.documentId === docs.kazpravda.id)!;
    expect(onKazpravda.exact).toBe('Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама');
    // The creator is only an IRI: the author says so rather than inventing a name.
    expect(onKazpravda.author).toBe('http://example.org/user2');
    const tags = await A.backend.call('tags.list', {});
    // "Economic" is the project's "economic"; "middle corridor" is new.
    expect(tags.map((t) => t.name)).toEqual(['economic', 'security', 'interfaith', 'middle corridor']);
    expect(onKazpravda.tagIds.map((id) => tags.find((t) => t.id === id)!.name)).toEqual(['economic', 'middle corridor']);

    const orphans = await A.backend.call('share.orphans', {});
    expect(orphans).toEqual([
      expect.objectContaining({ exact: 'anotation', source: 'http://example.org/page9', noteText: 'A quote no document holds', sourceFile: 'w3c-examples.jsonld' }),
    ]);

    // Ids are derived from the file's ids, so importing again changes nothing.
    const rows = allRows(A.projectPath);
    const again = await importInto(A, 'w3c-examples.jsonld', content);
    expect(again.changed).toBe(false);
    expect(again.claims).toEqual({ ...ZERO, unchanged: 2, orphans: 1 });
    expect(allRows(A.projectPath)).toEqual(rows);
  });

  it('imports a single Annotation and a bare array of them', async () => {
    const A = await analyst('Aliya');
    const docs = await importCorpus(A.backend);
    const single = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno5',
      type: 'Annotation',
      target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'принципиальный курс на Ближнем Востоке' } },
    };
    expect((await importInto(A, 'one.json', JSON.stringify(single))).claims.new).toBe(1);
    const array = [{ ...single, id: 'http://example.org/anno6', target: { source: 'y', selector: { type: 'TextQuoteSelector', exact: 'Соглашениям Авраама' } } }];
    expect((await importInto(A, 'many.json', JSON.stringify(array))).claims.new).toBe(1);
    const claims = await A.backend.call('annotations.list', {});
    expect(claims.map((c) => c.documentId).sort()).toEqual([docs.zakon.id, docs.kazpravda.id].sort());
  });
});

describe('a Hypothesis export', () => {
  it('imports its annotations by quote with their tags, text and user; replies and page notes are reported, not imported', async () => {
    const A = await analyst('Aliya');
    const docs = await importCorpus(A.backend);
    const content = fs.readFileSync(path.join(FIXTURES, 'hypothesis-export.json'));
    const result = await importInto(A, 'hypothesis.json', content);
    expect(result.kind).toBe('hypothesis');
    expect(result.claims).toEqual({ ...ZERO, new: 1 });
    expect(result.skipped.map((s) => s.reason)).toEqual(['a reply to another annotation', 'a page note without a quote']);
    const [claim] = await A.backend.call('annotations.list', {});
    expect(claim).toMatchObject({ documentId: docs.zakon.id, exact: 'поддерживая арабских партнеров и сохраняя баланс с Западом', author: 'Dana K.' });
    expect(claim!.modifiedAt).toBe('2025-11-19T08:30:00.000Z');
    const tags = await A.backend.call('tags.list', {});
    expect(claim!.tagIds.map((id) => tags.find((t) => t.id === id)!.name)).toEqual(['security', 'Diplomacy']);
    expect((await A.backend.call('notes.get', { kind: 'annotation', id: claim!.id })).text).toBe('Balance with the West — key line.\nSecond thought.');
  });
});
