/**
 * One writer per project: a second Crossread that wants to write a project another one holds is
 * refused with a message naming the holder; read-only listings still work; a lock left by a dead
 * process is taken over.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holderAlive } from '../../../electron/core/project-lock';
import { Project } from '../../../electron/core/store/project';
import { expectAppError, importCorpus, makeBackend, tempDir, withProject } from './helpers';

describe('project lock', () => {
  it('refuses a second writer with a message naming the first, and lets it in once the first closes', async () => {
    const { backend: first, projectPath } = await withProject('Shared');
    const second = makeBackend(tempDir(), { appName: 'browser mode' });
    const other = await second.call('project.create', { path: path.join(tempDir(), 'Other.crossread') });

    const refused = await expectAppError(second.call('project.open', { path: projectPath }), 'conflict');
    expect(refused.message).toMatch(/^Shared\.crossread is open in another Crossread \(Crossread, process \d+, since \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\. Close it there first/);
    // The refused instance stays where it was.
    expect((await second.call('project.current', {}))?.path).toBe(other.path);

    // The holder keeps working, and reopening its own project does not lock itself out.
    await first.call('tags.create', { name: 'Energy' });
    await first.call('project.open', { path: projectPath });
    await first.call('tags.create', { name: 'Water' });

    first.close();
    expect((await second.call('project.open', { path: projectPath })).path).toBe(projectPath);
    await second.call('tags.create', { name: 'Mine now' });
  });

  it('lets read-only listings in while the project is held, and one-off writes not', async () => {
    const { backend: app, projectPath } = await withProject('Held');
    await importCorpus(app);
    const listing = makeBackend(tempDir(), { projectPath, projectLock: 'ignore', rememberRecent: false, backupSchedule: false });
    expect(await listing.call('documents.list', {})).toHaveLength(3);
    expect(() => makeBackend(tempDir(), { projectPath, projectLock: 'respect', rememberRecent: false, backupSchedule: false })).toThrow(/open in another Crossread/);
    // The holder was not disturbed.
    await app.call('tags.create', { name: 'Still mine' });
  });

  it('takes over a lock left by a process that is gone', async () => {
    const { backend, projectPath } = await withProject('Crashed');
    backend.close();
    // A real process that has exited: its pid is free.
    const gone = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }).pid!;
    expect(holderAlive({ pid: gone, host: os.hostname() })).toBe(false);
    const p = Project.open(projectPath);
    p.write((now) => p.meta.set('writer_lock', JSON.stringify({ id: 'old', pid: gone, host: os.hostname(), since: now, app: 'the desktop app' })));
    p.close();

    const next = makeBackend(tempDir());
    expect((await next.call('project.open', { path: projectPath })).path).toBe(projectPath);
  });

  it('trusts a holder on another host, which it cannot check', () => {
    expect(holderAlive({ pid: 1, host: 'analyst-laptop.example' })).toBe(true);
  });
});
