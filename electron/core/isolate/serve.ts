/** The worker's side of an isolate: answers each request with the task's result or its error. */
import type { MessagePort } from 'node:worker_threads';
import { AppError } from '../errors';
import type { TaskHandler, TaskReply, TaskRequest } from './protocol';

export function serveTasks(port: MessagePort, tasks: Readonly<Record<string, TaskHandler>>): void {
  port.on('message', (request: TaskRequest) => {
    void answer(tasks, request).then((reply) => {
      port.postMessage(reply);
    });
  });
}

async function answer(tasks: Readonly<Record<string, TaskHandler>>, { id, task, input }: TaskRequest): Promise<TaskReply> {
  const handler = Object.hasOwn(tasks, task) ? tasks[task] : undefined;
  if (!handler) return { id, ok: false, message: `unknown task ${task}` };
  try {
    return { id, ok: true, value: await handler(input as never) };
  } catch (error) {
    if (error instanceof AppError) return { id, ok: false, code: error.code, message: error.message };
    // A stack overflow or a library's own error: reported by kind, for the log, never shown as is.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { id, ok: false, message };
  }
}
