/** `crossread refi export|import` and `crossread codebook --format qdc` through the built CLI, as a user runs them. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/core/backend';
import { tempDir } from '../core/helpers';
import { expectValid, qdeOf } from '../refi/helpers';
import { CORPUS_PATHS, ensureBuilt, REPO, runCli } from './helpers';

beforeAll(ensureBuilt, 300_000);

async function projectWithClaim(home: string) {
  const project = path.join(home, 'A.crossread');
  expect((await runCli(['import', '--project', project, ...CORPUS_PATHS], home)).code).toBe(0);
  const backend = createBackend({ homeDir: home, resourcesDir: path.join(REPO, 'resources'), version: 'test', projectPath: project });
  const doc = (await backend.call('documents.list', {}))[0]!;
  const { text } = await backend.call('documents.get', { id: doc.id });
  const [economic] = await backend.call('tags.list', {});
  const claim = await backend.call('annotations.create', { documentId: doc.id, start: 0, end: text.indexOf('.') + 1, tagIds: [economic!.id] });
  backend.close();
  return { project, claim };
}

describe('crossread refi', () => {
  it('exports a schema-valid .qdpx that another project previews with --dry-run --json, imports, and imports again without change', async () => {
    const home = tempDir();
    const { project, claim } = await projectWithClaim(home);
    const out = path.join(home, 'A.qdpx');
    const exported = await runCli(['refi', 'export', '--project', project, '--out', out], home);
    expect(exported.code, exported.stderr).toBe(0);
    await expectValid(await qdeOf(fs.readFileSync(out)), 'project');

    const other = path.join(home, 'B.crossread');
    expect((await runCli(['import', '--project', other, CORPUS_PATHS[2]!], home)).code).toBe(0);
    const dry = await runCli(['refi', 'import', '--project', other, out, '--dry-run', '--json'], home);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ applied: false, claims: { new: 1, unchanged: 0 }, documents: { new: 2, unchanged: 1 } });

    const applied = await runCli(['refi', 'import', '--project', other, out], home);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('claims: 1 new, 0 already here');
    const ids = JSON.parse((await runCli(['annotations', '--project', other, '--json'], home)).stdout) as { id: string }[];
    expect(ids.map((a) => a.id)).toEqual([claim.id]);

    const again = await runCli(['refi', 'import', '--project', other, out, '--json'], home);
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: true, claims: { new: 0, unchanged: 1 }, documents: { new: 0, unchanged: 3 } });
  });

  it('codebook --format qdc writes a REFI-QDA codebook valid against Codebook.xsd', async () => {
    const home = tempDir();
    const { project } = await projectWithClaim(home);
    const out = path.join(home, 'codes.qdc');
    const r = await runCli(['codebook', '--project', project, '--format', 'qdc', '--out', out], home);
    expect(r.code, r.stderr).toBe(0);
    await expectValid(fs.readFileSync(out, 'utf8'), 'codebook');
  });

  it('a usage mistake says what is missing and exits 2', async () => {
    const home = tempDir();
    const r = await runCli(['refi', 'import', '--project', path.join(home, 'none.crossread')], home);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist');
  });
});
