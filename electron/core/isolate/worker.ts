/** Entry point of the isolate worker bundle (see build/build.mjs): serves the tasks of tasks.ts. */
import { parentPort } from 'node:worker_threads';
import { serveTasks } from './serve';
import { TASKS } from './tasks';

if (!parentPort) throw new Error('the isolate worker runs only as a worker thread');
serveTasks(parentPort, TASKS);
