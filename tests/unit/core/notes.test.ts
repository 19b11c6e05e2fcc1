/**
 * Notes on claims and links: Lexical editor states checked with limits, their plain text derived
 * by the core, stored apart from the undo history.
 */
import { describe, expect, it } from 'vitest';
import { noteText } from '../../../electron/core/notes/lexical';
import { claimOn, expectAppErrorSync, importCorpus, lexicalNote, withProject } from './helpers';

const text = (type: string, t: string) => ({ type, text: t, version: 1, format: 0, style: '', mode: 'normal', detail: 0 });
const el = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, children, ...extra });
const state = (...children: unknown[]) => JSON.stringify({ root: el('root', children) });

async function withClaim() {
  const fixture = await withProject();
  const { kazpravda } = await importCorpus(fixture.backend);
  const claim = await claimOn(fixture.backend, kazpravda.id, 'решение о присоединении Казахстана к Соглашениям Авраама');
  return { ...fixture, kazpravda, claim };
}

describe('the plain text of a note', () => {
  it('puts one line break between blocks and keeps the text of links, line breaks and tabs', () => {
    const json = state(
      el('paragraph', [text('text', 'Итог визита')]),
      el('paragraph', [text('text', 'Казахстан '), el('link', [text('text', 'присоединился')], { url: 'https://example.org' }), text('text', ' к соглашениям.')]),
      el('list', [el('listitem', [text('text', 'экономика')]), el('listitem', [text('text', 'безопасность')])], { listType: 'bullet' }),
      el('paragraph', [text('text', 'строка'), { type: 'linebreak', version: 1 }, text('text', 'вторая'), { type: 'tab', version: 1 }, text('text', 'таб')]),
      el('paragraph', [text('text', '«Цитата»')]),
    );
    expect(noteText(json)).toBe('Итог визита\nКазахстан присоединился к соглашениям.\nэкономика\nбезопасность\nстрока\nвторая\tтаб\n«Цитата»');
  });

  it('keeps an empty paragraph between two as a blank line, and an empty editor is empty text', () => {
    expect(noteText(lexicalNote('первый', '', 'третий'))).toBe('первый\n\nтретий');
    expect(noteText(lexicalNote(''))).toBe('');
    expect(noteText(state())).toBe('');
  });

  it('reads nested lists item by item', () => {
    const nested = el('list', [el('listitem', [text('text', 'вложенный')])]);
    const json = state(el('list', [el('listitem', [text('text', 'первый')]), el('listitem', [nested]), el('listitem', [text('text', 'последний')])]));
    expect(noteText(json)).toBe('первый\nвложенный\nпоследний');
  });

  it('treats __proto__ keys as plain data: nothing is polluted and the text is still read', () => {
    const json = `{"__proto__": {"polluted": true}, "root": {"type": "root", "__proto__": {"children": 5}, "children": [
      {"type": "paragraph", "constructor": {"prototype": {"polluted": true}}, "children": [{"type": "text", "text": "безопасно", "__proto__": {"text": 1}}]}]}}`;
    expect(noteText(json)).toBe('безопасно');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each([
    ['not JSON', '{"root": '],
    ['HTML', '<p>Казахстан</p>'],
    ['a JSON string', '"root"'],
    ['a JSON array', '[{"root": {}}]'],
    ['null', 'null'],
    ['no root', '{"editorState": {}}'],
    ['a root that is not a node', '{"root": "root"}'],
    ['a root of another type', '{"root": {"type": "paragraph", "children": []}}'],
    ['children that are not a list', '{"root": {"type": "root", "children": {"0": {"type": "text", "text": "x"}}}}'],
    ['a child that is not a node', '{"root": {"type": "root", "children": [42]}}'],
    ['a node without a type', '{"root": {"type": "root", "children": [{"text": "x"}]}}'],
    ['a node the editor does not know', '{"root": {"type": "root", "children": [{"type": "heading", "tag": "h1", "children": [{"type": "text", "text": "x"}]}]}}'],
    ['text that is not a string', '{"root": {"type": "root", "children": [{"type": "text", "text": {"html": "<b>"}}]}}'],
  ])('refuses %s with bad-input', (_label, json) => {
    expectAppErrorSync(() => noteText(json), 'bad-input');
  });

  it('refuses nesting deeper than 64 levels before parsing it, and accepts a deep but legal note', () => {
    const nest = (levels: number): unknown => (levels === 0 ? text('text', 'дно') : el(levels % 2 ? 'listitem' : 'list', [nest(levels - 1)]));
    // root object, root node and its children list are 3 levels; each list or item adds 2.
    expect(noteText(state(nest(30)))).toBe('дно');
    const tooDeep = expectAppErrorSync(() => noteText(state(nest(31))), 'bad-input');
    expect(tooDeep.message).toMatch(/64/);
    // A hostile nesting far past any parser's comfort is refused just the same, quickly.
    expectAppErrorSync(() => noteText(`{"root":{"type":"root","children":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`), 'bad-input');
    // Brackets inside strings do not count.
    expect(noteText(state(el('paragraph', [text('text', '[[[[{{{{'.repeat(20))])))).toBe('[[[[{{{{'.repeat(20));
  });

  it('refuses a note larger than 512 KB in UTF-8, even when it has fewer characters', () => {
    const big = lexicalNote('ж'.repeat(270_000));
    expect(big.length).toBeLessThan(512 * 1024);
    expect(Buffer.byteLength(big)).toBeGreaterThan(512 * 1024);
    expect(expectAppErrorSync(() => noteText(big), 'bad-input').message).toMatch(/512 KB/);
  });
});

describe('notes', () => {
  it('a claim without a note has none; a saved note comes back verbatim with its text, also on the claim', async () => {
    const { backend, claim } = await withClaim();
    expect(claim.noteText).toBe('');
    expect(await backend.call('notes.get', { kind: 'annotation', id: claim.id })).toEqual({ json: null, text: '' });

    const json = lexicalNote('Велизаде считает это стратегическим шагом.', 'См. также Бадамова.');
    expect(await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json })).toEqual({
      text: 'Велизаде считает это стратегическим шагом.\nСм. также Бадамова.',
    });
    expect(await backend.call('notes.get', { kind: 'annotation', id: claim.id })).toEqual({
      json,
      text: 'Велизаде считает это стратегическим шагом.\nСм. также Бадамова.',
    });
    expect((await backend.call('annotations.list', {}))[0]!.noteText).toBe('Велизаде считает это стратегическим шагом.\nСм. также Бадамова.');

    // Saving again replaces it; emptying it leaves an empty note.
    await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('Короче.') });
    expect((await backend.call('notes.get', { kind: 'annotation', id: claim.id })).text).toBe('Короче.');
    await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('') });
    expect((await backend.call('annotations.list', {}))[0]!.noteText).toBe('');
  });

  it('saving a note is not an undo step', async () => {
    const { backend, claim } = await withClaim();
    const before = await backend.call('history.state', {});
    expect(before.undoLabel).toBe('Create claim');
    await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('заметка') });
    expect(await backend.call('history.state', {})).toEqual(before);
  });

  it('refuses a note for a deleted or unknown claim or link with not-found, and a bad note with bad-input', async () => {
    const { backend, claim } = await withClaim();
    const json = lexicalNote('x');
    await backend.call('annotations.delete', { id: claim.id });
    for (const owner of [
      { kind: 'annotation', id: claim.id },
      { kind: 'annotation', id: '00000000-0000-4000-8000-000000000000' },
      { kind: 'link', id: claim.id },
    ] as const) {
      expect(await backend.dispatch('notes.save', { owner, json }), JSON.stringify(owner)).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await backend.dispatch('notes.get', owner), JSON.stringify(owner)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    await backend.call('history.undo', {});
    const bad = await backend.dispatch('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: '<b>html</b>' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await backend.call('notes.get', { kind: 'annotation', id: claim.id })).toEqual({ json: null, text: '' });
  });
});

describe('the project-wide claim list', () => {
  it('holds the same claims as the per-document lists: tags in tag order, note texts, nothing deleted', async () => {
    const fx = await withProject();
    const b = fx.backend;
    const docs = await importCorpus(b);
    const [economic, security, interfaith] = await b.call('tags.list', {});
    const extra = await b.call('tags.create', { name: 'Gone' });
    const a = await claimOn(b, docs.kazpravda.id, 'Особо стоит отметить', [interfaith!.id, economic!.id, extra.id]);
    const c = await claimOn(b, docs.caravan.id, 'Прежде всего', [security!.id]);
    const deleted = await claimOn(b, docs.zakon.id, 'Иран уже высказал', []);
    await claimOn(b, docs.zakon.id, 'Казахстан демонстрирует', []);
    await b.call('notes.save', { owner: { kind: 'annotation', id: c.id }, json: lexicalNote('Заметка') });
    await b.call('tags.delete', { id: extra.id });
    await b.call('annotations.delete', { id: deleted.id });

    const all = await b.call('annotations.list', {});
    const perDocument = (await Promise.all([docs.caravan, docs.kazpravda, docs.zakon].map((d) => b.call('annotations.list', { documentId: d.id })))).flat();
    expect([...all].sort((x, y) => x.id.localeCompare(y.id))).toEqual([...perDocument].sort((x, y) => x.id.localeCompare(y.id)));
    expect(all).toHaveLength(3);
    expect(all.find((x) => x.id === a.id)!.tagIds).toEqual([economic!.id, interfaith!.id]);
    expect(all.find((x) => x.id === c.id)!.noteText).toBe('Заметка');
    expect(all.some((x) => x.id === deleted.id)).toBe(false);
  });
});
