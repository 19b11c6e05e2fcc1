/**
 * The messages between an isolate and its worker. Kept in one place so the two sides cannot drift:
 * the parent posts a `TaskRequest`, the worker answers with exactly one `TaskReply` per request.
 */
import type { ErrorCode } from '../../../shared/contract';

export interface TaskRequest {
  id: number;
  task: string;
  input: unknown;
}

export type TaskReply =
  | { id: number; ok: true; value: unknown }
  /**
   * `code` is set for an AppError raised by the task (its message is meant for the user and is
   * passed on as is); without it the task failed in a way the user was not meant to see.
   */
  | { id: number; ok: false; code?: ErrorCode; message: string };

/** A task run inside the worker: plain data in, plain data out (both cross a structured clone). */
export type TaskHandler = (input: never) => unknown;
