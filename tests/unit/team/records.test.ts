/**
 * Every kind of record the share file carries travels live: links, notes, source attributes and
 * competing-hypotheses ratings, made on either side and on a third, end equal everywhere.
 */
import { describe, expect, it } from 'vitest';
import { claimOn, importCorpus } from '../core/helpers';
import { batchesOf, parseRecord, readRecords } from '../../../electron/core/team/records';
import { connect, converged, eventually, noteJson, settled, team, teamServer } from './helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const C1 = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.';

describe('live team sync: every kind of record', () => {
  it('links, notes, attributes and ratings made on each of three sides appear on the others, and the projects end equal', async () => {
    const server = await teamServer();
    const [A, B, C] = await team(server, 'kzteam', 'Aliya', 'Boris', 'Chen');
    const docs = await importCorpus(A!.backend);
    await connect(server, A!);
    const k1 = await claimOn(A!.backend, docs.kazpravda.id, K1);
    const c1 = await claimOn(A!.backend, docs.caravan.id, C1);
    await settled(A!);
    await connect(server, B!);
    await connect(server, C!);
    await eventually(async () => expect(await C!.backend.call('annotations.list', {})).toHaveLength(2));

    // B links the two claims and writes a note on the link.
    const supports = (await B!.backend.call('relations.list', {})).find((r) => r.builtin === 'supports')!;
    await eventually(async () => expect((await B!.backend.call('annotations.list', {})).map((c) => c.id).sort()).toEqual([k1.id, c1.id].sort()));
    const link = await B!.backend.call('links.create', { fromId: k1.id, toId: c1.id, relationId: supports.id });
    await B!.backend.call('notes.save', { owner: { kind: 'link', id: link.id }, json: noteJson('Обе статьи о сделках') });
    // C notes a claim and grades a source.
    await C!.backend.call('notes.save', { owner: { kind: 'annotation', id: k1.id }, json: noteJson('Ключевой итог визита') });
    const reliability = (await C!.backend.call('attributes.list', {})).find((a) => a.builtin === 'reliability')!;
    const zakonC = (await C!.backend.call('documents.list', {})).find((d) => d.hash === docs.zakon.hash)!;
    const choice = reliability.choices[1]!;
    await C!.backend.call('attributes.setValue', { owner: { kind: 'document', id: zakonC.id }, attributeId: reliability.id, value: choice });
    // A runs an analysis; B rates a cell of it once it arrives.
    const analysis = await A!.backend.call('hypotheses.createAnalysis', { question: 'Почему Казахстан присоединился?' });
    const hyp = await A!.backend.call('hypotheses.create', { analysisId: analysis.id, title: 'Ради экономики' });
    await A!.backend.call('hypotheses.addRows', { analysisId: analysis.id, rows: [{ kind: 'claim', claimId: c1.id }] });
    const matrixB = await eventually(async () => {
      const m = await B!.backend.call('hypotheses.matrix', { analysisId: analysis.id });
      expect(m.rows).toHaveLength(1);
      expect(m.hypotheses.map((h) => h.id)).toContain(hyp.id);
      return m;
    });
    await B!.backend.call('hypotheses.rate', { rowId: matrixB.rows[0]!.id, hypothesisId: hyp.id, rating: 'CC' });

    await eventually(async () => {
      expect((await A!.backend.call('links.list', {})).map((l) => l.id)).toEqual([link.id]);
      expect((await A!.backend.call('notes.get', { kind: 'link', id: link.id })).text).toBe('Обе статьи о сделках');
      expect((await B!.backend.call('notes.get', { kind: 'annotation', id: k1.id })).text).toBe('Ключевой итог визита');
      const values = await A!.backend.call('attributes.values', {});
      expect(values.map((v) => [v.ownerId, v.value, v.author])).toEqual([[docs.zakon.id, choice, 'Chen']]);
      const m = await C!.backend.call('hypotheses.matrix', { analysisId: analysis.id });
      expect(m.ratings.map((r) => [r.rating, r.author])).toEqual([['CC', 'Boris']]);
    });
    await converged(A!, B!, C!);
  });
});

describe('live team records in batches', () => {
  it('colleagues’ records are merged documents first, then claims, then what refers to claims, each batch under the size given', () => {
    const doc = JSON.stringify({ l: 'documents', v: { source: 'urn:crossread:doc:sha256:1', text: 'x'.repeat(50) } });
    const claim = (n: number) => JSON.stringify({ l: 'items', v: { id: `urn:uuid:${n}`, motivation: 'tagging' } });
    const link = JSON.stringify({ l: 'items', v: { id: 'urn:uuid:l', motivation: 'linking' } });
    const title = JSON.stringify({ l: 'clusterTitles', v: { claim: 'urn:uuid:1', title: 't' } });
    const batches = (texts: string[], max: number) => batchesOf(texts.map((t) => parseRecord(t)!), max).map((b) => b.map((r) => JSON.stringify(r.value)));
    expect(batches([link, title, claim(1), doc, claim(2)], 100)).toEqual([[doc], [claim(1)], [claim(2)], [link], [title]]);
    expect(batches([link, title, claim(1), doc, claim(2)], 1000)).toEqual([[doc], [claim(1), claim(2)], [link, title]]);
  });
});

describe('colleagues’ records are checked as a colleague’s file is', () => {
  const claim = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      l: 'items',
      v: {
        id: 'urn:uuid:6f1c0a52-3f4e-4b8a-9d2e-0c1b2a3d4e5f',
        type: 'Annotation',
        motivation: 'highlighting',
        target: { source: `urn:crossread:doc:sha256:${'a'.repeat(64)}`, selector: [{ type: 'TextQuoteSelector', exact: 'Казахстан' }] },
        ...extra,
      },
    });
  const read = (...texts: string[]) => readRecords(texts.map((t) => parseRecord(t)).filter((r) => r !== null), 'team example.org');

  it('a well-formed claim record reads as the claim', () => {
    expect(read(claim()).claims.map((c) => c.exact)).toEqual(['Казахстан']);
  });

  it('a record nested deeper than an annotation file may be is refused, its whole batch with it', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 30; i++) deep = { deeper: deep };
    expect(() => read(claim(), claim({ id: 'urn:uuid:7f1c0a52-3f4e-4b8a-9d2e-0c1b2a3d4e5f', extra: deep }))).toThrow(/team example\.org is not a usable annotation file: it is nested more than 32 levels deep/);
  });

  it('records larger together than an annotation file may be are refused', () => {
    expect(() => read(claim(), claim({ id: 'urn:uuid:7f1c0a52-3f4e-4b8a-9d2e-0c1b2a3d4e5f', padding: 'x'.repeat(50 * 1024 * 1024) }))).toThrow(/larger than the 50 MB limit/);
  });

  it('a key that could reach an object’s prototype is dropped from a record', () => {
    const r = parseRecord(claim().replace('"type":"Annotation"', '"type":"Annotation","__proto__":{"polluted":true}'))!;
    expect(Object.hasOwn(r.value.v as object, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(read(JSON.stringify(r.value)).claims).toHaveLength(1);
  });

  it('a record that is not JSON, or not an object, is left out', () => {
    expect(parseRecord('{"l":"items",')).toBeNull();
    expect(parseRecord('[1,2]')).toBeNull();
    expect(parseRecord('"text"')).toBeNull();
  });
});
