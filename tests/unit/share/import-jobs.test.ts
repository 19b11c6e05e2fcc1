/**
 * Previewing or importing an annotation file is a job the UI starts, watches and can cancel: the
 * search for a hostile file's claims yields to the event loop, so the backend answers other calls
 * while it runs, and a cancelled job leaves the project as it was.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import type { ShareJob } from '../../../shared/share';
import { expectAppError, importCorpus } from '../core/helpers';
import { allRows, analyst, asFile, importInto, quotesFile } from './helpers';

const unfindable = (i: number) => ({ exact: `zqxj ${i.toString(36)} vvqk wpzx jjqy`, prefix: '', suffix: '' });
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 10));

async function until(backend: Backend, jobId: string, done: (job: ShareJob) => boolean): Promise<ShareJob> {
  for (;;) {
    const job = await backend.call('share.importJob', { jobId });
    if (done(job)) return job;
    await nextTurn();
  }
}

describe('import jobs', () => {
  it('a hostile file’s preview runs as a job: the backend answers other calls meanwhile, and cancel leaves the project unchanged', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const rows = allRows(A.projectPath);
    const { jobId } = await A.backend.call('share.startImport', { file: asFile('hostile.json', quotesFile(100_000, unfindable)), dryRun: true });
    const started = await until(A.backend, jobId, (j) => j.done > 0 || j.state !== 'running');
    expect(started.state).toBe('running');
    expect(started.total).toBe(100_000);
    // Other calls are answered while the search goes on.
    expect((await A.backend.call('tags.list', {})).length).toBeGreaterThan(0);
    const meanwhile = await A.backend.call('share.importJob', { jobId });
    expect(meanwhile.state).toBe('running');
    expect(meanwhile.done).toBeLessThan(100_000);
    await A.backend.call('share.cancelImport', { jobId });
    const end = await until(A.backend, jobId, (j) => j.state !== 'running');
    expect(end).toMatchObject({ state: 'cancelled', result: null });
    expect(allRows(A.projectPath)).toEqual(rows);
  }, 60_000);

  it('a job’s preview is the same as the direct one, and applying it as a job imports', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const file = quotesFile(50, (i) => (i % 2 ? unfindable(i) : { exact: 'Казахстан', prefix: '', suffix: '' }));
    const direct = await importInto(A, 'f.json', file, true);
    const preview = await A.backend.call('share.startImport', { file: asFile('f.json', file), dryRun: true });
    const previewed = await until(A.backend, preview.jobId, (j) => j.state !== 'running');
    expect(previewed).toMatchObject({ state: 'done', done: 50, total: 50, result: direct });
    const apply = await A.backend.call('share.startImport', { file: asFile('f.json', file), dryRun: false });
    const applied = await until(A.backend, apply.jobId, (j) => j.state !== 'running');
    expect(applied.result).toMatchObject({ applied: true, claims: { new: 25, orphans: 25 } });
    expect(await A.backend.call('annotations.list', {})).toHaveLength(25);
  });

  it('a job whose project is closed while it searches stops without touching the project', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    // Closing the project releases its lock (a row of project_meta): every other table is compared.
    const { project_meta: _lock, ...rows } = allRows(A.projectPath);
    const { jobId } = await A.backend.call('share.startImport', { file: asFile('hostile.json', quotesFile(9_000, unfindable)), dryRun: false });
    await until(A.backend, jobId, (j) => j.done > 0 || j.state !== 'running');
    await A.backend.call('project.close', {});
    const end = await until(A.backend, jobId, (j) => j.state !== 'running');
    expect(end).toMatchObject({ state: 'failed', error: { code: 'conflict' } });
    expect(end.error!.message).toMatch(/closed while the annotation file was being read; nothing was imported/);
    const { project_meta: _released, ...after } = allRows(A.projectPath);
    expect(after).toEqual(rows);
  }, 60_000);

  it('a job reports a refused file as failed, with the reason', async () => {
    const A = await analyst('Aliya');
    const { jobId } = await A.backend.call('share.startImport', { file: asFile('bad.json', '{"type": "Annotation"'), dryRun: true });
    const end = await until(A.backend, jobId, (j) => j.state !== 'running');
    expect(end.state).toBe('failed');
    expect(end.error).toMatchObject({ code: 'bad-input' });
    expect(end.error!.message).toMatch(/^bad\.json is not a usable annotation file: it is not valid JSON/);
    await expectAppError(A.backend.call('share.importJob', { jobId: '00000000-0000-4000-8000-000000000000' }), 'not-found');
  });
});
