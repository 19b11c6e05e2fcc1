/**
 * One writer per project: a second Crossread that wants to write a project another one holds is
 * refused with a message naming the holder; read-only listings still work; a lock left by a dead
 * process is taken over.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holderState, processStart } from '../../../electron/core/project-lock';
import { Project } from '../../../electron/core/store/project';
import { expectAppError, importCorpus, makeBackend, tempDir, withProject } from './helpers';

describe('project lock', () => {
  it('refuses a second writer with a message naming the first, and lets it in once the first closes', async () => {
    const { backend: first, projectPath } = await withProject('Shared');
    const second = makeBackend(tempDir(), { appName: 'browser mode' });
    const other = await second.call('project.create', { path: path.join(tempDir(), 'Other.crossread') });

    const refused = await expectAppError(second.call('project.open', { path: projectPath }), 'locked');
    expect(refused.message).toMatch(/^Shared\.crossread is open in another Crossread \(Crossread, process \d+, since \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\. Close it there first, or take the project over\./);
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
    expect(holderState({ pid: gone, host: os.hostname() })).toBe('gone');
    const p = Project.open(projectPath);
    p.write((now) => p.meta.set('writer_lock', JSON.stringify({ id: 'old', pid: gone, host: os.hostname(), since: now, app: 'the desktop app' })));
    p.close();

    const next = makeBackend(tempDir());
    expect((await next.call('project.open', { path: projectPath })).path).toBe(projectPath);
  });

  it('trusts a holder on another host, which it cannot check', () => {
    expect(holderState({ pid: 1, host: 'analyst-laptop.example' })).toBe('elsewhere');
  });
});

/** Writes a holder record into the project as another Crossread would have left it. */
function plantHolder(projectPath: string, holder: Record<string, unknown>): void {
  const p = Project.open(projectPath);
  p.write((now) => p.meta.set('writer_lock', JSON.stringify({ id: 'planted', since: now, app: 'browser mode', ...holder })));
  p.close();
}

describe('a crashed Crossread cannot lock its project forever', () => {
  it('a lock whose process number was reused by another process is stale and taken over', async () => {
    const { backend, projectPath } = await withProject('Reused');
    backend.close();
    // This test's own process is alive, but it is not the holder: the holder started at another time.
    const mine = processStart(process.pid);
    expect(mine, '/proc is needed to tell a reused process number').not.toBeNull();
    const [boot, ticks] = mine!.split('/');
    plantHolder(projectPath, { pid: process.pid, host: os.hostname(), started: `${boot}/${Number(ticks) - 1}` });
    const next = makeBackend(tempDir());
    expect((await next.call('project.open', { path: projectPath })).path).toBe(projectPath);
  });

  it('a lock left by process 1 in a container that was restarted (same number, started before this boot) is stale', async () => {
    const { backend, projectPath } = await withProject('Container');
    backend.close();
    plantHolder(projectPath, { pid: 1, host: os.hostname(), started: '00000000-0000-0000-0000-000000000000/5' });
    const next = makeBackend(tempDir());
    expect((await next.call('project.open', { path: projectPath })).path).toBe(projectPath);
  });

  it('a live holder with the same start time still refuses a second writer', async () => {
    const { backend, projectPath } = await withProject('Live');
    backend.close();
    plantHolder(projectPath, { pid: process.pid, host: os.hostname(), started: processStart(process.pid) });
    const next = makeBackend(tempDir());
    const refused = await expectAppError(next.call('project.open', { path: projectPath }), 'locked');
    expect(refused.message).toContain(`process ${process.pid}`);
  });

  it('a holder on another host is named honestly, and the user can take the project over', async () => {
    const { backend, projectPath } = await withProject('Shared drive');
    backend.close();
    plantHolder(projectPath, { pid: 4242, host: 'analyst-laptop.example' });
    const next = makeBackend(tempDir(), { appName: 'the desktop app' });
    const refused = await expectAppError(next.call('project.open', { path: projectPath }), 'locked');
    expect(refused.message).toContain('on another computer (browser mode on analyst-laptop.example, process 4242');
    expect(refused.message).toContain('cannot check from here whether it is still running');
    expect(refused.message).toContain('take the project over');

    const info = await next.call('project.open', { path: projectPath, takeOver: true });
    expect(info.path).toBe(projectPath);
    await next.call('tags.create', { name: 'Taken over' });
    // The record now names the new holder, so the old one (if it comes back) is refused in turn.
    const p = Project.open(projectPath);
    const holder = JSON.parse(p.meta.get('writer_lock')!) as { host: string; app: string; pid: number };
    p.close();
    expect(holder).toMatchObject({ host: os.hostname(), app: 'the desktop app', pid: process.pid });
  });

  it('takes over at start-up when asked (the CLI flag), and not otherwise', async () => {
    const { backend, projectPath } = await withProject('Startup');
    backend.close();
    plantHolder(projectPath, { pid: 4242, host: 'analyst-laptop.example' });
    expect(() => makeBackend(tempDir(), { projectPath })).toThrow(/on another computer/);
    const next = makeBackend(tempDir(), { projectPath, takeOver: true });
    expect((await next.call('project.current', {}))?.path).toBe(projectPath);
  });
});
