/** Search reaches attribute values and the codebook: the hits the search panel and the CLI list beside the text's. */
import { describe, expect, it } from 'vitest';
import { RELIABILITY_ID } from '../../../shared/attributes';
import { importCorpus, withProject } from './helpers';

async function describedProject() {
  const { backend } = await withProject();
  const docs = await importCorpus(backend);
  const country = await backend.call('attributes.create', { name: "expert's country", type: 'choice', choices: ['Azerbaijan', 'Kazakhstan', 'Russia'] });
  const note = await backend.call('attributes.create', { name: 'outlet note', type: 'text' });
  await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.kazpravda.id }, attributeId: country.id, value: 'Kazakhstan' });
  await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.zakon.id }, attributeId: country.id, value: 'Russia' });
  await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.caravan.id }, attributeId: note.id, value: 'Частное издание в Казахстане, пишет о санкциях' });
  const sanctions = await backend.call('tags.create', { name: 'sanctions' });
  await backend.call('tags.describe', { id: sanctions.id, definition: 'Restrictions one state puts on trade with another.', avoidWhen: 'Не для санкций против Казахстана как угрозы' });
  return { backend, docs, country, note, sanctions };
}

describe('search in attribute values and the codebook', () => {
  it('"Kazakhstan" finds the choice value on its document, and not the choice list itself', async () => {
    const { backend, docs, country } = await describedProject();
    const { hits } = await backend.call('search.records', { q: 'Kazakhstan' });
    expect(hits).toEqual([
      {
        kind: 'attribute',
        documentId: docs.kazpravda.id,
        documentTitle: docs.kazpravda.title,
        attributeId: country.id,
        attributeName: "expert's country",
        before: '',
        match: 'Kazakhstan',
        after: '',
      },
    ]);
  });

  it('Russian word forms match text values and codebook entries the way the text index does', async () => {
    const { backend, docs, note, sanctions } = await describedProject();
    const { hits } = await backend.call('search.records', { q: 'казахстан' });
    expect(hits.map((h) => [h.kind, h.match])).toEqual([
      ['attribute', 'Казахстане'],
      ['codebook', 'Казахстана'],
    ]);
    expect(hits[0]).toMatchObject({ documentId: docs.caravan.id, attributeId: note.id });
    expect(hits[1]).toMatchObject({ tagId: sanctions.id, tagName: 'sanctions', field: 'avoidWhen' });
  });

  it('a codebook definition is found by its words, and every word of the query must be there', async () => {
    const { backend, sanctions } = await describedProject();
    expect((await backend.call('search.records', { q: 'trade restrictions' })).hits).toMatchObject([
      { kind: 'codebook', tagId: sanctions.id, field: 'definition', match: 'Restrictions' },
      { kind: 'codebook', tagId: sanctions.id, field: 'definition', match: 'trade' },
    ]);
    expect((await backend.call('search.records', { q: 'trade peacekeeping' })).hits).toEqual([]);
  });

  it('values of deleted documents, cleared values and deleted tags are not found', async () => {
    const { backend, docs, country, sanctions } = await describedProject();
    await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.kazpravda.id }, attributeId: country.id, value: null });
    await backend.call('documents.delete', { id: docs.caravan.id });
    await backend.call('tags.delete', { id: sanctions.id });
    expect((await backend.call('search.records', { q: 'Kazakhstan' })).hits).toEqual([]);
    expect((await backend.call('search.records', { q: 'казахстан' })).hits).toEqual([]);
  });

  it('grades and numbers are not searched as words', async () => {
    const { backend, docs } = await describedProject();
    await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.zakon.id }, attributeId: RELIABILITY_ID, value: 'B' });
    const age = await backend.call('attributes.create', { name: 'expert age', type: 'number' });
    await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.zakon.id }, attributeId: age.id, value: '41' });
    expect((await backend.call('search.records', { q: 'B' })).hits).toEqual([]);
    expect((await backend.call('search.records', { q: '41' })).hits).toEqual([]);
  });
});
