/**
 * Files as real tools write them: the Hypothesis API's search response, a target whose source is
 * an object, Recogito's relations (link ends as {id} objects, the relation a `tagging` body), a
 * collection whose pages are elsewhere, and JSON that is not W3C at all (doccano).
 */
import { describe, expect, it } from 'vitest';
import { expectAppError, importCorpus } from '../core/helpers';
import { allRows, analyst, importInto } from './helpers';

const ZERO = { new: 0, updated: 0, conflicts: 0, orphans: 0, unchanged: 0, deleted: 0, reanchored: 0 };
const quoteTarget = (source: unknown, exact: string) => ({ source, selector: [{ type: 'TextQuoteSelector', exact }] });

describe('files from other tools, as they write them', () => {
  it('the Hypothesis API’s search response ({total, rows}) imports like its export', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const search = {
      total: 1,
      rows: [
        {
          id: 'Hyp0001',
          created: '2025-11-08T09:00:00.000000+00:00',
          updated: '2025-11-08T09:05:00.000000+00:00',
          user: 'acct:ivan@hypothes.is',
          uri: 'https://kazpravda.kz/article',
          text: 'Главный итог',
          tags: ['accords'],
          target: [{ source: 'https://kazpravda.kz/article', selector: [{ type: 'TextQuoteSelector', exact: 'Соглашениям Авраама' }] }],
        },
      ],
    };
    const result = await importInto(A, 'search.json', JSON.stringify(search));
    expect([result.kind, result.claims]).toEqual(['hypothesis', { ...ZERO, new: 1 }]);
    const [claim] = await A.backend.call('annotations.list', {});
    expect([claim!.exact, claim!.author]).toEqual(['Соглашениям Авраама', 'ivan']);
  });

  it('a target whose source is an object ({id}) anchors, and an orphan of it keeps that source', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const page = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        { id: 'http://example.org/a1', type: 'Annotation', target: quoteTarget({ id: 'http://example.org/article', type: 'Text' }, 'коммерческие соглашения') },
        { id: 'http://example.org/a2', type: 'Annotation', target: quoteTarget({ id: 'http://example.org/other', type: 'Text' }, 'Этой цитаты нет ни в одном документе проекта') },
      ],
    };
    expect((await importInto(A, 'objects.json', JSON.stringify(page))).claims).toEqual({ ...ZERO, new: 1, orphans: 1 });
    expect((await A.backend.call('share.orphans', {})).map((o) => o.source)).toEqual(['http://example.org/other']);
  });

  it('a Recogito relation (ends as {id} objects, the relation named by a tagging body) becomes a link', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const recogito = [
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: '#r1', type: 'Annotation', body: [], target: quoteTarget('http://example.org/doc', 'Соглашениям Авраама') },
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: '#r2', type: 'Annotation', body: [], target: quoteTarget('http://example.org/doc', 'коммерческие соглашения') },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: '#r3',
        type: 'Annotation',
        motivation: 'linking',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'supports' }],
        target: [{ id: '#r1' }, { id: '#r2' }],
      },
    ];
    const result = await importInto(A, 'recogito.json', JSON.stringify(recogito));
    expect([result.claims.new, result.links.new, result.skipped]).toEqual([2, 1, []]);
    const claims = await A.backend.call('annotations.list', {});
    const [link] = await A.backend.call('links.list', {});
    const relation = (await A.backend.call('relations.list', {})).find((r) => r.id === link!.relationId)!;
    expect(relation.builtin).toBe('supports');
    expect([link!.fromId, link!.toId].map((id) => claims.find((c) => c.id === id)!.exact)).toEqual(['Соглашениям Авраама', 'коммерческие соглашения']);
  });

  it('a collection whose pages are separate IRIs is refused with a message that says so, and nothing changes', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const before = allRows(A.projectPath);
    const paged = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/c', type: 'AnnotationCollection', total: 42, first: 'http://example.org/c/page1' };
    const err = await expectAppError(importInto(A, 'paged.json', JSON.stringify(paged)), 'bad-input');
    expect(err.message).toMatch(/paged\.json is not a usable annotation file: first: the collection's annotations are on separate pages \(http:\/\/example\.org\/c\/page1\)/);
    expect(allRows(A.projectPath)).toEqual(before);
  });

  it('doccano’s JSONL and its JSON records are refused by name, without echoing their text', async () => {
    const A = await analyst('Aliya');
    const secret = 'Конфиденциальный текст разметки';
    const jsonl = [{ id: 1, text: secret, label: [[0, 5, 'ORG']] }, { id: 2, text: 'второй', label: [] }].map((r) => JSON.stringify(r)).join('\n');
    const lines = await expectAppError(importInto(A, 'admin.jsonl', jsonl), 'bad-input');
    expect(lines.message).toMatch(/admin\.jsonl is not a usable annotation file: it is JSON Lines \(one record per line, as doccano/);
    const one = await expectAppError(importInto(A, 'record.json', JSON.stringify({ id: 1, text: secret, labels: [[0, 5, 'ORG']] })), 'bad-input');
    expect(one.message).toMatch(/record\.json is not a usable annotation file: it is a doccano record/);
    for (const m of [lines.message, one.message]) expect(m).not.toContain(secret);
  });
});
