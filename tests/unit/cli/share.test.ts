/** `crossread share export|import` through the built CLI, as a user runs it. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/core/backend';
import { CORPUS_PATHS, ensureBuilt, REPO, runCli } from './helpers';
import { tempDir } from '../core/helpers';

beforeAll(ensureBuilt, 300_000);

async function projectWithClaim(home: string, name: string, embed = false) {
  const project = path.join(home, `${name}.crossread`);
  expect((await runCli(['import', '--project', project, ...CORPUS_PATHS], home)).code).toBe(0);
  const backend = createBackend({ homeDir: home, resourcesDir: path.join(REPO, 'resources'), version: 'test', projectPath: project });
  const doc = (await backend.call('documents.list', {}))[0]!;
  const { text } = await backend.call('documents.get', { id: doc.id });
  const claim = await backend.call('annotations.create', { documentId: doc.id, start: 0, end: text.indexOf('.') + 1, tagIds: [] });
  backend.close();
  const out = path.join(home, `${name}.crossread.json`);
  const args = ['share', 'export', '--project', project, '--out', out];
  const r = await runCli(embed ? [...args, '--embed-text'] : args, home);
  expect(r.code, r.stderr).toBe(0);
  return { project, out, claim };
}

describe('crossread share', () => {
  it('exports a file another project previews with --dry-run --json, then imports; a second import changes nothing', async () => {
    const home = tempDir();
    const { out, claim } = await projectWithClaim(home, 'A', true);
    const file = JSON.parse(fs.readFileSync(out, 'utf8')) as { type: string; first: { items: { id: string }[] } };
    expect(file.type).toBe('AnnotationCollection');
    expect(file.first.items.map((i) => i.id)).toEqual([`urn:uuid:${claim.id}`]);

    const other = path.join(home, 'B.crossread');
    expect((await runCli(['import', '--project', other, CORPUS_PATHS[2]!], home)).code).toBe(0);
    const dry = await runCli(['share', 'import', '--project', other, out, '--dry-run', '--json'], home);
    expect(dry.code, dry.stderr).toBe(0);
    const preview = JSON.parse(dry.stdout) as { applied: boolean; claims: { new: number }; documentsCreated: number };
    expect(preview).toMatchObject({ applied: false, claims: { new: 1 }, documentsCreated: 2 });
    const annotations = async () => JSON.parse((await runCli(['annotations', '--project', other, '--json'], home)).stdout) as { id: string }[];
    expect(await annotations()).toEqual([]);

    const real = await runCli(['share', 'import', '--project', other, out], home);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/^Imported A\.crossread\.json \(crossread\)/);
    expect(real.stdout).toMatch(/^claims: 1 new, 0 updated, 0 conflicts, 0 orphans, 0 deleted, 0 unchanged$/m);
    expect((await annotations()).map((a) => a.id)).toEqual([claim.id]);
    const again = await runCli(['share', 'import', '--project', other, out], home);
    expect(again.stdout).toContain('nothing changed');
  });

  it('refuses a broken file with exit 1 and the reason, and wrong arguments with exit 2', async () => {
    const home = tempDir();
    const { project } = await projectWithClaim(home, 'A');
    const broken = path.join(home, 'broken.json');
    fs.writeFileSync(broken, '{"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector"}}}');
    const r = await runCli(['share', 'import', '--project', project, broken], home);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.json is not a usable annotation file: items[0].target.selector.exact: a TextQuoteSelector needs "exact"');
    expect((await runCli(['share', 'export', '--project', project], home)).code).toBe(2);
    expect((await runCli(['share', 'import', '--project', project], home)).code).toBe(2);
    expect((await runCli(['share', 'merge', '--project', project], home)).code).toBe(2);
    expect((await runCli(['--help'], home)).stdout).toContain('share import --project P FILE [--dry-run] [--json]');
  });

  it('--out x.jsonld writes x.jsonld, not x.jsonld.crossread.json', async () => {
    const home = tempDir();
    const { project } = await projectWithClaim(home, 'A');
    const out = path.join(home, 'x.jsonld');
    const r = await runCli(['share', 'export', '--project', project, '--out', out], home);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(home).filter((f) => f.startsWith('x.'))).toEqual(['x.jsonld']);
    expect((JSON.parse(fs.readFileSync(out, 'utf8')) as { type: string }).type).toBe('AnnotationCollection');
  });
});
