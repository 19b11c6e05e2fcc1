import type { ErrorCode } from '../../shared/contract';

/** An error meant for the user: its message is shown as is, so it must say what happened and what to do. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
