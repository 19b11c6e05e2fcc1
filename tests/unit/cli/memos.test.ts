/** `crossread memos`: the project memo and the memos on documents and tags, from the command line. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/core/backend';
import { lexicalNote } from '../core/helpers';
import { CORPUS_PATHS, ensureBuilt, runCli } from './helpers';

const dirs: string[] = [];
beforeAll(ensureBuilt, 120_000);
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function projectWithMemos(): Promise<{ home: string; project: string }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-cli-'));
  dirs.push(home);
  const project = path.join(home, 'P.crossread');
  expect((await runCli(['import', '--project', project, ...CORPUS_PATHS], home)).code).toBe(0);
  const backend = createBackend({ homeDir: path.join(home, 'app'), resourcesDir: home, version: 'test', projectPath: project, backupSchedule: false });
  try {
    await backend.call('settings.update', { author: 'Аналитик' });
    const economic = (await backend.call('tags.list', {})).find((t) => t.name === 'economic')!;
    await backend.call('memos.save', { owner: { kind: 'project' }, json: lexicalNote('Главный вывод', 'Вторая строка') });
    await backend.call('memos.save', { owner: { kind: 'tag', id: economic.id }, json: lexicalNote('Деньги и торговля') });
  } finally {
    backend.close();
  }
  return { home, project };
}

describe('crossread memos', () => {
  it('--json lists the project memo first, then the tag memo, with author, time and text', async () => {
    const { home, project } = await projectWithMemos();
    const r = await runCli(['memos', '--project', project, '--json'], home);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { kind: string; owner: string | null; author: string; text: string; modified: string }[];
    expect(rows.map((m) => [m.kind, m.owner, m.author, m.text])).toEqual([
      ['project', null, 'Аналитик', 'Главный вывод\nВторая строка'],
      ['tag', 'economic', 'Аналитик', 'Деньги и торговля'],
    ]);
    expect(rows[0]!.modified).toMatch(/Z$/);
  });

  it('prints each memo under a heading with its text indented, and says so when there is none', async () => {
    const { home, project } = await projectWithMemos();
    const r = await runCli(['memos', '--project', project], home);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Project memo — Аналитик, \S+Z\n {4}Главный вывод\n {4}Вторая строка\n\nTag “economic” — Аналитик/);
    const empty = path.join(home, 'Empty.crossread');
    await runCli(['import', '--project', empty, CORPUS_PATHS[0]!], home);
    expect((await runCli(['memos', '--project', empty], home)).stdout).toBe('No memos written yet.\n');
  });

  it('export --memos puts the chosen memos in the dossier, and an unknown memo is a usage error that writes nothing', async () => {
    const { home, project } = await projectWithMemos();
    const out = path.join(home, 'dossier.md');
    const r = await runCli(['export', '--project', project, '--format', 'md', '--out', out, '--memos', 'project,tag:economic'], home);
    expect(r.code, r.stderr).toBe(0);
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toMatch(/## Memos\n\n### Project memo\n/);
    expect(md).toContain('Деньги и торговля');
    const bad = path.join(home, 'bad.md');
    const refused = await runCli(['export', '--project', project, '--format', 'md', '--out', bad, '--memos', 'tag:security'], home);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('there is no memo “tag:security”');
    expect(fs.existsSync(bad)).toBe(false);
  });

  it('search finds words in memos too and names whose memo matched', async () => {
    const { home, project } = await projectWithMemos();
    const text = await runCli(['search', '--project', project, 'торговля'], home);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Memo on tag “economic”: …Деньги и [торговля]…');
    const asJson = JSON.parse((await runCli(['search', '--project', project, '--json', 'вывод'], home)).stdout) as { memos: { kind: string; match: string }[] };
    expect(asJson.memos).toEqual([expect.objectContaining({ kind: 'project', match: 'вывод' })]);
  });
});
