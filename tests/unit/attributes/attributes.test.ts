/** Source attributes through the API, on the corpus: definitions, values, validation, undo, the matrix by value. */
import { describe, expect, it } from 'vitest';
import { CREDIBILITY_ID, RELIABILITY_ID } from '../../../shared/attributes';
import { claimOn, expectAppError, importCorpus, withProject } from '../core/helpers';

/** The call fails with `code`, and its message says why. */
async function refused(promise: Promise<unknown>, code: Parameters<typeof expectAppError>[1], why: RegExp) {
  expect((await expectAppError(promise, code)).message).toMatch(why);
}

async function countryProject() {
  const { backend } = await withProject();
  const docs = await importCorpus(backend);
  const country = await backend.call('attributes.create', { name: "expert's country", type: 'choice', choices: ['Azerbaijan', 'Kazakhstan', 'Russia'] });
  return { backend, docs, country };
}

describe('source attributes', () => {
  it('gives the three experts their countries and lists them', async () => {
    const { backend, docs, country } = await countryProject();
    await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.kazpravda.id }, attributeId: country.id, value: 'Azerbaijan' });
    await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.caravan.id }, attributeId: country.id, value: 'russia' });
    await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.zakon.id }, attributeId: country.id, value: 'Azerbaijan' });
    const values = await backend.call('attributes.values', {});
    // A choice is stored as the list spells it, whatever case it was typed in.
    expect(values.filter((v) => v.attributeId === country.id).map((v) => [v.ownerId, v.value]).sort()).toEqual(
      [
        [docs.kazpravda.id, 'Azerbaijan'],
        [docs.caravan.id, 'Russia'],
        [docs.zakon.id, 'Azerbaijan'],
      ].sort(),
    );
    const list = await backend.call('attributes.list', {});
    expect(list.map((a) => a.builtin ?? a.name)).toEqual(['reliability', 'credibility', "expert's country"]);
  });

  it('a value of the wrong type or a choice not in the list is refused and changes nothing', async () => {
    const { backend, docs, country } = await countryProject();
    const age = await backend.call('attributes.create', { name: 'expert age', type: 'number' });
    const since = await backend.call('attributes.create', { name: 'interviewed on', type: 'date' });
    const owner = { kind: 'document' as const, id: docs.kazpravda.id };
    const before = await backend.call('history.state', {});
    await refused(backend.call('attributes.setValue', { owner, attributeId: country.id, value: 'Atlantis' }), 'bad-input', /no choice like that/);
    await refused(backend.call('attributes.setValue', { owner, attributeId: age.id, value: 'forty' }), 'bad-input', /takes a number/);
    await refused(backend.call('attributes.setValue', { owner, attributeId: since.id, value: '2025-02-30' }), 'bad-input', /real date/);
    // A claim carries only the source grading.
    const claim = await claimOn(backend, docs.kazpravda.id, 'Соглашениям Авраама');
    await refused(backend.call('attributes.setValue', { owner: { kind: 'annotation', id: claim.id }, attributeId: country.id, value: 'Russia' }), 'bad-input', /Only the source grading/);
    expect(await backend.call('attributes.values', {})).toEqual([]);
    // The refusals added no undo step: the newest is still the claim's.
    const after = await backend.call('history.state', {});
    expect(after.undo?.label.kind).toBe('claim.create');
    expect(after.undo?.id).toBeGreaterThan(before.undo?.id ?? 0);
    await backend.call('attributes.setValue', { owner, attributeId: age.id, value: '41,5' });
    expect((await backend.call('attributes.values', {}))[0]?.value).toBe('41.5');
  });

  it('a choice some document has cannot be taken out of the list', async () => {
    const { backend, docs, country } = await countryProject();
    await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.caravan.id }, attributeId: country.id, value: 'Russia' });
    await refused(backend.call('attributes.update', { id: country.id, choices: ['Azerbaijan', 'Kazakhstan'] }), 'conflict', /Russia/);
    expect((await backend.call('attributes.list', {})).find((a) => a.id === country.id)?.choices).toEqual(['Azerbaijan', 'Kazakhstan', 'Russia']);
  });

  it('defining, renaming, setting and deleting are each one undo step with a label', async () => {
    const { backend, docs, country } = await countryProject();
    const owner = { kind: 'document' as const, id: docs.caravan.id };
    await backend.call('attributes.setValue', { owner, attributeId: country.id, value: 'Russia' });
    await backend.call('attributes.update', { id: country.id, name: 'country' });
    await backend.call('attributes.delete', { id: country.id });
    expect(await backend.call('attributes.values', {})).toEqual([]);

    let undone = await backend.call('history.undo', {});
    expect(undone.step.label).toMatchObject({ kind: 'attribute.delete', params: { name: 'country' } });
    expect((await backend.call('attributes.values', {})).map((v) => v.value)).toEqual(['Russia']);
    undone = await backend.call('history.undo', {});
    expect(undone.step.label).toMatchObject({ kind: 'attribute.rename', params: { from: "expert's country", name: 'country' } });
    undone = await backend.call('history.undo', {});
    expect(undone.step.label).toMatchObject({ kind: 'attribute.value', params: { name: "expert's country" } });
    expect(await backend.call('attributes.values', {})).toEqual([]);
    undone = await backend.call('history.undo', {});
    expect(undone.step.label).toMatchObject({ kind: 'attribute.create' });
    expect((await backend.call('attributes.list', {})).map((a) => a.name)).not.toContain("expert's country");
    await backend.call('history.redo', {});
    await backend.call('history.redo', {});
    expect((await backend.call('attributes.values', {})).map((v) => v.value)).toEqual(['Russia']);
  });

  it('grades a source B2 and overrides one claim; the claim counts under its own grade in the matrix', async () => {
    const { backend, docs } = await countryProject();
    const doc = { kind: 'document' as const, id: docs.kazpravda.id };
    await backend.call('attributes.setValue', { owner: doc, attributeId: RELIABILITY_ID, value: 'B' });
    await backend.call('attributes.setValue', { owner: doc, attributeId: CREDIBILITY_ID, value: '2' });
    const [economic] = await backend.call('tags.list', {});
    const a = await claimOn(backend, docs.kazpravda.id, 'Соглашениям Авраама', [economic!.id]);
    const b = await claimOn(backend, docs.kazpravda.id, 'Касым-Жомарт Токаев', [economic!.id]);
    await backend.call('attributes.setValue', { owner: { kind: 'annotation', id: b.id }, attributeId: CREDIBILITY_ID, value: '4' });
    await refused(backend.call('attributes.setValue', { owner: doc, attributeId: RELIABILITY_ID, value: 'G' }), 'bad-input', /no choice like that/);
    const { byValue } = await backend.call('matrix.get', { byAttribute: CREDIBILITY_ID });
    expect(byValue).toEqual(
      expect.arrayContaining([
        { tagId: economic!.id, value: '2', count: 1 },
        { tagId: economic!.id, value: '4', count: 1 },
      ]),
    );
    expect(a.id).not.toBe(b.id);
    await refused(backend.call('attributes.delete', { id: RELIABILITY_ID }), 'bad-input', /built-in/);
  });
});
