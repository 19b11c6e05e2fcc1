/** `crossread hypotheses`: the analyses, hypotheses ranked, the matrix and the scores from the command line. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/core/backend';
import type { DossierAssessment } from '../../../shared/dossier';
import { CORPUS_PATHS, ensureBuilt, runCli } from './helpers';

const dirs: string[] = [];
beforeAll(ensureBuilt, 120_000);
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A project whose analyst (Aliya, in the app's own settings) rated a small matrix; the CLI's home has no author. */
async function projectWithAnalysis(): Promise<{ home: string; project: string }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-cli-'));
  dirs.push(home);
  const project = path.join(home, 'P.crossread');
  expect((await runCli(['import', '--project', project, ...CORPUS_PATHS], home)).code).toBe(0);
  const backend = createBackend({ homeDir: path.join(home, 'app'), resourcesDir: home, version: 'test', projectPath: project, backupSchedule: false });
  try {
    await backend.call('settings.update', { author: 'Aliya' });
    const analysis = await backend.call('hypotheses.createAnalysis', { question: 'Why did Kazakhstan join the Abraham Accords?' });
    const gain = await backend.call('hypotheses.create', { analysisId: analysis.id, title: 'Economic gain' });
    const image = await backend.call('hypotheses.create', { analysisId: analysis.id, title: 'Interfaith image' });
    await backend.call('hypotheses.addRows', { analysisId: analysis.id, rows: [{ kind: 'absent', text: 'No interfaith event was announced\u001b[31m' }] });
    const [row] = (await backend.call('hypotheses.matrix', { analysisId: analysis.id })).rows;
    await backend.call('hypotheses.rate', { rowId: row!.id, hypothesisId: gain.id, rating: 'N' });
    await backend.call('hypotheses.rate', { rowId: row!.id, hypothesisId: image.id, rating: 'II' });
  } finally {
    backend.close();
  }
  return { home, project };
}

describe('crossread hypotheses', () => {
  it('--json prints each analysis in the dossier’s Assessment shape, scored with the ratings there are', async () => {
    const { home, project } = await projectWithAnalysis();
    const r = await runCli(['hypotheses', '--project', project, '--json'], home);
    expect(r.code, r.stderr).toBe(0);
    const [a] = JSON.parse(r.stdout) as DossierAssessment[];
    expect(a!.question).toBe('Why did Kazakhstan join the Abraham Accords?');
    expect(a!.analyst).toBe('Aliya');
    expect(a!.hypotheses.map((h) => [h.title, h.rank, h.score])).toEqual([
      ['Economic gain', 1, 0],
      ['Interfaith image', 2, -2],
    ]);
    expect(a!.rows.map((r) => [r.kind, r.ratings, r.diagnosticity])).toEqual([['absent', ['N', 'II'], 1]]);
  });

  it('prints the ranking and the matrix as text with control characters escaped, and says when there is nothing', async () => {
    const { home, project } = await projectWithAnalysis();
    const r = await runCli(['hypotheses', '--project', project], home);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Question: Why did Kazakhstan join the Abraham Accords?\nRatings by: Aliya');
    expect(r.stdout).toContain('  1. Economic gain  0\n  2. Interfaith image  -2.00');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('No interfaith event was announced\\u001b[31m (absent)');
    const empty = path.join(home, 'Empty.crossread');
    await runCli(['import', '--project', empty, CORPUS_PATHS[0]!], home);
    expect((await runCli(['hypotheses', '--project', empty], home)).stdout).toBe('No analyses with hypotheses yet.\n');
  });
});
