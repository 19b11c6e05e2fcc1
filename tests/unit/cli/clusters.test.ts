/** `crossread clusters`: the claim clusters with their titles, sources and neighbours, from the command line. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dealsCluster } from '../clusters/helpers';
import { makeBackend } from '../core/helpers';
import { ensureBuilt, runCli } from './helpers';

const dirs: string[] = [];
beforeAll(ensureBuilt, 120_000);
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function projectWithCluster(): Promise<{ home: string; project: string; key: string }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-cli-'));
  dirs.push(home);
  const project = path.join(home, 'P.crossread');
  const backend = makeBackend(path.join(home, 'app'));
  await backend.call('project.create', { path: project });
  const { k } = await dealsCluster({ home, projectPath: project, backend });
  await backend.call('clusters.rename', { key: k.id, title: 'Сделки на 17 млрд' });
  backend.close();
  return { home, project, key: k.id };
}

describe('crossread clusters', () => {
  it('--json lists each cluster with its title, sources, members and the claims linked to them', async () => {
    const { home, project, key } = await projectWithCluster();
    const r = await runCli(['clusters', '--project', project, '--json'], home);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { key: string; title: string; titled: boolean; sources: string[]; claims: number; neighbours: { relation: string }[] }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key, title: 'Сделки на 17 млрд', titled: true, claims: 3 });
    expect(rows[0]!.sources).toHaveLength(2);
    expect(rows[0]!.neighbours.map((n) => n.relation)).toEqual(['supports', 'contradicts']);
  });

  it('prints the title and a line per claim and neighbour as text', async () => {
    const { home, project } = await projectWithCluster();
    const r = await runCli(['clusters', '--project', project], home);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^“Сделки на 17 млрд” — 2 sources, 3 claims\n/);
    expect(r.stdout).toContain('    = ');
    expect(r.stdout).toContain('✕ contradicts: «решение Казахстана присоединиться к Авраамским соглашениям»');
  });
});
