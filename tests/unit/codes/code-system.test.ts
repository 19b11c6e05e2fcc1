/**
 * The code system in the core: nesting with its refusal of cycles, reordering, codebook entries,
 * merging and moving claims — each an undo step, each refusal changing nothing.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tagTree } from '../../../shared/tag-tree';
import { claimOn, expectAppError, importCorpus, readRows, withProject } from '../core/helpers';

async function setUp() {
  const fixture = await withProject();
  const docs = await importCorpus(fixture.backend);
  const [economic, security, interfaith] = await fixture.backend.call('tags.list', {});
  const sanctions = await fixture.backend.call('tags.create', { name: 'sanctions' });
  return { ...fixture, ...docs, economic: economic!, security: security!, interfaith: interfaith!, sanctions };
}

const tree = (tags: { id: string; name: string; parentId: string | null; position: number }[]) =>
  tagTree(tags).map((r) => `${'  '.repeat(r.depth)}${r.tag.name}`);

describe('a code system', () => {
  it('nests “sanctions” under “economic” and undo puts it back at the top level', async () => {
    const { backend, economic, sanctions } = await setUp();
    const tags = await backend.call('tags.move', { id: sanctions.id, parentId: economic.id });
    expect(tree(tags)).toEqual(['economic', '  sanctions', 'security', 'interfaith']);
    expect(await backend.call('history.state', {})).toMatchObject({ undoLabel: 'Nest tag “sanctions” under “economic”' });

    await backend.call('history.undo', {});
    expect(tree(await backend.call('tags.list', {}))).toEqual(['economic', 'security', 'interfaith', 'sanctions']);
    await backend.call('history.redo', {});
    expect(tree(await backend.call('tags.list', {}))).toEqual(['economic', '  sanctions', 'security', 'interfaith']);
  });

  it('a tag made its own ancestor is refused with a clear error and nothing changes', async () => {
    const { backend, projectPath, economic, sanctions } = await setUp();
    await backend.call('tags.move', { id: sanctions.id, parentId: economic.id });
    const before = readRows(projectPath, 'SELECT id, parent_id, position, modified_at FROM tags ORDER BY id');
    const history = await backend.call('history.state', {});

    const err = await expectAppError(backend.call('tags.move', { id: economic.id, parentId: sanctions.id }), 'bad-input');
    expect(err.message).toBe('“economic” cannot be nested under “sanctions”: a tag cannot be its own ancestor.');
    await expectAppError(backend.call('tags.move', { id: economic.id, parentId: economic.id }), 'bad-input');

    expect(readRows(projectPath, 'SELECT id, parent_id, position, modified_at FROM tags ORDER BY id')).toEqual(before);
    expect(await backend.call('history.state', {})).toEqual(history);
  });

  it('reorders siblings by index, and a tag moved out of its parent lands where it is put', async () => {
    const { backend, economic, security, interfaith, sanctions } = await setUp();
    expect(tree(await backend.call('tags.move', { id: interfaith.id, parentId: null, index: 0 }))).toEqual(['interfaith', 'economic', 'security', 'sanctions']);
    await backend.call('tags.move', { id: sanctions.id, parentId: economic.id });
    await backend.call('tags.move', { id: security.id, parentId: economic.id, index: 0 });
    expect(tree(await backend.call('tags.list', {}))).toEqual(['interfaith', 'economic', '  security', '  sanctions']);
    expect(tree(await backend.call('tags.move', { id: security.id, parentId: null, index: 1 }))).toEqual(['interfaith', 'security', 'economic', '  sanctions']);
  });

  it('deleting a parent moves its children up to its own parent, and undo nests them again', async () => {
    const { backend, economic, sanctions } = await setUp();
    await backend.call('tags.move', { id: sanctions.id, parentId: economic.id });
    await backend.call('tags.delete', { id: economic.id });
    expect(tree(await backend.call('tags.list', {}))).toEqual(['security', 'interfaith', 'sanctions']);
    await backend.call('history.undo', {});
    expect(tree(await backend.call('tags.list', {}))).toEqual(['economic', '  sanctions', 'security', 'interfaith']);
  });

  it('a codebook entry is saved field by field, is one undo step, and an overlong one is refused', async () => {
    const { backend, sanctions } = await setUp();
    await backend.call('tags.describe', { id: sanctions.id, definition: 'Restrictive economic measures', example: '«санкции против Ирана»' });
    const saved = await backend.call('tags.describe', { id: sanctions.id, useWhen: 'A claim names a sanction' });
    expect(saved).toMatchObject({ definition: 'Restrictive economic measures', useWhen: 'A claim names a sanction', avoidWhen: '', example: '«санкции против Ирана»' });
    expect((await backend.call('history.state', {})).undoLabel).toBe('Describe tag “sanctions”');
    await backend.call('history.undo', {});
    expect(await backend.call('tags.list', {})).toContainEqual(expect.objectContaining({ id: sanctions.id, useWhen: '', definition: 'Restrictive economic measures' }));

    const bad = await backend.dispatch('tags.describe', { id: sanctions.id, definition: 'x'.repeat(4001) });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('counts the claims of each tag', async () => {
    const { backend, kazpravda, economic, security } = await setUp();
    await claimOn(backend, kazpravda.id, 'Вашингтон', [economic.id, security.id]);
    await claimOn(backend, kazpravda.id, 'Казахстан', [economic.id]);
    const tags = await backend.call('tags.list', {});
    expect(Object.fromEntries(tags.map((t) => [t.name, t.claims]))).toEqual({ economic: 2, security: 1, interfaith: 0, sanctions: 0 });
  });

  it('merging two tags keeps every claim coded, tags none twice, leaves a tombstone naming the survivor, and is undone whole', async () => {
    const { backend, projectPath, kazpravda, economic, security, sanctions } = await setUp();
    const both = await claimOn(backend, kazpravda.id, 'Вашингтон', [security.id, sanctions.id]);
    const only = await claimOn(backend, kazpravda.id, 'Казахстан', [sanctions.id]);
    const child = await backend.call('tags.create', { name: 'embargo' });
    await backend.call('tags.move', { id: child.id, parentId: sanctions.id });
    await backend.call('tags.move', { id: sanctions.id, parentId: economic.id });
    const before = readRows(projectPath, 'SELECT annotation_id, tag_id FROM annotation_tags ORDER BY annotation_id, tag_id');

    const result = await backend.call('tags.merge', { sourceId: sanctions.id, targetId: security.id });
    expect(result.moved).toBe(2);
    expect(result.step?.label).toEqual({ kind: 'tag.merge', params: { name: 'sanctions', target: 'security', count: 2 } });
    const claims = await backend.call('annotations.list', {});
    expect(claims.find((c) => c.id === both.id)!.tagIds).toEqual([security.id]);
    expect(claims.find((c) => c.id === only.id)!.tagIds).toEqual([security.id]);
    expect(tree(await backend.call('tags.list', {}))).toEqual(['economic', 'security', '  embargo', 'interfaith']);
    expect(readRows(projectPath, 'SELECT merged_into, deleted_at IS NOT NULL AS dead FROM tags WHERE id = ?', sanctions.id)).toEqual([
      { merged_into: security.id, dead: 1 },
    ]);

    await backend.call('history.undo', { expectedStep: result.step!.id });
    expect(readRows(projectPath, 'SELECT annotation_id, tag_id FROM annotation_tags ORDER BY annotation_id, tag_id')).toEqual(before);
    expect(tree(await backend.call('tags.list', {}))).toEqual(['economic', '  sanctions', '    embargo', 'security', 'interfaith']);
    expect(readRows(projectPath, 'SELECT merged_into, deleted_at FROM tags WHERE id = ?', sanctions.id)).toEqual([{ merged_into: null, deleted_at: null }]);
  });

  it('merging a parent into its own child puts the child in the parent’s place instead of making a cycle', async () => {
    const { backend, economic, sanctions, security } = await setUp();
    await backend.call('tags.move', { id: sanctions.id, parentId: economic.id });
    await backend.call('tags.move', { id: security.id, parentId: economic.id });
    await backend.call('tags.merge', { sourceId: economic.id, targetId: sanctions.id });
    expect(tree(await backend.call('tags.list', {}))).toEqual(['sanctions', '  security', 'interfaith']);
  });

  it('moving all claims of a tag to another keeps the tag, tags none twice, and a tag merged with itself is refused', async () => {
    const { backend, projectPath, kazpravda, economic, security } = await setUp();
    const both = await claimOn(backend, kazpravda.id, 'Вашингтон', [economic.id, security.id]);
    await claimOn(backend, kazpravda.id, 'Казахстан', [economic.id]);
    const result = await backend.call('tags.moveClaims', { sourceId: economic.id, targetId: security.id });
    expect(result.moved).toBe(2);
    expect((await backend.call('annotations.list', {})).find((c) => c.id === both.id)!.tagIds).toEqual([security.id]);
    const tags = await backend.call('tags.list', {});
    expect(tags.find((t) => t.id === economic.id)!.claims).toBe(0);
    expect(tags.find((t) => t.id === security.id)!.claims).toBe(2);

    const before = readRows(projectPath, 'SELECT * FROM annotation_tags ORDER BY 1, 2');
    const err = await expectAppError(backend.call('tags.merge', { sourceId: security.id, targetId: security.id }), 'bad-input');
    expect(err.message).toBe('“security” cannot be merged with itself: choose another tag.');
    expect(readRows(projectPath, 'SELECT * FROM annotation_tags ORDER BY 1, 2')).toEqual(before);
  });

  it('an undo that would make a tag its own ancestor after an outside change is refused', async () => {
    const { backend, projectPath, economic, sanctions } = await setUp();
    await backend.call('tags.move', { id: sanctions.id, parentId: economic.id });
    await backend.call('tags.move', { id: sanctions.id, parentId: null });
    // A change outside the history (as a colleague's merge makes): economic now hangs from sanctions.
    const outside = new Database(projectPath);
    outside.prepare('UPDATE tags SET parent_id = ? WHERE id = ?').run(sanctions.id, economic.id);
    outside.close();
    const err = await expectAppError(backend.call('history.undo', {}), 'conflict');
    expect(err.message).toMatch(/a tag would become its own ancestor/);
    expect(readRows(projectPath, 'SELECT parent_id FROM tags WHERE id = ?', sanctions.id)).toEqual([{ parent_id: null }]);
  });
});
