/** The dossier follows the code system: findings in tree order, subtags named by their path, codebook definitions on request. */
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../shared/dossier';
import { claimOn, importCorpus, withProject } from '../core/helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const K2 = 'Казахстан как транспортный хаб срединной части Евразии является очень важным партнером для региональных и внерегиональных игроков.';

async function nested() {
  const { backend } = await withProject();
  const { kazpravda } = await importCorpus(backend);
  const [economic, security] = await backend.call('tags.list', {});
  const sanctions = await backend.call('tags.create', { name: 'sanctions' });
  await backend.call('tags.move', { id: sanctions.id, parentId: economic!.id });
  await backend.call('tags.describe', { id: sanctions.id, definition: 'Restrictive economic measures' });
  await claimOn(backend, kazpravda.id, K1, [sanctions.id]);
  await claimOn(backend, kazpravda.id, K2, [security!.id]);
  return backend;
}

const built = async (backend: Awaited<ReturnType<typeof nested>>, format: 'json' | 'md', descriptions: boolean) =>
  Buffer.from((await backend.call('export.build', { format, options: { descriptions, untagged: false } })).dataBase64, 'base64').toString('utf8');

describe('the dossier and the code system', () => {
  it('groups findings by the tree: each parent followed by its subtags, named by their path', async () => {
    const backend = await nested();
    const d = JSON.parse(await built(backend, 'json', false)) as Dossier;
    expect(d.findings.map((f) => [f.tag?.path ?? f.tag?.name, f.claimIds.length])).toEqual([
      ['economic', 0],
      ['economic ▸ sanctions', 1],
      ['security', 1],
      ['interfaith', 0],
    ]);
    expect(d.findings.every((f) => f.tag?.definition === undefined)).toBe(true);
    const md = await built(backend, 'md', false);
    expect(md).toContain('### economic ▸ sanctions (1)');
    expect(md).not.toContain('Restrictive economic measures');
  });

  it('prints a tag’s codebook definition under its heading only when asked', async () => {
    const backend = await nested();
    const md = await built(backend, 'md', true);
    expect(md).toContain('### economic ▸ sanctions (1)\n\n*Restrictive economic measures*\n');
  });
});
