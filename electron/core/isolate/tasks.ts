/**
 * What an isolate's worker can run. Everything reachable from here is bundled into the worker
 * (out/node/isolate-worker.mjs, out/electron/isolate-worker.cjs); the parent imports this file for
 * its types only. To move another untrusted reader into the isolate, add it here: the input and
 * output must survive a structured clone (plain objects, strings, numbers, typed arrays).
 */
import { extractDocument } from '../import';
import { readQdpxTask } from '../refi/read';

export const TASKS = {
  /** Text and metadata of one document file (see electron/core/import). */
  'documents.extract': extractDocument,
  /** A REFI-QDA project (.qdpx) as plain data (see electron/core/refi). */
  'refi.read': readQdpxTask,
} as const;

export type IsolatedTasks = typeof TASKS;
export type TaskName = keyof IsolatedTasks;
export type TaskInput<K extends TaskName> = Parameters<IsolatedTasks[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<IsolatedTasks[K]>>;
