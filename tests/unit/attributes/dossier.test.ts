/** The dossier carries source attributes: the sources table shows them, CSV and JSON carry them and each claim's grade. */
import { describe, expect, it } from 'vitest';
import { CREDIBILITY_ID, RELIABILITY_ID } from '../../../shared/attributes';
import type { Dossier } from '../../../shared/dossier';
import { claimOn, importCorpus, withProject } from '../core/helpers';

async function gradedProject() {
  const { backend } = await withProject();
  const docs = await importCorpus(backend);
  const country = await backend.call('attributes.create', { name: "expert's country", type: 'choice', choices: ['Azerbaijan', 'Kazakhstan', 'Russia'] });
  const doc = { kind: 'document' as const, id: docs.kazpravda.id };
  await backend.call('attributes.setValue', { owner: doc, attributeId: country.id, value: 'Azerbaijan' });
  await backend.call('attributes.setValue', { owner: doc, attributeId: RELIABILITY_ID, value: 'B' });
  await backend.call('attributes.setValue', { owner: doc, attributeId: CREDIBILITY_ID, value: '2' });
  const [economic] = await backend.call('tags.list', {});
  const plain = await claimOn(backend, docs.kazpravda.id, 'Соглашениям Авраама', [economic!.id]);
  const hearsay = await claimOn(backend, docs.kazpravda.id, 'Касым-Жомарт Токаев', [economic!.id]);
  await backend.call('attributes.setValue', { owner: { kind: 'annotation', id: hearsay.id }, attributeId: CREDIBILITY_ID, value: '4' });
  return { backend, docs, plain, hearsay };
}

const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

describe('attributes in the dossier', () => {
  it('JSON carries each source’s values and each claim’s grade, its own override first', async () => {
    const { backend, docs, plain, hearsay } = await gradedProject();
    const json = JSON.parse(decode((await backend.call('export.build', { format: 'json', options: {} })).dataBase64)) as Dossier;
    expect(json.sources.find((s) => s.id === docs.kazpravda.id)?.attributes).toEqual([
      { name: 'Source reliability', value: 'B' },
      { name: 'Information credibility', value: '2' },
      { name: "expert's country", value: 'Azerbaijan' },
    ]);
    expect(json.sources.find((s) => s.id === docs.caravan.id)?.attributes).toEqual([]);
    expect(json.claims.find((c) => c.id === plain.id)?.grade).toBe('B2');
    expect(json.claims.find((c) => c.id === hearsay.id)?.grade).toBe('B4');
  });

  it('CSV has grade and source attribute columns; HTML and Markdown show an attributes column in the sources table, in Russian too', async () => {
    const { backend } = await gradedProject();
    const csv = decode((await backend.call('export.build', { format: 'csv', options: {} })).dataBase64);
    const [head, ...rows] = csv.trim().split('\r\n');
    expect(head!.endsWith(',links,grade,source attributes')).toBe(true);
    expect(rows.some((r) => r.includes(',B4,'))).toBe(true);
    expect(rows.some((r) => r.endsWith("Source reliability: B; Information credibility: 2; expert's country: Azerbaijan"))).toBe(true);

    const html = decode((await backend.call('export.build', { format: 'html', options: { language: 'ru' } })).dataBase64);
    expect(html).toContain('<th>Атрибуты</th>');
    expect(html).toContain('Надёжность источника: B; Достоверность информации: 2; expert&#39;s country: Azerbaijan');
    expect(html).toContain('Оценка B4');
    const md = decode((await backend.call('export.build', { format: 'md', options: {} })).dataBase64);
    expect(md).toContain('| Attributes |');
  });
});
