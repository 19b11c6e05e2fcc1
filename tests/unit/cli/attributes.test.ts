/** `crossread attributes`: the project's attributes and values from the command line, run as users run it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/core/backend';
import { CORPUS_PATHS, ensureBuilt, REPO, runCli } from './helpers';

const dirs: string[] = [];
beforeAll(ensureBuilt, 120_000);
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('crossread attributes', () => {
  it('lists the attributes and each expert’s country, as text and as JSON', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-cli-'));
    dirs.push(home);
    const project = path.join(home, 'P.crossread');
    expect((await runCli(['import', '--project', project, ...CORPUS_PATHS], home)).code).toBe(0);
    const backend = createBackend({ homeDir: home, resourcesDir: path.join(REPO, 'resources'), version: 'test', projectPath: project, rememberRecent: false, backupSchedule: false });
    try {
      const country = await backend.call('attributes.create', { name: "expert's country", type: 'choice', choices: ['Azerbaijan', 'Kazakhstan', 'Russia'] });
      const docs = await backend.call('documents.list', {});
      const caravan = docs.find((d) => d.sourceName.startsWith('caravan'))!;
      await backend.call('attributes.setValue', { owner: { kind: 'document', id: caravan.id }, attributeId: country.id, value: 'Russia' });
    } finally {
      backend.close();
    }

    const text = await runCli(['attributes', '--project', project], home);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("expert's country  (choice: Azerbaijan | Kazakhstan | Russia)");
    expect(text.stdout).toMatch(/: expert's country = Russia\n/);

    const json = await runCli(['attributes', '--project', project, '--json'], home);
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as { attributes: { name: string; builtin: string | null }[]; documents: { title: string; values: Record<string, string> }[] };
    expect(parsed.attributes.map((a) => a.builtin ?? a.name)).toEqual(['reliability', 'credibility', "expert's country"]);
    expect(parsed.documents.filter((d) => d.values["expert's country"] === 'Russia')).toHaveLength(1);
  });

  it('without --project it says so and exits 2', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-cli-'));
    dirs.push(home);
    const r = await runCli(['attributes'], home);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--project P is required');
  });

  it('search finds a value of an attribute and a codebook entry, and names where each is', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-cli-'));
    dirs.push(home);
    const project = path.join(home, 'P.crossread');
    expect((await runCli(['import', '--project', project, ...CORPUS_PATHS], home)).code).toBe(0);
    const backend = createBackend({ homeDir: home, resourcesDir: path.join(REPO, 'resources'), version: 'test', projectPath: project, rememberRecent: false, backupSchedule: false });
    try {
      const country = await backend.call('attributes.create', { name: "expert's country", type: 'choice', choices: ['Azerbaijan', 'Kazakhstan', 'Russia'] });
      const caravan = (await backend.call('documents.list', {})).find((d) => d.sourceName.startsWith('caravan'))!;
      await backend.call('attributes.setValue', { owner: { kind: 'document', id: caravan.id }, attributeId: country.id, value: 'Kazakhstan' });
      const economic = (await backend.call('tags.list', {})).find((t) => t.name === 'economic')!;
      await backend.call('tags.describe', { id: economic.id, example: 'Trade with Kazakhstan grows' });
    } finally {
      backend.close();
    }
    const text = await runCli(['search', '--project', project, 'Kazakhstan'], home);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^expert's country of “.+”: …\[Kazakhstan\]…$/m);
    expect(text.stdout).toContain('Codebook of tag “economic” (example): …Trade with [Kazakhstan] grows…');
    const json = JSON.parse((await runCli(['search', '--project', project, '--json', 'Kazakhstan'], home)).stdout) as { records: { kind: string; match: string }[] };
    expect(json.records.map((r) => [r.kind, r.match])).toEqual([
      ['attribute', 'Kazakhstan'],
      ['codebook', 'Kazakhstan'],
    ]);
  });
});
