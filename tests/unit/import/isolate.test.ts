/**
 * The isolate (electron/core/isolate): untrusted work runs in a worker whose heap, stack and time
 * are capped; whatever the worker does, the host gets an answer and carries on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import { importDocuments, type ImportProgress } from '../../../electron/core/import-documents';
import { Isolate, IsolateError, runIsolated } from '../../../electron/core/isolate';
import { Project } from '../../../electron/core/store/project';
import { corpusFile, fileFrom, KAZPRAVDA, tempDir, ZAKON } from '../core/helpers';
import { projectRows } from './hostile';

/** A worker that speaks the isolate's protocol and misbehaves on request. */
const MISBEHAVING_WORKER = `
import { parentPort } from 'node:worker_threads';
const tasks = {
  echo: (input) => input,
  grow: () => { const keep = []; for (;;) keep.push(new Array(100000).fill(keep.length)); },
  spin: () => { for (;;); },
  exit: () => process.exit(3),
  throw: () => { throw new TypeError('the library said: <secret>'); },
};
parentPort.on('message', async ({ id, task, input }) => {
  try { parentPort.postMessage({ id, ok: true, value: await tasks[task](input) }); }
  catch (error) { parentPort.postMessage({ id, ok: false, message: String(error) }); }
});
`;

function misbehavingWorker(): string {
  const file = path.join(tempDir(), 'misbehaving-worker.mjs');
  fs.writeFileSync(file, MISBEHAVING_WORKER);
  return file;
}

const isolates: Isolate[] = [];
function isolate(limits: ConstructorParameters<typeof Isolate>[0] = {}): Isolate {
  const made = new Isolate({ workerFile: misbehavingWorker(), ...limits });
  isolates.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(isolates.splice(0).map((i) => i.close()));
});

async function failure(run: Promise<unknown>): Promise<IsolateError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IsolateError);
  return error as IsolateError;
}

describe('isolate', () => {
  it('a task that exhausts its heap ends as out-of-memory, and the next run gets a fresh worker', async () => {
    const iso = isolate({ limits: { heapMb: 32 } });
    expect((await failure(iso.runTask('grow', null))).reason).toBe('out-of-memory');
    expect(await iso.runTask('echo', { still: 'here' })).toEqual({ still: 'here' });
  });

  it('a task that never returns ends as timeout, and the next run works', async () => {
    const iso = isolate({ limits: { timeoutMs: 500 } });
    expect((await failure(iso.runTask('spin', null))).reason).toBe('timeout');
    expect(await iso.runTask('echo', 7)).toBe(7);
  });

  it('aborting a run ends it at once as aborted; a run aborted before it starts never starts', async () => {
    const iso = isolate();
    const controller = new AbortController();
    const spinning = iso.runTask('spin', null, { signal: controller.signal });
    controller.abort();
    expect((await failure(spinning)).reason).toBe('aborted');
    expect((await failure(iso.runTask('echo', 1, { signal: controller.signal }))).reason).toBe('aborted');
    expect(await iso.runTask('echo', 2)).toBe(2);
  });

  it('a worker that exits or throws a library error gives crashed or failed, never an unhandled error', async () => {
    const iso = isolate();
    expect((await failure(iso.runTask('exit', null))).reason).toBe('crashed');
    expect((await failure(iso.runTask('throw', null))).reason).toBe('failed');
    expect(await iso.runTask('echo', 'ok')).toBe('ok');
  });

  it('runs queue one after another on one worker', async () => {
    const iso = isolate();
    const results = await Promise.all([1, 2, 3].map((n) => iso.runTask('echo', n)));
    expect(results).toEqual([1, 2, 3]);
  });

  it('the bundled worker extracts a document, and an AppError from it arrives as that AppError', async () => {
    const doc = await runIsolated('documents.extract', { name: 'note.txt', bytes: new TextEncoder().encode('Короткая заметка.') });
    expect(doc.text).toBe('Короткая заметка.');
    const refused = await runIsolated('documents.extract', { name: 'a.pdf', bytes: new Uint8Array([1, 2]) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('import-failed');
  });
});

describe('importDocuments in an isolate', () => {
  function project(): Project {
    const made = Project.create(path.join(tempDir(), 'P.crossread'));
    return made;
  }

  it('a document that needs more memory than the worker has is refused by name, the project unchanged, the next file imported', async () => {
    const p = project();
    try {
      const before = projectRows(p.file);
      // Small as a file, but each paragraph becomes objects in the parsed tree.
      const big = fileFrom('big.html', '<p>слово</p>'.repeat(300_000));
      const result = await importDocuments(p, [big], { limits: { heapMb: 16 } });
      expect(result.imported).toEqual([]);
      expect(result.failed).toEqual([
        {
          name: 'big.html',
          message:
            '"big.html" needs more than the 16 MB of memory Crossread gives one document, so it was not imported; a file like this is damaged or built to overload the app: open it in the program that made it, save it again and import that copy.',
        },
      ]);
      expect(projectRows(p.file)).toEqual(before);
      const next = await importDocuments(p, [corpusFile(ZAKON)]);
      expect(next.imported).toHaveLength(1);
    } finally {
      p.close();
    }
  });

  it('a document that takes longer than the time limit is refused by name, saying so', async () => {
    const p = project();
    try {
      const result = await importDocuments(p, [corpusFile(ZAKON)], { limits: { timeoutMs: 1 } });
      expect(result.failed.map((f) => f.message)).toEqual([
        `"${ZAKON}" took longer than 1 second to read, so Crossread stopped and did not import it; if it is very long, split it into smaller files, otherwise it may be damaged or built to overload the app: open it in the program that made it, save it again and import that copy.`,
      ]);
    } finally {
      p.close();
    }
  });

  it('reports progress file by file, and a cancel keeps what was imported and reports the rest as cancelled', async () => {
    const p = project();
    try {
      const controller = new AbortController();
      const seen: ImportProgress[] = [];
      const files = [corpusFile(ZAKON), corpusFile(KAZPRAVDA), fileFrom('third.txt', 'Третий файл.')];
      const result = await importDocuments(p, files, {
        signal: controller.signal,
        onProgress: (progress) => {
          seen.push(progress);
          controller.abort();
        },
      });
      expect(seen).toEqual([
        { done: 1, total: 3, name: ZAKON },
        { done: 2, total: 3, name: KAZPRAVDA },
        { done: 3, total: 3, name: 'third.txt' },
      ]);
      expect(result.imported.map((d) => d.sourceName)).toEqual([ZAKON]);
      expect(result.failed).toEqual([
        { name: KAZPRAVDA, message: `"${KAZPRAVDA}" was not imported: the import was cancelled.` },
        { name: 'third.txt', message: '"third.txt" was not imported: the import was cancelled.' },
      ]);
    } finally {
      p.close();
    }
  });
});
