/**
 * The core in Electron's utility process: core-client.ts in this process, the bundled core-host
 * in a real child forked through the typed stand-in's `utilityProcess` (real serialization, a real
 * exit, a real kill), with the real core and SQLite behind it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../shared/contract';
import { createBackend } from '../../../electron/core/backend';
import { log } from '../../../electron/core/log';
import { createCore, type Core, type CoreDeps } from '../../../electron/core-client';
import type { CoreStartOptions } from '../../../electron/core-protocol';
import { CORPUS_DIR, REPO_DIR } from '../../support/corpus';
import { buildCoreHost } from './core-host-bundle';
import { StandinElectron } from './electron-standin';

/** A child process under a busy machine can take a while; nothing here measures speed. */
const SLOW = { timeout: 15_000 };

let host: Awaited<ReturnType<typeof buildCoreHost>>;
beforeAll(async () => {
  host = await buildCoreHost();
});
afterAll(() => host.remove());

let electron: StandinElectron;
let home: string;
let printed: string[];
const cores: Core[] = [];

beforeEach(() => {
  electron = new StandinElectron();
  electron.app.becomeReady();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-core-client-'));
  printed = [];
});

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  fs.rmSync(home, { recursive: true, force: true });
});

function core(overrides: Partial<CoreDeps> = {}): Core {
  const made = createCore({
    fork: (modulePath, args, options) => electron.fork(modulePath, args, options),
    hostPath: host.file,
    printPdf: async (html) => {
      printed.push(html);
      return Buffer.from('%PDF-1.7 printed in main');
    },
    inProcess: createBackend,
    // A busy machine must not turn a slow start into the fallback these tests do not expect.
    handshakeMs: SLOW.timeout,
    ...overrides,
  });
  cores.push(made);
  return made;
}

const startOptions = (): CoreStartOptions => ({
  homeDir: home,
  resourcesDir: path.join(REPO_DIR, 'resources'),
  version: '0.1.0',
  appName: 'the desktop app',
  logFile: path.join(home, 'logs', 'crossread.log'),
});

function value<T>(answer: ApiResponse<unknown>): T {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

async function withProject(c: Core): Promise<string> {
  await c.start(startOptions());
  const info = value<{ path: string }>(await c.dispatch('project.create', { path: path.join(home, 'Accords') }));
  const file = fs.readdirSync(CORPUS_DIR).find((name) => name.endsWith('.txt'))!;
  const imported = await c.dispatch('documents.import', {
    files: [{ name: file, dataBase64: fs.readFileSync(path.join(CORPUS_DIR, file)).toString('base64') }],
  });
  expect(value<{ imported: unknown[] }>(imported).imported).toHaveLength(1);
  return info.path;
}

describe('the core in a utility process', () => {
  it('answers calls through the utility process, on the project it opened', async () => {
    const c = core();
    const file = await withProject(c);
    expect(c.where()).toBe('utility process');
    expect(electron.utilityProcesses).toHaveLength(1);
    expect(value<{ path: string }>(await c.dispatch('project.current', {})).path).toBe(file);
    expect(value<unknown[]>(await c.dispatch('documents.list', {}))).toHaveLength(1);
    // The log file the core reports is the main process's: it writes the lines the core sends.
    expect(value<{ logFile: string }>(await c.dispatch('app.info', {})).logFile).toBe(startOptions().logFile);
    // The core's own refusals arrive as they are.
    expect(await c.dispatch('no.such', {})).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('a dossier PDF is printed by the main process at the core’s request, and its bytes go back', async () => {
    const c = core();
    await withProject(c);
    const built = value<{ dataBase64: string; mime: string }>(await c.dispatch('export.build', { format: 'pdf', options: {} }));
    expect(Buffer.from(built.dataBase64, 'base64').toString()).toBe('%PDF-1.7 printed in main');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('<meta http-equiv="Content-Security-Policy"');
  });

  it('a print that fails in the main process fails the export with its reason, logged by main', async () => {
    // The core's log lines are written by the main process (one writer of the file).
    const logFile = log.toFile(path.join(home, 'logs'));
    const c = core({
      printPdf: () => Promise.reject(new Error('the PDF window could not load the dossier')),
    });
    await withProject(c);
    const answer = await c.dispatch('export.build', { format: 'pdf', options: {} });
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error.message).toContain('the PDF window could not load the dossier');
    expect(fs.readFileSync(logFile, 'utf8')).toMatch(/ ERROR unexpected error: Error: the PDF window could not load the dossier/);
  });

  it('the core crashing mid-call gives the waiting caller a clear error, and the next call works on the same project', async () => {
    // The core dies while it waits for main to print (the one moment a call is surely in flight).
    const c = core({
      printPdf: () => {
        electron.utilityProcesses.at(-1)!.crash();
        return new Promise<Buffer>(() => undefined);
      },
    });
    const file = await withProject(c);
    const answer = await c.dispatch('export.build', { format: 'pdf', options: {} });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/^Crossread’s core stopped unexpectedly \(exit code \d+\) before finishing this\./) },
    });
    // A new process, on the same project, with what was saved before.
    expect(value<{ path: string }>(await c.dispatch('project.current', {})).path).toBe(file);
    expect(value<unknown[]>(await c.dispatch('documents.list', {}))).toHaveLength(1);
    expect(electron.utilityProcesses).toHaveLength(2);
    expect(c.where()).toBe('utility process');
  });

  it('a project closed before the crash stays closed after the restart', async () => {
    const c = core();
    await withProject(c);
    value(await c.dispatch('project.close', {}));
    const first = electron.utilityProcesses[0]!;
    const gone = new Promise((resolve) => first.once('exit', resolve));
    first.crash();
    await gone;
    expect(value(await c.dispatch('project.current', {}))).toBeNull();
    expect(electron.utilityProcesses).toHaveLength(2);
  });

  it('a project busy in another Crossread fails the start with its reason; a start without it works', async () => {
    const setup = createBackend({ ...startOptions(), backupSchedule: false });
    await setup.call('project.create', { path: path.join(home, 'Busy') });
    const c = core();
    await expect(c.start({ ...startOptions(), projectPath: path.join(home, 'Busy.crossread') })).rejects.toThrow(/open in another Crossread/);
    await c.start(startOptions());
    setup.close();
    expect(c.where()).toBe('utility process');
  });

  it('a core that keeps stopping gives way to the core in the main process, on the same project', async () => {
    const c = core();
    const file = await withProject(c);
    for (let death = 1; death <= 3; death++) {
      const child = electron.utilityProcesses.at(-1)!;
      // Each new process is crashed as soon as it is asked to start.
      await expect.poll(() => child.posted.some((m) => (m as { type: string }).type === 'start'), SLOW).toBe(true);
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.crash();
      await gone;
    }
    expect(value<{ path: string }>(await c.dispatch('project.current', {})).path).toBe(file);
    expect(c.where()).toBe('main process');
    expect(electron.utilityProcesses).toHaveLength(3);
  });

  it('closing lets calls already made finish, then ends the process', async () => {
    const c = core();
    await withProject(c);
    const save = c.dispatch('layout.set', { panes: [] });
    await c.close();
    expect((await save).ok).toBe(true);
    expect(electron.utilityProcesses[0]!.pid).toBeUndefined();
    expect(await c.dispatch('project.current', {})).toEqual({ ok: false, error: { code: 'unavailable', message: 'Crossread is closing.' } });
  });
});

describe('quitting never hangs on the core', () => {
  it('a core that does not finish closing in time is ended, and the close returns', async () => {
    // The core is stuck: main never prints the PDF it asked for, so its call never finishes.
    let asked = false;
    const c = core({
      printPdf: () => {
        asked = true;
        return new Promise<Buffer>(() => undefined);
      },
      closeMs: 300,
    });
    await withProject(c);
    const stuck = c.dispatch('export.build', { format: 'pdf', options: {} });
    await expect.poll(() => asked, SLOW).toBe(true);
    await c.close();
    expect(await stuck).toEqual({ ok: false, error: { code: 'unavailable', message: 'Crossread is closing.' } });
    expect(electron.utilityProcesses[0]!.pid).toBeUndefined();
    expect(electron.utilityProcesses).toHaveLength(1);
  });
});

describe('when the utility process cannot be had, the core runs in the main process', () => {
  it('when fork throws', async () => {
    electron.fork = () => {
      throw new Error('utilityProcess could not be launched');
    };
    const c = core();
    const file = await withProject(c);
    expect(c.where()).toBe('main process');
    expect(value<{ path: string }>(await c.dispatch('project.current', {})).path).toBe(file);
    const built = value<{ dataBase64: string }>(await c.dispatch('export.build', { format: 'pdf', options: {} }));
    expect(Buffer.from(built.dataBase64, 'base64').toString()).toBe('%PDF-1.7 printed in main');
  });

  it('when it never answers the handshake (and the silent process is ended)', async () => {
    const silent = path.join(home, 'silent.cjs');
    fs.writeFileSync(silent, "process.parentPort.on('message', () => undefined);\n");
    const c = core({ hostPath: silent, handshakeMs: 300 });
    await withProject(c);
    expect(c.where()).toBe('main process');
    await expect.poll(() => electron.utilityProcesses[0]!.pid, SLOW).toBeUndefined();
  });

  it('when the utility process cannot load the native SQLite binding', async () => {
    // The host bundle beside a better-sqlite3 whose binding does not load, as when the packaged
    // .node cannot be found from the utility process.
    const dir = path.join(home, 'app');
    fs.mkdirSync(path.join(dir, 'node_modules', 'better-sqlite3'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'node_modules', 'better-sqlite3', 'index.js'),
      "module.exports = class Database { constructor() { throw new Error('Could not locate the bindings file.'); } };\n",
    );
    fs.copyFileSync(host.file, path.join(dir, 'core-host.cjs'));
    const c = core({ hostPath: path.join(dir, 'core-host.cjs') });
    await withProject(c);
    expect(c.where()).toBe('main process');
    expect(electron.utilityProcesses[0]!.pid).toBeUndefined();
  });

  it('when it exits before saying hello', async () => {
    const broken = path.join(home, 'broken.cjs');
    fs.writeFileSync(broken, "throw new Error('the native module could not be loaded');\n");
    const c = core({ hostPath: broken });
    await withProject(c);
    expect(c.where()).toBe('main process');
  });
});
