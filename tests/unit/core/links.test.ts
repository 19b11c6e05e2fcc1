/** Relation types and links between claims across articles, on a real project file with the corpus. */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { claimOn, importCorpus, ISO_TIME_RE, lexicalNote, readRows, UUID_RE, withProject } from './helpers';

/** Three claims on the same fact in three articles: Kazakhstan joining the Abraham Accords. */
async function accordsClaims(backend: Backend) {
  const docs = await importCorpus(backend);
  const velizade = await claimOn(backend, docs.kazpravda.id, 'решение о присоединении Казахстана к Соглашениям Авраама');
  const kazantsev = await claimOn(backend, docs.caravan.id, 'коммерческие соглашения более чем на 17 млрд долларов');
  const badamov = await claimOn(backend, docs.zakon.id, 'присоединении к Авраамским соглашениям');
  const relations = await backend.call('relations.list', {});
  const byKey = Object.fromEntries(relations.map((r) => [r.builtin, r]));
  return { ...docs, velizade, kazantsev, badamov, supports: byKey.supports!, contradicts: byKey.contradicts!, same: byKey['same-claim']!, elaborates: byKey.elaborates! };
}

describe('relation types', () => {
  it('a new project has the four built-ins, each readable both ways', async () => {
    const { backend } = await withProject();
    const relations = await backend.call('relations.list', {});
    expect(relations.map((r) => [r.name, r.inverseName, r.symmetric, r.builtin])).toEqual([
      ['supports', 'is supported by', false, 'supports'],
      ['contradicts', 'contradicts', true, 'contradicts'],
      ['elaborates', 'is elaborated by', false, 'elaborates'],
      ['same claim', 'same claim', true, 'same-claim'],
    ]);
    for (const r of relations) {
      expect(r.id).toMatch(UUID_RE);
      expect(r.createdAt).toMatch(ISO_TIME_RE);
    }
    // The same ids in every project, so colleagues' files agree on them.
    const other = await withProject('Other');
    expect((await other.backend.call('relations.list', {})).map((r) => r.id)).toEqual(relations.map((r) => r.id));
  });

  it('creates, renames and deletes the user’s own; names are unique whatever their case, Cyrillic too', async () => {
    const { backend } = await withProject();
    const causes = await backend.call('relations.create', { name: ' Обусловливает ', inverseName: 'обусловлено' });
    expect(causes).toMatchObject({ name: 'Обусловливает', inverseName: 'обусловлено', symmetric: false, builtin: null, position: 4 });
    // Without an inverse name, the relation reads its own name both ways.
    expect(await backend.call('relations.create', { name: 'echoes' })).toMatchObject({ inverseName: 'echoes', symmetric: false });
    // A symmetric relation's inverse is its name, whatever was sent.
    expect(await backend.call('relations.create', { name: 'parallels', inverseName: 'x', symmetric: true })).toMatchObject({
      name: 'parallels',
      inverseName: 'parallels',
      symmetric: true,
    });

    for (const name of ['ОБУСЛОВЛИВАЕТ', 'Supports', 'SAME CLAIM']) {
      expect(await backend.dispatch('relations.create', { name }), name).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    expect(await backend.dispatch('relations.update', { id: causes.id, name: 'contradicts' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    // Changing only the case of its own name is not a clash.
    expect((await backend.call('relations.update', { id: causes.id, name: 'обусловливает' })).name).toBe('обусловливает');

    const symmetric = await backend.call('relations.update', { id: causes.id, symmetric: true });
    expect(symmetric).toMatchObject({ symmetric: true, inverseName: 'обусловливает' });
    const back = await backend.call('relations.update', { id: causes.id, symmetric: false, inverseName: 'обусловлено' });
    expect(back).toMatchObject({ symmetric: false, inverseName: 'обусловлено' });

    expect(await backend.call('relations.delete', { id: causes.id })).toMatchObject({ step: { id: expect.any(Number) } });
    expect((await backend.call('relations.list', {})).map((r) => r.name)).not.toContain('обусловливает');
    expect(await backend.dispatch('relations.delete', { id: causes.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A deleted relation frees its name.
    expect((await backend.call('relations.create', { name: 'Обусловливает' })).id).not.toBe(causes.id);
  });

  it('built-ins can be renamed, but neither deleted nor made one-way or two-way', async () => {
    const { backend } = await withProject();
    const [supports, contradicts] = await backend.call('relations.list', {});
    const renamed = await backend.call('relations.update', { id: supports!.id, name: 'подтверждает', inverseName: 'подтверждается' });
    expect(renamed).toMatchObject({ name: 'подтверждает', inverseName: 'подтверждается', builtin: 'supports' });
    expect(await backend.dispatch('relations.delete', { id: supports!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await backend.dispatch('relations.update', { id: supports!.id, symmetric: true })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await backend.dispatch('relations.update', { id: contradicts!.id, symmetric: false })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect((await backend.call('relations.list', {})).length).toBe(4);
  });

  it('a relation in use cannot be deleted until its links are gone; nor made symmetric over mirrored links', async () => {
    const { backend } = await withProject();
    const c = await accordsClaims(backend);
    const echoes = await backend.call('relations.create', { name: 'echoes', inverseName: 'is echoed by' });
    const there = await backend.call('links.create', { fromId: c.velizade.id, toId: c.badamov.id, relationId: echoes.id });
    const back = await backend.call('links.create', { fromId: c.badamov.id, toId: c.velizade.id, relationId: echoes.id });

    const refused = await backend.dispatch('relations.delete', { id: echoes.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('2 links');
    expect(await backend.dispatch('relations.update', { id: echoes.id, symmetric: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    await backend.call('links.delete', { id: back.id });
    expect((await backend.call('relations.update', { id: echoes.id, symmetric: true })).symmetric).toBe(true);
    await backend.call('links.delete', { id: there.id });
    expect(await backend.call('relations.delete', { id: echoes.id })).toMatchObject({ step: { id: expect.any(Number) } });
  });
});

describe('links', () => {
  it('links claims across articles, lists them all or per claim, and changes their relation', async () => {
    const { backend } = await withProject();
    const c = await accordsClaims(backend);
    const author = (await backend.call('settings.get', {})).author;
    const same = await backend.call('links.create', { fromId: c.velizade.id, toId: c.badamov.id, relationId: c.same.id });
    expect(same).toMatchObject({ fromId: c.velizade.id, toId: c.badamov.id, relationId: c.same.id, noteText: '', author });
    expect(same.id).toMatch(UUID_RE);
    expect(same.createdAt).toMatch(ISO_TIME_RE);
    const elaborates = await backend.call('links.create', { fromId: c.kazantsev.id, toId: c.velizade.id, relationId: c.elaborates.id });

    expect(await backend.call('links.list', {})).toEqual([same, elaborates]);
    expect(await backend.call('links.list', { annotationId: c.velizade.id })).toEqual([same, elaborates]);
    expect(await backend.call('links.list', { annotationId: c.badamov.id })).toEqual([same]);
    expect(await backend.call('links.list', { annotationId: c.kazantsev.id })).toEqual([elaborates]);

    const changed = await backend.call('links.update', { id: elaborates.id, relationId: c.supports.id });
    expect(changed).toMatchObject({ id: elaborates.id, relationId: c.supports.id, createdAt: elaborates.createdAt });
    expect(changed.modifiedAt >= elaborates.modifiedAt).toBe(true);
    expect(await backend.dispatch('links.update', { id: elaborates.id, relationId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses a second live link of the same relation between the same claims; symmetric ones both ways', async () => {
    const { backend } = await withProject();
    const c = await accordsClaims(backend);
    await backend.call('links.create', { fromId: c.velizade.id, toId: c.badamov.id, relationId: c.supports.id });
    await backend.call('links.create', { fromId: c.velizade.id, toId: c.badamov.id, relationId: c.contradicts.id });

    const again = await backend.dispatch('links.create', { fromId: c.velizade.id, toId: c.badamov.id, relationId: c.supports.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!again.ok) expect(again.error.message).toContain('supports');
    // "contradicts" reads the same both ways: b→a is the link a→b again.
    const mirrored = await backend.dispatch('links.create', { fromId: c.badamov.id, toId: c.velizade.id, relationId: c.contradicts.id });
    expect(mirrored).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!mirrored.ok) expect(mirrored.error.message).toMatch(/both ways/);
    // "supports" does not: b supports a is another statement.
    const reverse = await backend.call('links.create', { fromId: c.badamov.id, toId: c.velizade.id, relationId: c.supports.id });
    // Nor can a change of relation make a duplicate.
    expect(await backend.dispatch('links.update', { id: reverse.id, relationId: c.contradicts.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await backend.call('links.list', {})).toHaveLength(3);

    // Once deleted, the same link can be made again.
    const [first] = await backend.call('links.list', {});
    await backend.call('links.delete', { id: first!.id });
    await backend.call('links.create', { fromId: c.velizade.id, toId: c.badamov.id, relationId: c.supports.id });
    expect(await backend.call('links.list', {})).toHaveLength(3);
  });

  it('refuses a self-link, a deleted or unknown claim, and an unknown relation, storing nothing', async () => {
    const { backend, projectPath } = await withProject();
    const c = await accordsClaims(backend);
    const self = await backend.dispatch('links.create', { fromId: c.velizade.id, toId: c.velizade.id, relationId: c.supports.id });
    expect(self).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    if (!self.ok) expect(self.error.message).toMatch(/itself/);

    await backend.call('annotations.delete', { id: c.kazantsev.id });
    for (const [fromId, toId] of [
      [c.velizade.id, c.kazantsev.id],
      [c.kazantsev.id, c.velizade.id],
      [c.velizade.id, '00000000-0000-4000-8000-000000000000'],
    ]) {
      expect(await backend.dispatch('links.create', { fromId, toId, relationId: c.supports.id })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    }
    expect(await backend.dispatch('links.create', { fromId: c.velizade.id, toId: c.badamov.id, relationId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(readRows(projectPath, 'SELECT id FROM links')).toEqual([]);
  });

  it('deleting leaves a tombstone; a second delete is not-found', async () => {
    const { backend, projectPath } = await withProject();
    const c = await accordsClaims(backend);
    const link = await backend.call('links.create', { fromId: c.velizade.id, toId: c.badamov.id, relationId: c.same.id });
    expect(await backend.call('links.delete', { id: link.id })).toMatchObject({ step: { id: expect.any(Number) } });
    expect(await backend.call('links.list', {})).toEqual([]);
    const [row] = readRows(projectPath, 'SELECT deleted_at FROM links WHERE id = ?', link.id);
    expect(row!.deleted_at).toMatch(ISO_TIME_RE);
    expect(await backend.dispatch('links.delete', { id: link.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await backend.dispatch('links.update', { id: link.id, relationId: c.supports.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('deleting a claim tombstones its links in the same step; other links stay', async () => {
    const { backend, projectPath } = await withProject();
    const c = await accordsClaims(backend);
    const a = await backend.call('links.create', { fromId: c.velizade.id, toId: c.badamov.id, relationId: c.same.id });
    const b = await backend.call('links.create', { fromId: c.kazantsev.id, toId: c.velizade.id, relationId: c.elaborates.id });
    const keep = await backend.call('links.create', { fromId: c.kazantsev.id, toId: c.badamov.id, relationId: c.supports.id });

    await backend.call('annotations.delete', { id: c.velizade.id });
    expect(await backend.call('links.list', {})).toEqual([keep]);
    const rows = readRows(projectPath, 'SELECT id, deleted_at FROM links WHERE id IN (?, ?)', a.id, b.id);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.deleted_at).toMatch(ISO_TIME_RE);
    expect(await backend.call('history.state', {})).toMatchObject({ undoLabel: 'Delete claim' });
  });

  it('deleting a document tombstones the links of its claims, from either side', async () => {
    const { backend, projectPath } = await withProject();
    const c = await accordsClaims(backend);
    const from = await backend.call('links.create', { fromId: c.velizade.id, toId: c.badamov.id, relationId: c.same.id });
    const to = await backend.call('links.create', { fromId: c.kazantsev.id, toId: c.velizade.id, relationId: c.elaborates.id });
    const keep = await backend.call('links.create', { fromId: c.kazantsev.id, toId: c.badamov.id, relationId: c.supports.id });

    await backend.call('documents.delete', { id: c.kazpravda.id });
    expect(await backend.call('links.list', {})).toEqual([keep]);
    for (const id of [from.id, to.id]) {
      expect(readRows(projectPath, 'SELECT deleted_at FROM links WHERE id = ?', id)[0]!.deleted_at).toMatch(ISO_TIME_RE);
    }
  });

  it('a link carries the plain text of its note', async () => {
    const { backend } = await withProject();
    const c = await accordsClaims(backend);
    const link = await backend.call('links.create', { fromId: c.velizade.id, toId: c.badamov.id, relationId: c.same.id });
    await backend.call('notes.save', { owner: { kind: 'link', id: link.id }, json: lexicalNote('Оба эксперта', 'говорят об одном') });
    expect((await backend.call('links.list', {}))[0]!.noteText).toBe('Оба эксперта\nговорят об одном');
  });
});

describe('coding matrix', () => {
  it('counts live claims per tag and document, and the untagged ones, in one answer', async () => {
    const { backend } = await withProject();
    const { kazpravda, caravan, zakon } = await importCorpus(backend);
    const [economic, security, interfaith] = await backend.call('tags.list', {});
    await claimOn(backend, kazpravda.id, 'Президент', [economic!.id, security!.id]);
    await claimOn(backend, kazpravda.id, 'Вашингтон', [economic!.id]);
    await claimOn(backend, kazpravda.id, 'Трампом', []);
    await claimOn(backend, caravan.id, '17 млрд долларов', [economic!.id]);
    const gone = await claimOn(backend, caravan.id, 'Белом доме', [interfaith!.id]);
    await backend.call('annotations.delete', { id: gone.id });
    const deadTag = await backend.call('tags.create', { name: 'temporary' });
    await claimOn(backend, zakon.id, 'Казахстан', [deadTag.id]);
    await backend.call('tags.delete', { id: deadTag.id });

    const { cells } = await backend.call('matrix.get', {});
    const key = (c: { tagId: string | null; documentId: string }) => `${c.tagId}@${c.documentId}`;
    expect(Object.fromEntries(cells.map((c) => [key(c), c.count]))).toEqual({
      [`${economic!.id}@${kazpravda.id}`]: 2,
      [`${security!.id}@${kazpravda.id}`]: 1,
      [`null@${kazpravda.id}`]: 1,
      [`${economic!.id}@${caravan.id}`]: 1,
      // A claim whose only tag was deleted counts as untagged.
      [`null@${zakon.id}`]: 1,
    });
    expect(cells).toHaveLength(5);

    await backend.call('documents.delete', { id: kazpravda.id });
    expect((await backend.call('matrix.get', {})).cells.map((c) => c.documentId)).not.toContain(kazpravda.id);
  });
});
