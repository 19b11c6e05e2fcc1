import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { exportQdpx, PROJECT_NS } from '../../../electron/core/refi/export';
import { applyRefi } from '../../../electron/core/refi/import';
import { readQdpx } from '../../../electron/core/refi/read';
import { REFI_LIMITS } from '../../../electron/core/refi/limits';
import { importCorpus, withProject } from '../core/helpers';
import { buildQdpx, expectValid, qdeOf } from './helpers';

/** The corpus with its three experts' countries (a choice) and a yes/no "interview" on two of them. */
async function groupedProject(backend: Backend) {
  const docs = await importCorpus(backend);
  const country = await backend.call('attributes.create', { name: "expert's country", type: 'choice', choices: ['Azerbaijan', 'Kazakhstan', 'Russia'] });
  const countries: [string, string][] = [
    [docs.kazpravda.id, 'Kazakhstan'],
    [docs.caravan.id, 'Azerbaijan'],
    [docs.zakon.id, 'Russia'],
  ];
  for (const [id, value] of countries) await backend.call('attributes.setValue', { owner: { kind: 'document', id }, attributeId: country.id, value });
  const interview = await backend.call('attributes.create', { name: 'interview', type: 'boolean' });
  await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.kazpravda.id }, attributeId: interview.id, value: 'yes' });
  await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.zakon.id }, attributeId: interview.id, value: 'yes' });
  await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.caravan.id }, attributeId: interview.id, value: 'no' });
  return { docs, country, interview };
}

/** The document groups of a project: for each choice and yes/no attribute, its values with their documents' titles. */
async function groups(b: Backend) {
  const title = new Map((await b.call('documents.list', {})).map((d) => [d.id, d.title]));
  const attrs = (await b.call('attributes.list', {})).filter((a) => (a.type === 'choice' || a.type === 'boolean') && !a.builtin);
  const values = await b.call('attributes.values', {});
  return attrs.map((a) => ({
    name: a.name,
    type: a.type,
    members: values
      .filter((v) => v.attributeId === a.id)
      .map((v) => `${v.value}: ${title.get(v.ownerId)}`)
      .sort(),
  }));
}

/** A .qdpx from another tool: three short sources and the given Sets. */
async function foreignQdpx(sets: string, variables = '') {
  const src = (n: number) => `{0000000${n}-aaaa-4aaa-8aaa-00000000000${n}}`;
  const sources = [1, 2, 3].map((n) => `<TextSource guid="${src(n)}" name="Interview ${n}.txt" plainTextPath="internal://s${n}.txt"/>`).join('');
  const qde = `<?xml version="1.0" encoding="UTF-8"?><Project xmlns="${PROJECT_NS}" name="Foreign" origin="MAXQDA">${variables}<Sources>${sources}</Sources><Sets>${sets}</Sets></Project>`;
  return {
    src,
    bytes: await buildQdpx({ 'project.qde': qde, 'sources/s1.txt': 'Первое интервью о торговле.', 'sources/s2.txt': 'Второе интервью о безопасности.', 'sources/s3.txt': 'Третье интервью о визите.' }),
  };
}

const setGuid = (n: number) => `{5e700000-0000-4000-8000-00000000000${n}}`;

describe('REFI-QDA sets are document groups', () => {
  it('the export writes a Set per choice value that some document has and one of the documents where a yes/no attribute is yes, valid against Project.xsd', async () => {
    const { backend } = await withProject();
    const { docs } = await groupedProject(backend);
    const bytes = await exportQdpx(backend.project()!);
    await expectValid(await qdeOf(bytes), 'project');
    const { sets } = await readQdpx(bytes);
    expect(sets.map((s) => [s.name, s.sources])).toEqual([
      ["expert's country: Azerbaijan", [docs.caravan.id]],
      ["expert's country: Kazakhstan", [docs.kazpravda.id]],
      ["expert's country: Russia", [docs.zakon.id]],
      ['interview', expect.arrayContaining([docs.kazpravda.id, docs.zakon.id])],
    ]);
    expect(sets[3]!.sources).toHaveLength(2);
    // The GUIDs are derived from the attribute and the value: the same on every export.
    const again = await readQdpx(await exportQdpx(backend.project()!));
    expect(again.sets.map((s) => s.guid)).toEqual(sets.map((s) => s.guid));
  });

  it('a round trip of the corpus keeps the grouping by country and by the yes/no attribute, and the preview counts the sets', async () => {
    const source = await withProject('Source');
    await groupedProject(source.backend);
    const file = await readQdpx(await exportQdpx(source.backend.project()!));
    const target = await withProject('Target');
    const preview = applyRefi(target.backend.project()!, file, 'experts.qdpx', 'Boris', true);
    expect(preview.sets).toEqual({ new: 0, unchanged: 4 });
    expect(preview.skipped).toEqual([]);
    applyRefi(target.backend.project()!, file, 'experts.qdpx', 'Boris', false);
    expect(await groups(target.backend)).toEqual(await groups(source.backend));
    const country = (await target.backend.call('attributes.list', {})).find((a) => a.name === "expert's country")!;
    expect(country.choices).toEqual(['Azerbaijan', 'Kazakhstan', 'Russia']);
  });

  it('importing the same file with sets again changes nothing', async () => {
    const { bytes } = await foreignQdpx(`<Set guid="${setGuid(1)}" name="Region: Asia"><MemberSource targetGUID="{00000001-aaaa-4aaa-8aaa-000000000001}"/></Set><Set guid="${setGuid(2)}" name="Region: Europe"><MemberSource targetGUID="{00000002-aaaa-4aaa-8aaa-000000000002}"/><MemberSource targetGUID="{00000003-aaaa-4aaa-8aaa-000000000003}"/></Set>`);
    const { backend } = await withProject();
    const file = await readQdpx(bytes);
    const first = applyRefi(backend.project()!, file, 'f.qdpx', 'Boris', false);
    expect(first.sets).toEqual({ new: 2, unchanged: 0 });
    const before = await groups(backend);
    const second = applyRefi(backend.project()!, file, 'f.qdpx', 'Boris', false);
    expect(second.sets).toEqual({ new: 0, unchanged: 2 });
    expect(second.values.new + second.attributes.new + second.documents.new).toBe(0);
    expect(await groups(backend)).toEqual(before);
  });

  it('sets from another tool named "<attribute>: <value>" that partition the sources become a choice attribute', async () => {
    const { bytes } = await foreignQdpx(`<Set guid="${setGuid(1)}" name="Region: Asia"><MemberSource targetGUID="{00000001-aaaa-4aaa-8aaa-000000000001}"/></Set><Set guid="${setGuid(2)}" name="Region: Europe"><MemberSource targetGUID="{00000002-aaaa-4aaa-8aaa-000000000002}"/><MemberSource targetGUID="{00000003-aaaa-4aaa-8aaa-000000000003}"/></Set>`);
    const { backend } = await withProject();
    applyRefi(backend.project()!, await readQdpx(bytes), 'f.qdpx', 'Boris', false);
    expect(await groups(backend)).toEqual([{ name: 'Region', type: 'choice', members: ['Asia: Interview 1', 'Europe: Interview 2', 'Europe: Interview 3'] }]);
  });

  it('a variable of the sets’ attribute becomes that choice attribute, and a Description that is prose is not taken for its choice list', async () => {
    const sets = `<Set guid="${setGuid(1)}" name="Region: Asia"><MemberSource targetGUID="{00000001-aaaa-4aaa-8aaa-000000000001}"/></Set>`;
    const variable = `<Variables><Variable guid="{6a000000-0000-4000-8000-000000000001}" name="Region" typeOfVariable="Text"><Description>Where the expert works</Description></Variable></Variables>`;
    const { bytes } = await foreignQdpx(sets, variable);
    const { backend } = await withProject();
    applyRefi(backend.project()!, await readQdpx(bytes), 'f.qdpx', 'Boris', false);
    const region = (await backend.call('attributes.list', {})).find((a) => a.name === 'Region')!;
    expect([region.type, region.choices]).toEqual(['choice', ['Asia']]);
    expect(await groups(backend)).toEqual([{ name: 'Region', type: 'choice', members: ['Asia: Interview 1'] }]);
  });

  it('a set that is no partition (overlapping members) or has a plain name becomes a yes/no attribute, "yes" on its members', async () => {
    const { bytes } = await foreignQdpx(
      `<Set guid="${setGuid(1)}" name="Topic: trade"><MemberSource targetGUID="{00000001-aaaa-4aaa-8aaa-000000000001}"/><MemberSource targetGUID="{00000002-aaaa-4aaa-8aaa-000000000002}"/></Set>` +
        `<Set guid="${setGuid(2)}" name="Topic: security"><MemberSource targetGUID="{00000002-aaaa-4aaa-8aaa-000000000002}"/></Set>` +
        `<Set guid="${setGuid(3)}" name="Key interviews"><MemberSource targetGUID="{00000003-aaaa-4aaa-8aaa-000000000003}"/></Set>`,
    );
    const { backend } = await withProject();
    const result = applyRefi(backend.project()!, await readQdpx(bytes), 'f.qdpx', 'Boris', false);
    expect(result.sets).toEqual({ new: 3, unchanged: 0 });
    expect(await groups(backend)).toEqual([
      { name: 'Topic: trade', type: 'boolean', members: ['yes: Interview 1', 'yes: Interview 2'] },
      { name: 'Topic: security', type: 'boolean', members: ['yes: Interview 2'] },
      { name: 'Key interviews', type: 'boolean', members: ['yes: Interview 3'] },
    ]);
  });

  it('a set naming 100,000 member sources is skipped by the limit, and members that are no sources of the file are skipped with a reason', async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `<MemberSource targetGUID="${`{${i.toString(16).padStart(8, '0')}-bbbb-4bbb-8bbb-000000000000}`}"/>`).join('');
    const { bytes } = await foreignQdpx(
      `<Set guid="${setGuid(1)}" name="Everything">${many}</Set>` +
        `<Set guid="${setGuid(2)}" name="Mixed"><MemberSource targetGUID="{00000001-aaaa-4aaa-8aaa-000000000001}"/><MemberSource targetGUID="{99999999-aaaa-4aaa-8aaa-000000000009}"/></Set>`,
    );
    const { backend } = await withProject();
    const file = await readQdpx(bytes);
    expect(100_000).toBeGreaterThan(REFI_LIMITS.maxSetMembers);
    const result = applyRefi(backend.project()!, file, 'f.qdpx', 'Boris', false);
    expect(result.skipped.map((s) => [s.kind, s.name, s.reason])).toEqual([
      ['set', 'Everything', 'too-many-members'],
      ['set', 'Mixed', 'unknown-members'],
    ]);
    expect(result.skipped.every((s) => !s.why.includes('bbbb') && !s.why.includes('9999'))).toBe(true);
    expect(await groups(backend)).toEqual([{ name: 'Mixed', type: 'boolean', members: ['yes: Interview 1'] }]);
  });
});
