/**
 * Backups of a project: made before a migration, on a schedule and on request, kept in the app
 * folder with rotation, listed, and restored (after backing up the state being replaced).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backups, KEEP } from '../../../electron/core/backups';
import { APPLICATION_ID, migrate } from '../../../electron/core/store/db';
import { LATEST_SCHEMA } from '../../../electron/core/store/migrations';
import { expectAppError, importCorpus, makeBackend, tempDir } from './helpers';

/** A backend whose project lives in its own folder (not the app folder), with a clock the test moves. */
async function setup() {
  const home = tempDir();
  const projectDir = tempDir('crossread-user-');
  const clock = { t: Date.parse('2026-11-21T09:00:00.000Z') };
  const now = () => new Date(clock.t);
  const backend = makeBackend(home, { now });
  const info = await backend.call('project.create', { path: path.join(projectDir, 'Accords.crossread') });
  return { home, projectDir, clock, now, backend, projectPath: info.path };
}

function schemaOf(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v;
  } finally {
    db.close();
  }
}

describe('backups', () => {
  it('backs up on request into the app folder, lists newest first, and restores an earlier state', async () => {
    const { home, projectDir, backend, projectPath } = await setup();
    const { kazpravda } = await importCorpus(backend);
    const first = await backend.call('annotations.create', { documentId: kazpravda.id, start: 0, end: 10 });
    const saved = await backend.call('backups.create', {});
    expect(saved.reason).toBe('manual');

    await backend.call('annotations.delete', { id: first.id });
    const second = await backend.call('annotations.create', { documentId: kazpravda.id, start: 20, end: 30 });

    // Kept in the app folder, nothing new beside the user's file.
    const dir = new Backups(home, projectPath).dir;
    expect(dir.startsWith(path.join(home, 'backups') + path.sep)).toBe(true);
    expect(fs.readdirSync(projectDir).filter((f) => !/-(wal|shm)$/.test(f))).toEqual(['Accords.crossread']);

    const info = await backend.call('backups.restore', { id: saved.id });
    expect(info.path).toBe(projectPath);
    expect((await backend.call('annotations.list', {})).map((a) => a.id)).toEqual([first.id]);
    expect(await backend.call('documents.list', {})).toHaveLength(3);

    // The state that was replaced was backed up first, so the restore itself can be undone.
    const list = await backend.call('backups.list', {});
    expect(list.map((b) => b.reason)).toEqual(['before-restore', 'manual']);
    const before = list.find((b) => b.reason === 'before-restore')!;
    await backend.call('backups.restore', { id: before.id });
    expect((await backend.call('annotations.list', {})).map((a) => a.id)).toEqual([second.id]);

    // Every copy is a sound Crossread project.
    for (const b of await backend.call('backups.list', {})) {
      const db = new Database(path.join(dir, `${b.id}.crossread`), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true }), b.id).toBe('ok');
      expect(db.pragma('application_id', { simple: true }), b.id).toBe(APPLICATION_ID);
      db.close();
    }
  });

  it('backs up a project before migrating it, as it was', async () => {
    const home = tempDir();
    const file = path.join(tempDir('crossread-user-'), 'Old.crossread');
    const old = new Database(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma('journal_mode = WAL');
    migrate(old, file, 2);
    old.close();

    const backend = makeBackend(home, { projectPath: file, backupSchedule: false });
    expect((await backend.call('project.current', {}))?.schemaVersion).toBe(LATEST_SCHEMA);
    const list = await backend.call('backups.list', {});
    expect(list.map((b) => b.reason)).toEqual(['migration']);
    expect(schemaOf(path.join(new Backups(home, file).dir, `${list[0]!.id}.crossread`))).toBe(2);
    expect(schemaOf(file)).toBe(LATEST_SCHEMA);

    // Opening it again migrates nothing, so it makes no further copy.
    await backend.call('project.open', { path: file });
    expect(await backend.call('backups.list', {})).toHaveLength(1);
  });

  it('backs up on open when the last copy is a day old, and while editing every half hour of changes', async () => {
    const { clock, backend, projectPath } = await setup();
    await backend.idle();
    // Creating a project is not opening one: no copy of an empty file.
    expect(await backend.call('backups.list', {})).toEqual([]);

    await backend.dispatch('project.open', { path: projectPath });
    await backend.idle();
    expect((await backend.call('backups.list', {})).map((b) => b.reason)).toEqual(['scheduled']);

    // Changes within half an hour of the last copy: no new copy.
    clock.t += 10 * 60 * 1000;
    await backend.dispatch('tags.create', { name: 'Energy' });
    await backend.idle();
    expect(await backend.call('backups.list', {})).toHaveLength(1);

    // Half an hour after the last copy, the next call finds that change not yet copied: a copy.
    clock.t += 30 * 60 * 1000;
    await backend.dispatch('tags.list', {});
    await backend.idle();
    expect(await backend.call('backups.list', {})).toHaveLength(2);

    // Another half hour without changes: nothing new to copy.
    clock.t += 31 * 60 * 1000;
    await backend.dispatch('tags.list', {});
    await backend.idle();
    expect(await backend.call('backups.list', {})).toHaveLength(2);

    // With a change, it is.
    await backend.dispatch('tags.create', { name: 'Water' });
    await backend.idle();
    expect(await backend.call('backups.list', {})).toHaveLength(3);

    // Reopened within a day: no copy; after a day: one.
    clock.t += 60 * 60 * 1000;
    await backend.dispatch('project.open', { path: projectPath });
    await backend.idle();
    expect(await backend.call('backups.list', {})).toHaveLength(3);
    clock.t += 25 * 60 * 60 * 1000;
    await backend.dispatch('project.open', { path: projectPath });
    await backend.idle();
    expect(await backend.call('backups.list', {})).toHaveLength(4);
  });

  it(`keeps the newest ${KEEP.regular} copies`, async () => {
    const { clock, backend } = await setup();
    const made: string[] = [];
    for (let i = 0; i < KEEP.regular + 3; i++) {
      clock.t += 1000;
      made.push((await backend.call('backups.create', {})).id);
    }
    const kept = (await backend.call('backups.list', {})).map((b) => b.id);
    expect(kept).toEqual(made.slice(-KEEP.regular).reverse());
  });

  it('refuses unknown, hostile and damaged backups and changes nothing', async () => {
    const { home, backend, projectPath } = await setup();
    const { kazpravda } = await importCorpus(backend);
    const saved = await backend.call('backups.create', {});
    await backend.call('annotations.create', { documentId: kazpravda.id, start: 0, end: 10 });

    expect(await backend.dispatch('backups.restore', { id: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    await expectAppError(backend.call('backups.restore', { id: '2020-01-01T00-00-00-000Z--manual' }), 'not-found');

    fs.writeFileSync(path.join(new Backups(home, projectPath).dir, `${saved.id}.crossread`), 'not a database at all');
    await expectAppError(backend.call('backups.restore', { id: saved.id }), 'project-invalid');
    expect(await backend.call('annotations.list', {})).toHaveLength(1);
    expect((await backend.call('project.current', {}))?.path).toBe(projectPath);
    expect(fs.readdirSync(path.dirname(projectPath)).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('half-written copies left by a process killed during the first-open backup are removed on the next open', async () => {
    const { home, backend, projectPath } = await setup();
    await backend.call('project.close', {});
    const dir = new Backups(home, projectPath).dir;
    fs.mkdirSync(dir, { recursive: true });
    // What a kill in the middle of db.backup() leaves: the copy under its temporary name, by a process that is gone.
    const gone = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }).pid!;
    const left = ['2026-11-21T09-00-00-000Z--scheduled.crossread', '2026-11-21T09-00-00-000Z--migration.crossread'].flatMap((b) => [
      `${b}.${gone}.partial`,
      `${b}.${gone}.partial-journal`,
    ]);
    for (const name of left) fs.writeFileSync(path.join(dir, name), 'half a copy');
    // A copy this very process is writing is in progress, not left over.
    const mine = `2026-11-21T09-00-01-000Z--manual.crossread.${process.pid}.partial`;
    fs.writeFileSync(path.join(dir, mine), 'in progress');

    await backend.call('project.open', { path: projectPath });
    const remaining = fs.readdirSync(dir);
    for (const name of left) expect(remaining).not.toContain(name);
    expect(remaining).toContain(mine);
  });
});
