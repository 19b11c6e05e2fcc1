/** The store, driven through the backend the UI, the server and the CLI all use, on a real project file. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { QUOTE_CONTEXT } from '../../../shared/text';
import {
  CARAVAN,
  corpusFile,
  corpusText,
  fileFrom,
  importCorpus,
  ISO_TIME_RE,
  KAZPRAVDA,
  makeBackend,
  sha256Hex,
  UUID_RE,
  withProject,
  ZAKON,
} from './helpers';

const SENTENCE = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads rows straight from the project file, bypassing the app. */
function rawRows(file: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

function expectStamped(row: { id: string; createdAt: string; modifiedAt: string }): void {
  expect(row.id).toMatch(UUID_RE);
  expect(row.createdAt).toMatch(ISO_TIME_RE);
  expect(row.modifiedAt).toMatch(ISO_TIME_RE);
  expect(row.modifiedAt >= row.createdAt).toBe(true);
}

describe('tags', () => {
  it('a new project starts with economic, security, interfaith in that order', async () => {
    const { backend } = await withProject();
    const tags = await backend.call('tags.list', {});
    expect(tags.map((t) => t.name)).toEqual(['economic', 'security', 'interfaith']);
    for (const t of tags) {
      expect(t.color).toMatch(/^#[0-9a-f]{6}$/i);
      expectStamped(t);
    }
    expect(new Set(tags.map((t) => t.color)).size).toBe(3);
    expect(tags.map((t) => t.position)).toEqual([...tags.map((t) => t.position)].sort((a, b) => a - b));
  });

  it('renames and recolours; refuses a name another tag has, in any case', async () => {
    const { backend } = await withProject();
    const [economic, security] = await backend.call('tags.list', {});
    await sleep(5);
    const renamed = await backend.call('tags.update', { id: economic!.id, name: '  Экономика ', color: '#123abc' });
    expect(renamed).toMatchObject({ id: economic!.id, name: 'Экономика', color: '#123abc', createdAt: economic!.createdAt });
    expect(renamed.modifiedAt > economic!.modifiedAt).toBe(true);
    expect((await backend.call('tags.list', {}))[0]).toEqual(renamed);

    const clash = await backend.dispatch('tags.update', { id: security!.id, name: 'ЭКОНОМИКА' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await backend.dispatch('tags.create', { name: 'Security' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await backend.call('tags.list', {})).map((t) => t.name)).toEqual(['Экономика', 'security', 'interfaith']);

    // Changing only the case of its own name is not a clash.
    expect((await backend.call('tags.update', { id: security!.id, name: 'Security' })).name).toBe('Security');
    const created = await backend.call('tags.create', { name: 'energy' });
    expectStamped(created);
    expect(created.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect((await backend.call('tags.list', {})).at(-1)).toEqual(created);
  });

  it('deleting a tag takes it off claims, but the claims stay', async () => {
    const { backend } = await withProject();
    const { kazpravda } = await importCorpus(backend);
    const [economic, security] = await backend.call('tags.list', {});
    const claim = await backend.call('annotations.create', {
      documentId: kazpravda.id,
      start: 0,
      end: 9,
      tagIds: [economic!.id, security!.id],
    });
    expect(claim.tagIds).toEqual([economic!.id, security!.id]);
    expect(await backend.call('tags.delete', { id: economic!.id })).toMatchObject({ step: { id: expect.any(Number) } });
    expect((await backend.call('tags.list', {})).map((t) => t.name)).toEqual(['security', 'interfaith']);
    const after = await backend.call('annotations.list', {});
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: claim.id, exact: 'Президент', tagIds: [security!.id] });
    expect(await backend.dispatch('tags.delete', { id: economic!.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('documents', () => {
  it('imports the corpus: text, date, length and hash as stored', async () => {
    const { backend } = await withProject();
    const { result, kazpravda, caravan, zakon } = await importCorpus(backend);
    expect(result.imported).toHaveLength(3);
    expect(result.duplicates).toEqual([]);
    expect(await backend.call('documents.list', {})).toHaveLength(3);

    expect(kazpravda.date).toBe('2025-11-07');
    expect(zakon.date).toBe('2026-03-02');
    expect(caravan.date).toBeNull();
    for (const doc of [kazpravda, caravan, zakon]) {
      expectStamped(doc);
      const full = await backend.call('documents.get', { id: doc.id });
      expect(full.length).toBe(full.text.length);
      expect(full.hash).toBe(sha256Hex(full.text));
      expect(full.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(full.text).toBe(corpusText(doc.sourceName));
      expect(full.format).toBe('txt');
    }
    const text = (await backend.call('documents.get', { id: kazpravda.id })).text;
    expect(text.startsWith('Президент')).toBe(true);
    expect(text).not.toContain('date 2025-11-07');
  });

  it('reports a file already in the project as a duplicate and does not import it again', async () => {
    const { backend } = await withProject();
    const { kazpravda } = await importCorpus(backend);
    const again = await backend.call('documents.import', { files: [{ ...corpusFile(KAZPRAVDA), name: 'copy.txt' }] });
    expect(again.imported).toEqual([]);
    expect(again.failed).toEqual([]);
    expect(again.duplicates).toEqual([{ name: 'copy.txt', existingId: kazpravda.id, title: kazpravda.title }]);
    expect(await backend.call('documents.list', {})).toHaveLength(3);
  });

  it('reports a broken file as failed with a reason and adds nothing; the good files of the batch still land', async () => {
    const { backend } = await withProject();
    const broken = await backend.call('documents.import', { files: [fileFrom('empty.txt', '')] });
    expect(broken.imported).toEqual([]);
    expect(broken.failed).toHaveLength(1);
    expect(broken.failed[0]!.name).toBe('empty.txt');
    expect(broken.failed[0]!.message).toMatch(/\S{3,}/);
    expect(await backend.call('documents.list', {})).toEqual([]);

    const mixed = await backend.call('documents.import', { files: [fileFrom('blank.txt', ' \n\n '), corpusFile(ZAKON)] });
    expect(mixed.imported.map((d) => d.sourceName)).toEqual([ZAKON]);
    expect(mixed.failed.map((f) => f.name)).toEqual(['blank.txt']);
    expect(await backend.call('documents.list', {})).toHaveLength(1);
  });

  it('updates metadata and keeps it; refuses a malformed date', async () => {
    const { backend, home, projectPath } = await withProject();
    const { caravan } = await importCorpus(backend);
    await sleep(5);
    const patch = { title: 'Казанцев о визите', outlet: 'Caravan.kz', author: 'Андрей Казанцев', date: '2025-11-10', language: 'ru' };
    const updated = await backend.call('documents.update', { id: caravan.id, patch });
    expect(updated).toMatchObject({ ...patch, id: caravan.id, hash: caravan.hash, createdAt: caravan.createdAt });
    expect(updated.modifiedAt > caravan.modifiedAt).toBe(true);
    expect((await backend.call('documents.update', { id: caravan.id, patch: { date: null } })).date).toBeNull();
    await backend.call('documents.update', { id: caravan.id, patch: { date: '2025-11-10' } });

    for (const date of ['10.11.2025', '2025-11-10T00:00:00Z', '2025-1-1', '']) {
      const bad = await backend.dispatch('documents.update', { id: caravan.id, patch: { date } });
      expect(bad, date).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    const noTitle = await backend.dispatch('documents.update', { id: caravan.id, patch: { title: '   ' } });
    expect(noTitle).toMatchObject({ ok: false, error: { code: 'bad-input' } });

    backend.close();
    const reopened = makeBackend(home, { projectPath });
    expect(await reopened.call('documents.get', { id: caravan.id })).toMatchObject(patch);
  });

  it('deleting a document tombstones it and its claims', async () => {
    const { backend, projectPath } = await withProject();
    const { kazpravda, zakon } = await importCorpus(backend);
    const claim = await backend.call('annotations.create', { documentId: kazpravda.id, start: 0, end: 9, tagIds: [] });
    const other = await backend.call('annotations.create', { documentId: zakon.id, start: 0, end: 9, tagIds: [] });
    expect(await backend.call('documents.delete', { id: kazpravda.id })).toMatchObject({ step: { id: expect.any(Number) } });

    expect((await backend.call('documents.list', {})).map((d) => d.id)).not.toContain(kazpravda.id);
    expect(await backend.call('annotations.list', {})).toEqual([other]);
    expect(await backend.dispatch('documents.get', { id: kazpravda.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const [doc] = rawRows(projectPath, 'SELECT deleted_at FROM documents WHERE id = ?', kazpravda.id);
    expect(doc!.deleted_at).toMatch(ISO_TIME_RE);
    const [ann] = rawRows(projectPath, 'SELECT deleted_at FROM annotations WHERE id = ?', claim.id);
    expect(ann!.deleted_at).toMatch(ISO_TIME_RE);

    // The same text can come back as a new document.
    const back = await backend.call('documents.import', { files: [corpusFile(KAZPRAVDA)] });
    expect(back.imported).toHaveLength(1);
    expect(back.imported[0]!.id).not.toBe(kazpravda.id);
  });
});

describe('annotations', () => {
  it('anchors a Cyrillic claim with exact, prefix and suffix, trimming the whitespace around it', async () => {
    const { backend } = await withProject();
    const { kazpravda } = await importCorpus(backend);
    const { text } = await backend.call('documents.get', { id: kazpravda.id });
    const at = text.indexOf(SENTENCE);
    expect(at).toBeGreaterThan(QUOTE_CONTEXT);
    const [economic, , interfaith] = await backend.call('tags.list', {});
    const author = (await backend.call('settings.get', {})).author;

    // A sloppy selection: the space before and the blank line after.
    const claim = await backend.call('annotations.create', {
      documentId: kazpravda.id,
      start: at - 1,
      end: at + SENTENCE.length + 2,
      tagIds: [interfaith!.id, economic!.id],
    });
    expectStamped(claim);
    expect(claim).toMatchObject({
      documentId: kazpravda.id,
      start: at,
      end: at + SENTENCE.length,
      exact: SENTENCE,
      prefix: text.slice(at - QUOTE_CONTEXT, at),
      suffix: text.slice(at + SENTENCE.length, at + SENTENCE.length + QUOTE_CONTEXT),
      author,
    });
    expect(claim.prefix).toHaveLength(QUOTE_CONTEXT);
    expect(claim.suffix.startsWith('\n')).toBe(true);
    expect(text.slice(claim.start, claim.end)).toBe(claim.exact);
    // Tags come back in tag order, whatever order they were given in.
    expect(claim.tagIds).toEqual([economic!.id, interfaith!.id]);
    expect(await backend.call('annotations.list', { documentId: kazpravda.id })).toEqual([claim]);
  });

  it('refuses an empty, whitespace-only or out-of-range selection and an unknown tag, storing nothing', async () => {
    const { backend } = await withProject();
    const { kazpravda } = await importCorpus(backend);
    const { text } = await backend.call('documents.get', { id: kazpravda.id });
    const blank = text.indexOf('\n\n');
    const cases: [unknown, string][] = [
      [{ documentId: kazpravda.id, start: 10, end: 10, tagIds: [] }, 'bad-input'],
      [{ documentId: kazpravda.id, start: 10, end: 5, tagIds: [] }, 'bad-input'],
      [{ documentId: kazpravda.id, start: blank, end: blank + 2, tagIds: [] }, 'bad-input'],
      [{ documentId: kazpravda.id, start: text.length - 5, end: text.length + 1, tagIds: [] }, 'bad-input'],
      [{ documentId: kazpravda.id, start: 0, end: 9, tagIds: ['00000000-0000-4000-8000-000000000000'] }, 'not-found'],
      [{ documentId: '00000000-0000-4000-8000-000000000000', start: 0, end: 9, tagIds: [] }, 'not-found'],
    ];
    for (const [input, code] of cases) {
      const answer = await backend.dispatch('annotations.create', input);
      expect(answer, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
    }
    expect(await backend.call('annotations.list', {})).toEqual([]);
    // The very end of the text is still a valid place to end a claim.
    const last = await backend.call('annotations.create', { documentId: kazpravda.id, start: text.length - 5, end: text.length, tagIds: [] });
    expect(last.suffix).toBe('');
  });

  it('updates tags and modifiedAt; deleting leaves a tombstone in the file', async () => {
    const { backend, projectPath } = await withProject();
    const { zakon } = await importCorpus(backend);
    const [economic, security] = await backend.call('tags.list', {});
    const claim = await backend.call('annotations.create', { documentId: zakon.id, start: 0, end: 9, tagIds: [economic!.id] });
    await sleep(5);
    const updated = await backend.call('annotations.update', { id: claim.id, tagIds: [security!.id] });
    expect(updated).toMatchObject({ id: claim.id, tagIds: [security!.id], createdAt: claim.createdAt, exact: claim.exact });
    expect(updated.modifiedAt > claim.modifiedAt).toBe(true);
    expect(await backend.dispatch('annotations.update', { id: claim.id, tagIds: ['00000000-0000-4000-8000-000000000000'] })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect((await backend.call('annotations.list', {}))[0]!.tagIds).toEqual([security!.id]);

    expect(await backend.call('annotations.delete', { id: claim.id })).toMatchObject({ step: { id: expect.any(Number) } });
    expect(await backend.call('annotations.list', {})).toEqual([]);
    expect(await backend.call('annotations.list', { documentId: zakon.id })).toEqual([]);
    const rows = rawRows(projectPath, 'SELECT id, deleted_at, exact FROM annotations');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: claim.id, exact: claim.exact });
    expect(rows[0]!.deleted_at).toMatch(ISO_TIME_RE);
    expect(await backend.dispatch('annotations.delete', { id: claim.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('layout', () => {
  it('round-trips and drops panes of deleted documents', async () => {
    const { backend } = await withProject();
    expect(await backend.call('layout.get', {})).toEqual({ panes: [], sidebar: true, inspector: true, view: null, connectors: true, followLinks: false });
    const { kazpravda, caravan, zakon } = await importCorpus(backend);
    const layout = {
      panes: [
        { documentId: zakon.id, share: 0.4, scroll: 0.25 },
        { documentId: kazpravda.id, share: 0.2, scroll: 0 },
        { documentId: caravan.id, share: 0.4, scroll: 1 },
      ],
      sidebar: false,
      inspector: false,
      view: null,
      connectors: false,
      followLinks: true,
    };
    expect(await backend.call('layout.set', layout)).toEqual(layout);
    expect(await backend.call('layout.get', {})).toEqual(layout);
    await backend.call('documents.delete', { id: kazpravda.id });
    // The panes left share the row in their old proportions.
    expect(await backend.call('layout.get', {})).toEqual({
      ...layout,
      panes: [
        { ...layout.panes[0], share: 0.5 },
        { ...layout.panes[2], share: 0.5 },
      ],
    });
  });
});

describe('persistence', () => {
  it('everything is still there after closing and reopening the project', async () => {
    const { backend, home, projectPath } = await withProject();
    const { kazpravda, caravan } = await importCorpus(backend);
    const tag = await backend.call('tags.create', { name: 'ресурсы', color: '#abcdef' });
    await backend.call('annotations.create', { documentId: caravan.id, start: 3, end: 40, tagIds: [tag.id] });
    await backend.call('documents.update', { id: kazpravda.id, patch: { outlet: 'Kazpravda.kz' } });
    await backend.call('layout.set', { panes: [{ documentId: caravan.id, share: 1, scroll: 0.5 }], sidebar: true });
    const snapshot = {
      docs: await backend.call('documents.list', {}),
      tags: await backend.call('tags.list', {}),
      claims: await backend.call('annotations.list', {}),
      layout: await backend.call('layout.get', {}),
      text: (await backend.call('documents.get', { id: caravan.id })).text,
    };
    backend.close();

    const reopened = makeBackend(home, { projectPath });
    expect((await reopened.call('project.current', {}))?.path).toBe(projectPath);
    expect(await reopened.call('documents.list', {})).toEqual(snapshot.docs);
    expect(await reopened.call('tags.list', {})).toEqual(snapshot.tags);
    expect(await reopened.call('annotations.list', {})).toEqual(snapshot.claims);
    expect(await reopened.call('layout.get', {})).toEqual(snapshot.layout);
    expect((await reopened.call('documents.get', { id: caravan.id })).text).toBe(snapshot.text);
    expect(snapshot.docs.map((d) => d.sourceName)).toEqual(expect.arrayContaining([KAZPRAVDA, CARAVAN]));
  });
});
