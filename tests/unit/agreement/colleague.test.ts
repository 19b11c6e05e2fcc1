/** Agreement after the usual way two coders meet: one imports the other's annotation file. */
import { describe, expect, it } from 'vitest';
import { claimOn, importCorpus } from '../core/helpers';
import { analyst, exportFrom, importInto } from '../share/helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const K2 = 'Казахстан как транспортный хаб срединной части Евразии является очень важным партнером для региональных и внерегиональных игроков.';

async function codeOwn(name: string, plan: [string, string][]) {
  const a = await analyst(name);
  const { kazpravda } = await importCorpus(a.backend);
  const tags = await a.backend.call('tags.list', {});
  for (const [phrase, tag] of plan) await claimOn(a.backend, kazpravda.id, phrase, [tags.find((t) => t.name === tag)!.id]);
  return a;
}

describe('agreement with a colleague’s merged annotation file', () => {
  it('compares the two coders once the colleague’s file is imported, on the merged tags', async () => {
    const anna = await codeOwn('Anna', [
      [K1, 'economic'],
      [K2, 'economic'],
    ]);
    const boris = await codeOwn('Boris', [
      [K1, 'economic'],
      [K2, 'security'],
    ]);
    expect((await boris.backend.call('agreement.get', {})).authors).toEqual(['Boris']);
    await importInto(boris, 'anna.crossread.json', await exportFrom(anna));
    const r = await boris.backend.call('agreement.get', {});
    expect(r.authors).toEqual(['Anna', 'Boris']);
    expect(r.tags.map((t) => t.name)).toEqual(['economic', 'security']);
    expect(r.overall.documents).toBe(1);
    expect(r.disagreements.map((d) => [d.kind, d.left!.author, d.right!.author, d.left!.exact])).toEqual([['differentTags', 'Anna', 'Boris', K2]]);
    const economic = r.byTag.find((t) => t.label === 'economic')!.pairs[0]!;
    // Both coded K1's paragraph economic; only Anna coded K2's: 24 of 25 paragraphs agree.
    expect(economic.paragraph).toMatchObject({ units: 25, agreement: 24 / 25 });
  });
});
