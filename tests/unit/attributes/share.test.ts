/** Source attributes in the annotation file: definitions and values travel, merge like document details, and a bad value refuses the file. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CREDIBILITY_ID } from '../../../shared/attributes';
import { claimOn, expectAppError, importCorpus } from '../core/helpers';
import { allRows, analyst, exportFrom, importInto, type Analyst } from '../share/helpers';

const COUNTRY = "expert's country";

async function withCountry(a: Analyst) {
  const docs = await importCorpus(a.backend);
  const country = await a.backend.call('attributes.create', { name: COUNTRY, type: 'choice', choices: ['Azerbaijan', 'Kazakhstan', 'Russia'] });
  return { docs, country };
}

const valuesOf = async (a: Analyst) => (await a.backend.call('attributes.values', {})).map((v) => `${v.ownerKind}:${v.value}`).sort();

function attributeRows(projectPath: string) {
  const db = new Database(projectPath, { readonly: true });
  try {
    return [db.prepare('SELECT * FROM attributes ORDER BY id').all(), db.prepare('SELECT * FROM attribute_values ORDER BY id').all()];
  } finally {
    db.close();
  }
}

describe('attributes in the annotation file', () => {
  it('a colleague receives the definitions, each document’s values and a claim’s own grading', async () => {
    const A = await analyst('Aigerim');
    const { docs, country } = await withCountry(A);
    await A.backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.caravan.id }, attributeId: country.id, value: 'Russia' });
    await A.backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.zakon.id }, attributeId: country.id, value: 'Azerbaijan' });
    const claim = await claimOn(A.backend, docs.kazpravda.id, 'Соглашениям Авраама');
    await A.backend.call('attributes.setValue', { owner: { kind: 'annotation', id: claim.id }, attributeId: CREDIBILITY_ID, value: '3' });

    const B = await analyst('Bolat');
    await importCorpus(B.backend);
    await importInto(B, 'aigerim.json', await exportFrom(A));
    expect((await B.backend.call('attributes.list', {})).map((a) => a.name)).toContain(COUNTRY);
    expect(await valuesOf(B)).toEqual(['annotation:3', 'document:Azerbaijan', 'document:Russia']);
  });

  it('a value changed on both sides keeps the newer and lists the other as a conflict that Take theirs swaps in', async () => {
    const A = await analyst('Aigerim');
    const { docs, country } = await withCountry(A);
    const caravan = { kind: 'document' as const, id: docs.caravan.id };
    await A.backend.call('attributes.setValue', { owner: caravan, attributeId: country.id, value: 'Russia' });
    const B = await analyst('Bolat');
    await importCorpus(B.backend);
    await importInto(B, 'aigerim.json', await exportFrom(A));
    await exportFrom(B);
    const bCaravan = (await B.backend.call('documents.list', {})).find((d) => d.hash === docs.caravan.hash)!;

    // Both change it; Bolat's change is the newer.
    await A.backend.call('attributes.setValue', { owner: caravan, attributeId: country.id, value: 'Kazakhstan' });
    await new Promise((r) => setTimeout(r, 5));
    await B.backend.call('attributes.setValue', { owner: { kind: 'document', id: bCaravan.id }, attributeId: country.id, value: 'Azerbaijan' });
    const bolat = await exportFrom(B);
    // The preview counts the conflict the import will record, by its kind.
    const preview = await importInto(A, 'bolat.json', bolat, true);
    expect(preview.recorded).toMatchObject({ attribute_value: 1 });
    await importInto(A, 'bolat.json', bolat);
    expect(await valuesOf(A)).toEqual(['document:Azerbaijan']);
    const [conflict] = await A.backend.call('share.conflicts', {});
    expect(conflict).toMatchObject({ itemKind: 'attribute_value', losingSide: 'mine', canSwap: true });
    expect(conflict!.losing).toContain(`${COUNTRY}: Kazakhstan`);
    await A.backend.call('share.resolveConflict', { id: conflict!.id, choice: 'swap' });
    expect(await valuesOf(A)).toEqual(['document:Kazakhstan']);
    expect(await A.backend.call('share.conflicts', {})).toEqual([]);
  });

  it('a colleague’s file with a choice that is not in the list, or a value of the wrong type, is refused and changes nothing', async () => {
    const A = await analyst('Aigerim');
    const { docs, country } = await withCountry(A);
    await A.backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.caravan.id }, attributeId: country.id, value: 'Russia' });
    const good = JSON.parse(await exportFrom(A)) as { 'cr:project': { attributeValues: { value: string }[]; attributes: { type: string; name: string }[] } };

    const B = await analyst('Bolat');
    await withCountry(B);
    const before = [allRows(B.projectPath), attributeRows(B.projectPath)];

    const notAChoice = structuredClone(good);
    notAChoice['cr:project'].attributeValues[0]!.value = 'Atlantis <script>';
    const refused = await expectAppError(importInto(B, 'evil.json', JSON.stringify(notAChoice)), 'bad-input');
    expect(refused.message).toBe('evil.json is not a usable annotation file: cr:project.attributeValues[0].value: not a value of its attribute (not one of its choices)');
    expect(refused.message).not.toContain('Atlantis');

    const wrongType = structuredClone(good);
    const own = wrongType['cr:project'].attributes.find((a) => a.name === COUNTRY)!;
    own.type = 'number';
    const typeRefused = await expectAppError(importInto(B, 'evil.json', JSON.stringify(wrongType)), 'bad-input');
    expect(typeRefused.message).toMatch(/cr:project\.attributes\[\d+\]\.type: the attribute of that name has another type/);

    expect([allRows(B.projectPath), attributeRows(B.projectPath)]).toEqual(before);
  });
});
