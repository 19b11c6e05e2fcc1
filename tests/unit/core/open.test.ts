/**
 * Opening project files: wrong files are refused with a clear code and left byte-for-byte as they
 * were; read-only files open for reading only; and a failed open through the backend leaves the
 * project that was open before still open.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { Project } from '../../../electron/core/store/project';
import {
  corpusFile,
  expectAppErrorSync,
  fileHash,
  importCorpus,
  KAZPRAVDA,
  withProject,
  ZAKON,
} from './helpers';

/** Opens `file` through the backend; must fail with `code`, and the project open before stays open and usable. */
async function expectRefusedByBackend(backend: Backend, file: string, code: string): Promise<string> {
  const before = await backend.call('project.current', {});
  expect(before).not.toBeNull();
  const docsBefore = await backend.call('documents.list', {});
  const answer = await backend.dispatch('project.open', { path: file });
  expect(answer.ok).toBe(false);
  if (answer.ok) throw new Error('unreachable');
  expect(answer.error.code).toBe(code);
  expect(answer.error.message.length).toBeGreaterThan(0);
  expect(await backend.call('project.current', {})).toEqual(before);
  expect(await backend.call('documents.list', {})).toEqual(docsBefore);
  // Still writable: the old connection was not closed behind our back.
  const tag = await backend.call('tags.create', { name: `after ${path.basename(file)} ${code}` });
  expect((await backend.call('tags.list', {})).map((t) => t.id)).toContain(tag.id);
  return answer.error.message;
}

/** A project file made with the app and closed again. */
async function closedProject(dir: string, name = 'closed.crossread'): Promise<string> {
  const file = path.join(dir, name);
  Project.create(file).close();
  return file;
}

describe('opening a file that is not a Crossread project', () => {
  it('refuses a text file named .crossread and leaves it unchanged', async () => {
    const { backend, home } = await withProject();
    const file = path.join(home, 'notes.crossread');
    fs.writeFileSync(file, 'These are my notes, not a database.\n');
    const hash = fileHash(file);
    expectAppErrorSync(() => Project.open(file), 'project-invalid');
    await expectRefusedByBackend(backend, file, 'project-invalid');
    expect(fileHash(file)).toBe(hash);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses an empty file and leaves it empty', async () => {
    const { backend, home } = await withProject();
    const file = path.join(home, 'empty.crossread');
    fs.writeFileSync(file, '');
    expectAppErrorSync(() => Project.open(file), 'project-invalid');
    await expectRefusedByBackend(backend, file, 'project-invalid');
    expect(fs.statSync(file).size).toBe(0);
  });

  it('refuses another application’s SQLite database and leaves it unchanged', async () => {
    const { backend, home } = await withProject();
    const file = path.join(home, 'other-app.crossread');
    const other = new Database(file);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');");
    other.close();
    const hash = fileHash(file);
    expectAppErrorSync(() => Project.open(file), 'project-invalid');
    await expectRefusedByBackend(backend, file, 'project-invalid');
    expect(fileHash(file)).toBe(hash);
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all()).toEqual([{ name: 'contacts' }]);
    check.close();
  });

  it('refuses a project saved with a newer schema, says which, and leaves it unchanged', async () => {
    const { backend, home } = await withProject();
    const file = await closedProject(home, 'future.crossread');
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future_step', '2030-01-01T00:00:00Z')").run();
    db.close();
    const hash = fileHash(file);
    const err = expectAppErrorSync(() => Project.open(file), 'schema-newer');
    expect(err.message).toContain('99');
    const message = await expectRefusedByBackend(backend, file, 'schema-newer');
    expect(message).toContain('99');
    expect(fileHash(file)).toBe(hash);
  });

  it('reports a missing file as not-found', async () => {
    const { backend, home } = await withProject();
    const file = path.join(home, 'gone', 'missing.crossread');
    expectAppErrorSync(() => Project.open(file), 'not-found');
    await expectRefusedByBackend(backend, file, 'not-found');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a folder', async () => {
    const { backend, home } = await withProject();
    const dir = path.join(home, 'folder.crossread');
    fs.mkdirSync(dir);
    await expectRefusedByBackend(backend, dir, 'project-invalid');
  });
});

describe('creating a project', () => {
  it('refuses to overwrite an existing file', async () => {
    const { backend, home } = await withProject();
    const file = path.join(home, 'precious.crossread');
    fs.writeFileSync(file, 'keep me');
    expectAppErrorSync(() => Project.create(file), 'conflict');
    const answer = await backend.dispatch('project.create', { path: file });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    // The project open before is untouched.
    expect((await backend.call('project.current', {}))?.name).toBe('Test project');
  });

  it('refuses to overwrite an existing project, also when the extension is added for the user', async () => {
    const { backend, home } = await withProject('Mine');
    backend.close();
    const hash = fileHash(path.join(home, 'Mine.crossread'));
    const fresh = await withProject('Other');
    const answer = await fresh.backend.dispatch('project.create', { path: path.join(home, 'Mine') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fileHash(path.join(home, 'Mine.crossread'))).toBe(hash);
  });
});

describe('a read-only project', () => {
  it('opens read-only, serves reads, refuses every write, and stays byte-for-byte unchanged', async () => {
    const { backend, projectPath } = await withProject('Locked');
    const { kazpravda } = await importCorpus(backend);
    const tags = await backend.call('tags.list', {});
    const claim = await backend.call('annotations.create', { documentId: kazpravda.id, start: 0, end: 9, tagIds: [tags[0]!.id] });
    await backend.call('layout.set', { panes: [{ documentId: kazpravda.id, share: 1, scroll: 0 }], sidebar: true });
    // As saved, with the claim counted under its tag.
    const savedTags = await backend.call('tags.list', {});
    backend.close();

    fs.chmodSync(projectPath, 0o444);
    const hash = fileHash(projectPath);

    const { backend: reader } = await withProject('Scratch');
    const info = await reader.call('project.open', { path: projectPath });
    expect(info).toMatchObject({ path: projectPath, readOnly: true, name: 'Locked' });

    const docs = await reader.call('documents.list', {});
    expect(docs).toHaveLength(3);
    expect((await reader.call('documents.get', { id: kazpravda.id })).text.startsWith('Президент')).toBe(true);
    expect(await reader.call('annotations.list', {})).toEqual([claim]);
    expect((await reader.call('layout.get', {})).panes).toHaveLength(1);

    const writes: [string, unknown][] = [
      ['annotations.create', { documentId: kazpravda.id, start: 10, end: 20, tagIds: [] }],
      ['annotations.update', { id: claim.id, tagIds: [] }],
      ['annotations.delete', { id: claim.id }],
      ['tags.create', { name: 'new tag' }],
      ['tags.update', { id: tags[0]!.id, name: 'renamed' }],
      ['tags.delete', { id: tags[0]!.id }],
      ['documents.import', { files: [corpusFile(ZAKON), { name: 'new.txt', dataBase64: Buffer.from('Новый текст').toString('base64') }] }],
      ['documents.update', { id: kazpravda.id, patch: { title: 'Changed' } }],
      ['documents.delete', { id: kazpravda.id }],
      ['layout.set', { panes: [], sidebar: false }],
    ];
    for (const [name, input] of writes) {
      const answer = await reader.dispatch(name, input);
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'read-only' } });
    }

    // Nothing changed, as far as the app can tell and byte for byte.
    expect(await reader.call('documents.list', {})).toEqual(docs);
    expect(await reader.call('tags.list', {})).toEqual(savedTags);
    expect(await reader.call('annotations.list', {})).toEqual([claim]);
    reader.close();
    expect(fileHash(projectPath)).toBe(hash);
    expect(fs.statSync(projectPath).mode & 0o777).toBe(0o444);
    // SQLite may leave an empty write-ahead log beside the file; nothing may have been written to it.
    const wal = `${projectPath}-wal`;
    if (fs.existsSync(wal)) expect(fs.statSync(wal).size).toBe(0);
    expect(kazpravda.sourceName).toBe(KAZPRAVDA);
  });
});
