/** App-wide settings, the recent-projects list and the sample project, on a real home folder. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE_NAME } from '../../../electron/core/sample';
import { makeBackend, RESOURCES_DIR, tempDir } from './helpers';

interface ManifestEntry {
  file: string;
  title: string;
  outlet: string;
  author: string;
  language: string;
}
const manifest = JSON.parse(fs.readFileSync(path.join(RESOURCES_DIR, 'sample', 'manifest.json'), 'utf8')) as {
  documents: ManifestEntry[];
};

describe('the sample project', () => {
  it('is created in the home folder from the shipped corpus, with titles and outlets from the manifest', async () => {
    const home = tempDir();
    const backend = makeBackend(home);
    const info = await backend.call('project.openSample', {});
    expect(info).toMatchObject({ path: path.join(home, SAMPLE_FILE_NAME), name: 'Sample project', readOnly: false });
    expect(SAMPLE_FILE_NAME).toBe('Sample project.crossread');
    expect(fs.existsSync(path.join(home, 'Sample project.crossread'))).toBe(true);

    const docs = await backend.call('documents.list', {});
    expect(docs).toHaveLength(3);
    expect(docs.map((d) => d.outlet).sort()).toEqual(['Caravan.kz', 'Kazpravda.kz', 'Zakon.kz']);
    for (const entry of manifest.documents) {
      const doc = docs.find((d) => d.sourceName === entry.file);
      expect(doc, entry.file).toBeDefined();
      expect(doc).toMatchObject({ title: entry.title, outlet: entry.outlet, author: entry.author, language: entry.language });
    }
    const kazpravda = docs.find((d) => d.outlet === 'Kazpravda.kz')!;
    expect(kazpravda.date).toBe('2025-11-07');
    expect((await backend.call('documents.get', { id: kazpravda.id })).text.startsWith('Президент')).toBe(true);
    expect((await backend.call('tags.list', {})).map((t) => t.name)).toEqual(['economic', 'security', 'interfaith']);
  });

  it('opening it again reuses the same project instead of duplicating it', async () => {
    const home = tempDir();
    const backend = makeBackend(home);
    await backend.call('project.openSample', {});
    const first = await backend.call('documents.list', {});
    const claim = await backend.call('annotations.create', { documentId: first[0]!.id, start: 0, end: 5, tagIds: [] });
    await backend.call('project.close', {});

    await backend.call('project.openSample', {});
    expect(await backend.call('documents.list', {})).toEqual(first);
    expect(await backend.call('annotations.list', {})).toEqual([claim]);
    await backend.call('project.openSample', {});
    expect(await backend.call('documents.list', {})).toHaveLength(3);
    expect(fs.readdirSync(home).filter((f) => f.endsWith('.crossread'))).toEqual([SAMPLE_FILE_NAME]);
    expect((await backend.call('project.recent', {})).filter((r) => r.name === 'Sample project')).toHaveLength(1);
  });
});

describe('recent projects', () => {
  it('lists the most recently opened first, each project once, and says whether it still exists', async () => {
    const home = tempDir();
    const backend = makeBackend(home);
    const a = (await backend.call('project.create', { path: path.join(home, 'A') })).path;
    const b = (await backend.call('project.create', { path: path.join(home, 'B.crossread') })).path;
    const c = (await backend.call('project.create', { path: path.join(home, 'C.crossread') })).path;
    expect(a).toBe(path.join(home, 'A.crossread'));
    expect((await backend.call('project.recent', {})).map((r) => r.path)).toEqual([c, b, a]);

    await backend.call('project.open', { path: a });
    await backend.call('project.open', { path: a });
    const recent = await backend.call('project.recent', {});
    expect(recent.map((r) => r.path)).toEqual([a, c, b]);
    expect(recent.map((r) => r.name)).toEqual(['A', 'C', 'B']);
    expect(recent.every((r) => r.exists)).toBe(true);

    // A failed open does not enter the list.
    expect(await backend.dispatch('project.open', { path: path.join(home, 'nope.crossread') })).toMatchObject({ ok: false });
    expect((await backend.call('project.recent', {})).map((r) => r.path)).toEqual([a, c, b]);

    fs.rmSync(b);
    const afterDelete = await backend.call('project.recent', {});
    expect(afterDelete.find((r) => r.path === b)?.exists).toBe(false);
  });

  it('is kept across backends, and a new backend opens the most recent project by itself', async () => {
    const home = tempDir();
    const first = makeBackend(home);
    await first.call('project.create', { path: path.join(home, 'Old.crossread') });
    const latest = await first.call('project.create', { path: path.join(home, 'Latest.crossread') });
    first.close();

    const second = makeBackend(home);
    expect(await second.call('project.current', {})).toEqual(latest);
    expect((await second.call('project.recent', {})).map((r) => r.name)).toEqual(['Latest', 'Old']);
    second.close();

    // The most recent one is gone: start with no project rather than fail.
    fs.rmSync(latest.path);
    const third = makeBackend(home);
    expect(await third.call('project.current', {})).toBeNull();
  });

  it('a backend that does not remember recents leaves the list alone', async () => {
    const home = tempDir();
    const first = makeBackend(home);
    const p = await first.call('project.create', { path: path.join(home, 'Quiet.crossread') });
    await first.call('project.close', {});
    first.close();
    fs.rmSync(path.join(home, 'settings.json'));
    const quiet = makeBackend(home, { projectPath: p.path, rememberRecent: false });
    expect((await quiet.call('project.current', {}))?.path).toBe(p.path);
    expect(await quiet.call('project.recent', {})).toEqual([]);
  });
});

describe('settings', () => {
  it('defaults to English and a non-empty author', async () => {
    const backend = makeBackend(tempDir());
    const s = await backend.call('settings.get', {});
    expect(s.language).toBe('en');
    expect(s.author.trim().length).toBeGreaterThan(0);
  });

  it('persists a language and author change into a new backend', async () => {
    const home = tempDir();
    const first = makeBackend(home);
    expect(await first.call('settings.update', { language: 'ru' })).toMatchObject({ language: 'ru' });
    await first.call('settings.update', { author: 'Айгерим' });
    first.close();

    const second = makeBackend(home);
    expect(await second.call('settings.get', {})).toEqual({ language: 'ru', author: 'Айгерим' });
    const saved = JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ language: 'ru', author: 'Айгерим' });
    // Claims are stamped with the author from the settings.
    await second.call('project.create', { path: path.join(home, 'P.crossread') });
    await second.call('documents.import', { files: [{ name: 'a.txt', dataBase64: Buffer.from('Текст статьи.').toString('base64') }] });
    const [doc] = await second.call('documents.list', {});
    const claim = await second.call('annotations.create', { documentId: doc!.id, start: 0, end: 5, tagIds: [] });
    expect(claim.author).toBe('Айгерим');
  });

  it('survives a corrupt settings.json: defaults are used and the file is kept as settings.json.broken', async () => {
    const home = tempDir();
    const corrupt = '{"language": "ru", "recent": [';
    fs.writeFileSync(path.join(home, 'settings.json'), corrupt);
    const backend = makeBackend(home);
    expect((await backend.call('settings.get', {})).language).toBe('en');
    expect(await backend.call('project.recent', {})).toEqual([]);
    expect(await backend.call('project.current', {})).toBeNull();
    expect(fs.readFileSync(path.join(home, 'settings.json.broken'), 'utf8')).toBe(corrupt);

    // And it works normally afterwards.
    await backend.call('settings.update', { language: 'ru' });
    expect(JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8'))).toMatchObject({ language: 'ru' });
    expect(fs.readFileSync(path.join(home, 'settings.json.broken'), 'utf8')).toBe(corrupt);
  });

  it('ignores wrongly typed values in settings.json field by field', async () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ language: 'fr', author: 'Асель', recent: 'x' }));
    const backend = makeBackend(home);
    expect(await backend.call('settings.get', {})).toEqual({ language: 'en', author: 'Асель' });
    expect(await backend.call('project.recent', {})).toEqual([]);
  });
});
