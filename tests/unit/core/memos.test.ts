/**
 * Memos: the project's, a document's and a tag's, kept as notes on those owners — rich text with
 * author and times, searchable, and cleared only as an undo step.
 */
import { describe, expect, it } from 'vitest';
import { expectAppError, importCorpus, lexicalNote, withProject } from './helpers';

async function withCorpus() {
  const fixture = await withProject();
  const docs = await importCorpus(fixture.backend);
  const tags = await fixture.backend.call('tags.list', {});
  return { ...fixture, ...docs, economic: tags.find((t) => t.name === 'economic')! };
}

describe('memos', () => {
  it('keeps a project memo, a document memo and a tag memo with author and times, and lists the written ones in order', async () => {
    const { backend, kazpravda, economic } = await withCorpus();
    await backend.call('settings.update', { author: 'Аналитик' });
    expect(await backend.call('memos.get', { owner: { kind: 'project' } })).toMatchObject({ json: null, text: '', createdAt: null });
    expect(await backend.call('memos.list', {})).toEqual([]);

    const project = await backend.call('memos.save', { owner: { kind: 'project' }, json: lexicalNote('Три эксперта сходятся в оценке сделок') });
    expect(project).toMatchObject({ text: 'Три эксперта сходятся в оценке сделок', author: 'Аналитик' });
    expect(project.createdAt).toMatch(/Z$/);
    await backend.call('memos.save', { owner: { kind: 'tag', id: economic.id }, json: lexicalNote('Код для денег и торговли') });
    await backend.call('memos.save', { owner: { kind: 'document', id: kazpravda.id }, json: lexicalNote('Интервью с Велизаде') });

    const list = await backend.call('memos.list', {});
    expect(list.map((m) => [m.owner.kind, m.ownerName, m.text])).toEqual([
      ['project', '', 'Три эксперта сходятся в оценке сделок'],
      ['document', kazpravda.title, 'Интервью с Велизаде'],
      ['tag', 'economic', 'Код для денег и торговли'],
    ]);
    const again = await backend.call('memos.get', { owner: { kind: 'document', id: kazpravda.id } });
    expect(again.json).toContain('Интервью с Велизаде');
  });

  it('finds memos by search (any word form) and says whose memo matched', async () => {
    const { backend, economic } = await withCorpus();
    await backend.call('memos.save', { owner: { kind: 'project' }, json: lexicalNote('Проверить оценку инвестиций') });
    await backend.call('memos.save', { owner: { kind: 'tag', id: economic.id }, json: lexicalNote('Инвестиция, сделки') });
    const result = await backend.call('search.query', { q: 'инвестиция', limit: 5 });
    expect(result.memos.map((h) => [h.owner.kind, h.match])).toEqual([
      ['project', 'инвестиций'],
      ['tag', 'Инвестиция'],
    ]);
    // Memo hits do not count as document hits, so auto-coding never codes them.
    const docOnly = await backend.call('search.query', { q: 'инвестиция', limit: 5 });
    expect(docOnly.documentTotal).toBe(docOnly.total);
  });

  it('a cleared memo is an undo step that brings the text back, and typing is not', async () => {
    const { backend } = await withCorpus();
    await backend.call('memos.save', { owner: { kind: 'project' }, json: lexicalNote('Главный вывод') });
    await backend.call('memos.save', { owner: { kind: 'project' }, json: lexicalNote('Главный вывод проекта') });
    expect((await backend.call('history.state', {})).undo?.label.kind).not.toBe('memo.clear');
    await backend.call('memos.save', { owner: { kind: 'project' }, json: lexicalNote('') });
    const state = await backend.call('history.state', {});
    expect(state.undo?.label).toEqual({ kind: 'memo.clear', params: { owner: 'project', name: '' } });
    expect(state.undoLabel).toBe('Clear project memo');
    await backend.call('history.undo', {});
    expect((await backend.call('memos.get', { owner: { kind: 'project' } })).text).toBe('Главный вывод проекта');
    // The search index follows the undo.
    expect((await backend.call('search.query', { q: 'вывод', limit: 5 })).memos).toHaveLength(1);
  });

  it('a memo on a deleted document or tag is refused and hidden from the list; an invalid memo changes nothing', async () => {
    const { backend, caravan, economic } = await withCorpus();
    await backend.call('memos.save', { owner: { kind: 'tag', id: economic.id }, json: lexicalNote('Определение кода') });
    await backend.call('tags.delete', { id: economic.id });
    expect(await backend.call('memos.list', {})).toEqual([]);
    expect((await backend.call('search.query', { q: 'определение', limit: 5 })).memos).toEqual([]);
    await backend.call('documents.delete', { id: caravan.id });
    await expectAppError(backend.call('memos.save', { owner: { kind: 'document', id: caravan.id }, json: lexicalNote('x') }), 'not-found');
    await expectAppError(backend.call('memos.save', { owner: { kind: 'project' }, json: '<p>HTML</p>' }), 'bad-input');
    const res = await backend.dispatch('memos.save', { owner: { kind: 'annotation', id: economic.id }, json: lexicalNote('x') });
    expect(res.ok).toBe(false);
    expect((await backend.call('memos.get', { owner: { kind: 'project' } })).text).toBe('');
  });
});
