/**
 * The undo journal on the tables every change the user makes reaches (migration 0005): tags, link
 * types, document details and deletion, and clearing a note. Each round trip compares the rows in
 * the file, every column but `modified_at` (an undo stamps the time of the reversal there, so a
 * merge sees it as the newest change).
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { claimOn, expectAppError, importCorpus, lexicalNote, makeBackend, readRows, withProject } from './helpers';

async function setUp() {
  const fixture = await withProject();
  const docs = await importCorpus(fixture.backend);
  const [economic, security] = await fixture.backend.call('tags.list', {});
  const relations = await fixture.backend.call('relations.list', {});
  return { ...fixture, ...docs, economic: economic!, security: security!, supports: relations[0]! };
}

/**
 * Every row of `table`, every column but modified_at, in a stable order. With `live`, only rows
 * that are not tombstones: undoing a creation tombstones the row rather than removing it, so a
 * colleague who already received it merges its removal.
 */
function rows(file: string, table: string, live = false): Record<string, unknown>[] {
  const where = live ? 'WHERE deleted_at IS NULL' : '';
  const order = table === 'notes' ? 'owner_kind, owner_id' : 'rowid';
  return readRows(file, `SELECT * FROM ${table} ${where} ORDER BY ${order}`).map(({ modified_at: _, ...rest }) => rest);
}

async function undoRedoRoundTrip(backend: Backend, file: string, tables: string[], change: () => Promise<unknown>, live = false) {
  const before = tables.map((t) => rows(file, t, live));
  await change();
  const after = tables.map((t) => rows(file, t, live));
  expect(after).not.toEqual(before);
  await backend.call('history.undo', {});
  expect(tables.map((t) => rows(file, t, live))).toEqual(before);
  await backend.call('history.redo', {});
  expect(tables.map((t) => rows(file, t, live))).toEqual(after);
}

describe('every change the user makes is an undo step', () => {
  it('creating, renaming, recolouring and deleting a tag are undone and redone row for row', async () => {
    const { backend, projectPath, economic } = await setUp();
    let created = '';
    await undoRedoRoundTrip(
      backend,
      projectPath,
      ['tags'],
      async () => {
        created = (await backend.call('tags.create', { name: 'ресурсы' })).id;
      },
      true,
    );
    expect((await backend.call('history.state', {})).undo?.label).toEqual({ kind: 'tag.create', params: { name: 'ресурсы' } });
    await undoRedoRoundTrip(backend, projectPath, ['tags'], () => backend.call('tags.update', { id: created, name: 'Редкоземы' }));
    expect((await backend.call('history.state', {})).undo?.label).toEqual({ kind: 'tag.rename', params: { from: 'ресурсы', name: 'Редкоземы' } });
    await undoRedoRoundTrip(backend, projectPath, ['tags'], () => backend.call('tags.update', { id: economic.id, color: '#123456' }));
    expect((await backend.call('history.state', {})).undo?.label).toEqual({ kind: 'tag.recolor', params: { name: 'economic' } });
    await undoRedoRoundTrip(backend, projectPath, ['tags'], () => backend.call('tags.delete', { id: created }));
    expect((await backend.call('history.state', {})).undoLabel).toBe('Delete tag “Редкоземы”');
  });

  it('a deleted tag in use comes back by undo with its claims’ tagging, and the counts before deleting are right', async () => {
    const { backend, kazpravda, economic, security } = await setUp();
    const both = await claimOn(backend, kazpravda.id, 'Вашингтон', [economic.id, security.id]);
    const only = await claimOn(backend, kazpravda.id, 'Трампом', [economic.id]);
    await claimOn(backend, kazpravda.id, 'Казахстан', [security.id]);
    expect(await backend.call('tags.usage', { id: economic.id })).toEqual({ claims: 2, onlyTag: 1 });

    const { step } = await backend.call('tags.delete', { id: economic.id });
    expect(step?.label).toEqual({ kind: 'tag.delete', params: { name: 'economic' } });
    const tagsOf = async () => Object.fromEntries((await backend.call('annotations.list', {})).map((a) => [a.id, a.tagIds]));
    expect(await tagsOf()).toMatchObject({ [both.id]: [security.id], [only.id]: [] });

    const undone = await backend.call('history.undo', { expectedStep: step!.id });
    expect(undone.step).toEqual(step);
    expect((await backend.call('tags.list', {})).map((t) => t.name)).toContain('economic');
    expect(await tagsOf()).toMatchObject({ [both.id]: [economic.id, security.id], [only.id]: [economic.id] });
  });

  it('a restored tag whose name another tag took meanwhile (in another case, Cyrillic) is refused, and nothing changes', async () => {
    const { backend, home, projectPath } = await setUp();
    const tag = await backend.call('tags.create', { name: 'ресурсы' });
    await backend.call('tags.delete', { id: tag.id });
    backend.close();
    // Another program (not an undo step) takes the name back while the tag is deleted.
    const db = new Database(projectPath);
    db.prepare(`INSERT INTO tags (id, name, color, position, created_at, modified_at) VALUES ('t-other', 'РЕСУРСЫ', '#000000', 9, 'x', 'x')`).run();
    db.close();
    const reopened = makeBackend(home, { projectPath });
    const before = rows(projectPath, 'tags');
    const err = await expectAppError(reopened.call('history.undo', {}), 'conflict');
    expect(err.message).toMatch(/another tag is called/);
    expect(rows(projectPath, 'tags')).toEqual(before);
  });

  it('editing a document’s details is undone and redone row for row', async () => {
    const { backend, projectPath, caravan } = await setUp();
    await undoRedoRoundTrip(backend, projectPath, ['documents'], () =>
      backend.call('documents.update', { id: caravan.id, patch: { title: 'Интервью Казанцева', author: 'Казанцев', date: '2025-11-20' } }),
    );
    expect((await backend.call('history.state', {})).undo?.label.kind).toBe('document.update');
  });

  it('deleting a document is an undo step: undo brings back the document, its claims, their links and its search hits', async () => {
    const { backend, projectPath, kazpravda, zakon, supports } = await setUp();
    const a = await claimOn(backend, kazpravda.id, 'Вашингтон');
    const b = await claimOn(backend, zakon.id, 'Казахстан');
    await backend.call('links.create', { fromId: a.id, toId: b.id, relationId: supports.id });
    const hits = async () => (await backend.call('search.query', { q: 'Вашингтон', limit: 500 })).hits.filter((h) => h.documentId === kazpravda.id).length;
    const found = await hits();
    expect(found).toBeGreaterThan(0);

    await undoRedoRoundTrip(backend, projectPath, ['documents', 'annotations', 'links'], async () => {
      const { step } = await backend.call('documents.delete', { id: kazpravda.id });
      expect(step?.label.kind).toBe('document.delete');
      expect(await hits()).toBe(0);
    });
    // After the redo the document is gone again, and so are its hits; one more undo brings them back.
    expect(await hits()).toBe(0);
    await backend.call('history.undo', {});
    expect(await hits()).toBe(found);
    expect((await backend.call('documents.get', { id: kazpravda.id })).text.length).toBeGreaterThan(0);
    expect((await backend.call('links.list', {})).map((l) => l.fromId)).toEqual([a.id]);
  });

  it('creating, changing and deleting a link type are undone and redone row for row', async () => {
    const { backend, projectPath } = await setUp();
    let id = '';
    await undoRedoRoundTrip(
      backend,
      projectPath,
      ['relation_types'],
      async () => {
        id = (await backend.call('relations.create', { name: 'echoes', inverseName: 'is echoed by' })).id;
      },
      true,
    );
    await undoRedoRoundTrip(backend, projectPath, ['relation_types'], () => backend.call('relations.update', { id, name: 'вторит', symmetric: true }));
    await undoRedoRoundTrip(backend, projectPath, ['relation_types'], () => backend.call('relations.delete', { id }));
    expect((await backend.call('history.state', {})).undo?.label).toEqual({ kind: 'relation.delete', params: { name: 'вторит', builtin: '' } });
  });

  it('clearing a note is an undo step that brings the note (and its search hit) back; typing is not', async () => {
    const { backend, projectPath, kazpravda } = await setUp();
    const claim = await claimOn(backend, kazpravda.id, 'Вашингтон');
    const owner = { kind: 'annotation' as const, id: claim.id };
    await backend.call('notes.save', { owner, json: lexicalNote('редкоземельные металлы') });
    const noteHits = async () => (await backend.call('search.query', { q: 'редкоземельные' })).hits.filter((h) => h.kind === 'note').length;
    expect(await noteHits()).toBe(1);

    await undoRedoRoundTrip(backend, projectPath, ['notes'], async () => {
      await backend.call('notes.save', { owner, json: lexicalNote('') });
      expect(await noteHits()).toBe(0);
    });
    expect((await backend.call('history.state', {})).undo?.label).toEqual({ kind: 'note.clear', params: { owner: 'claim', quote: 'Вашингтон' } });
    await backend.call('history.undo', {});
    expect(await backend.call('notes.get', owner)).toMatchObject({ text: 'редкоземельные металлы' });
    expect(await noteHits()).toBe(1);
  });
});

describe('writes in the same millisecond', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('undoing a note’s clearing never overwrites what was typed into it since, even within the same millisecond', async () => {
    const { backend, kazpravda } = await setUp();
    const claim = await claimOn(backend, kazpravda.id, 'Вашингтон');
    const owner = { kind: 'annotation' as const, id: claim.id };
    // The clock stands still: every write happens "at once".
    vi.useFakeTimers({ now: new Date('2026-12-07T10:00:00.000Z'), toFake: ['Date'] });
    await backend.call('notes.save', { owner, json: lexicalNote('старая мысль') });
    await backend.call('notes.save', { owner, json: lexicalNote('') });
    await backend.call('notes.save', { owner, json: lexicalNote('новая мысль') });
    const err = await expectAppError(backend.call('history.undo', {}), 'conflict');
    expect(err.message).toMatch(/note has been edited since/);
    expect(await backend.call('notes.get', owner)).toMatchObject({ text: 'новая мысль' });
  });
});

describe('steps recorded before labels were structured', () => {
  it('keep their English label as an “other” step and can still be undone', async () => {
    const { backend, home, projectPath, kazpravda } = await setUp();
    await claimOn(backend, kazpravda.id, 'Вашингтон');
    backend.close();
    const db = new Database(projectPath);
    db.prepare('UPDATE undo_steps SET kind = NULL, params = NULL').run();
    db.close();
    const reopened = makeBackend(home, { projectPath });
    const state = await reopened.call('history.state', {});
    expect(state.undo?.label).toEqual({ kind: 'other', params: { text: 'Create claim' } });
    expect(state.undoLabel).toBe('Create claim');
    expect((await reopened.call('history.undo', {})).step.label.kind).toBe('other');
    expect(await reopened.call('annotations.list', {})).toEqual([]);
  });
});

describe('a step is undone only by a request made for it', () => {
  it('a stale toast’s Undo never undoes another step: undo naming a step that is no longer the newest is refused and changes nothing', async () => {
    const { backend, kazpravda, zakon, supports } = await setUp();
    const a = await claimOn(backend, kazpravda.id, 'Вашингтон');
    const b = await claimOn(backend, zakon.id, 'Казахстан');
    await backend.call('links.create', { fromId: a.id, toId: b.id, relationId: supports.id });
    const c = await claimOn(backend, zakon.id, 'Астаны');
    await backend.call('links.create', { fromId: c.id, toId: b.id, relationId: supports.id });
    const { step } = await backend.call('annotations.delete', { id: c.id });
    expect(step?.label).toEqual({ kind: 'claim.delete', params: { quote: 'Астаны' } });

    // Ctrl+Z brings the claim back; the toast made for the deletion must not undo anything else.
    const travel = await backend.call('history.undo', {});
    expect(travel.step.id).toBe(step!.id);
    const links = await backend.call('links.list', {});
    const err = await expectAppError(backend.call('history.undo', { expectedStep: step!.id }), 'conflict');
    expect(err.message).toMatch(/not undone/);
    expect(await backend.call('links.list', {})).toEqual(links);
    expect(await backend.call('annotations.list', {})).toHaveLength(3);
  });

  it('undo and redo say which step they reversed, with a label that names the thing', async () => {
    const { backend, kazpravda, zakon, supports } = await setUp();
    const a = await claimOn(backend, kazpravda.id, 'Вашингтон');
    const b = await claimOn(backend, zakon.id, 'Казахстан');
    const link = await backend.call('links.create', { fromId: a.id, toId: b.id, relationId: supports.id });
    const undone = await backend.call('history.undo', {});
    expect(undone.step.label).toEqual({ kind: 'link.create', params: { from: 'Вашингтон', to: 'Казахстан', relation: 'supports', builtin: 'supports' } });
    expect(undone.redo?.id).toBe(undone.step.id);
    const redone = await backend.call('history.redo', { expectedStep: undone.step.id });
    expect(redone.step).toEqual(undone.step);
    expect((await backend.call('links.list', {})).map((l) => l.id)).toEqual([link.id]);
  });
});
