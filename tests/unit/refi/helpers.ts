/** Set-up for the REFI-QDA tests: a corpus project with every kind of record, and schema validation. */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { validateXML } from 'xmllint-wasm';
import { expect } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { claimOn, importCorpus, lexicalNote, RESOURCES_DIR } from '../core/helpers';

export const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
export const K2 = 'Казахстан как транспортный хаб срединной части Евразии является очень важным партнером для региональных и внерегиональных игроков.';

/** The corpus with nested tags and a codebook entry, claims, a claim note, a link with its note, memos and attributes. */
export async function richProject(backend: Backend) {
  await backend.call('settings.update', { author: 'Aliya' });
  const docs = await importCorpus(backend);
  const [economic, security] = await backend.call('tags.list', {});
  const sanctions = await backend.call('tags.create', { name: 'sanctions' });
  await backend.call('tags.move', { id: sanctions.id, parentId: economic!.id });
  await backend.call('tags.describe', { id: sanctions.id, definition: 'Ограничительные меры', useWhen: 'меры против государства', example: '«санкции против Ирана»' });
  const k1 = await claimOn(backend, docs.kazpravda.id, K1, [economic!.id, sanctions.id]);
  const { text: caravan } = await backend.call('documents.get', { id: docs.caravan.id });
  const phrase = caravan.split('\n').find((p) => p.length > 60)!.slice(0, 60).trim();
  const c1 = await claimOn(backend, docs.caravan.id, phrase, [security!.id]);
  await backend.call('notes.save', { owner: { kind: 'annotation', id: k1.id }, json: lexicalNote('Главный итог визита') });
  const relations = await backend.call('relations.list', {});
  const supports = relations.find((r) => r.builtin === 'supports')!;
  const link = await backend.call('links.create', { fromId: k1.id, toId: c1.id, relationId: supports.id });
  await backend.call('notes.save', { owner: { kind: 'link', id: link.id }, json: lexicalNote('Оба о значении визита') });
  await backend.call('memos.save', { owner: { kind: 'project' }, json: lexicalNote('Общий вывод по трём интервью') });
  await backend.call('memos.save', { owner: { kind: 'document', id: docs.zakon.id }, json: lexicalNote('Бадамов осторожен') });
  await backend.call('memos.save', { owner: { kind: 'tag', id: sanctions.id }, json: lexicalNote('Только официальные меры') });
  const region = await backend.call('attributes.create', { name: 'region', type: 'text' });
  await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.kazpravda.id }, attributeId: region.id, value: 'Астана' });
  const grading = (await backend.call('attributes.list', {})).find((a) => a.builtin === 'reliability')!;
  await backend.call('attributes.setValue', { owner: { kind: 'document', id: docs.caravan.id }, attributeId: grading.id, value: 'B' });
  return { docs, k1, c1, link, sanctions, economic: economic!, security: security! };
}

const schema = (file: string) => fs.readFileSync(path.join(RESOURCES_DIR, 'refi', file), 'utf8');

/** Validates `xml` against the REFI-QDA schema with libxml2 (xmllint-wasm); fails the test with the validator's errors. */
export async function expectValid(xml: string, kind: 'project' | 'codebook'): Promise<void> {
  const result = await validateXML({
    xml: [{ fileName: kind === 'project' ? 'project.qde' : 'codebook.qdc', contents: xml }],
    schema: [schema(kind === 'project' ? 'Project.xsd' : 'Codebook.xsd')],
  });
  expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(result.valid).toBe(true);
}

/** The `project.qde` of a `.qdpx`. */
export async function qdeOf(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('project.qde')!.async('string');
}

/** A `.qdpx` built in the test from its parts. */
export async function buildQdpx(entries: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
