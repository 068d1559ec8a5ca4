import { AppError } from '../electron/model/errors.ts';

// Any failure as the app's error, so the message is always one the writer can read in their
// language: an error from main keeps its key, a file the system would not let the page read
// says so, and anything else (a bug, a dropped bridge) reads as the generic internal error.
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DOMException && error.name === 'NotReadableError') return new AppError('not_found', 'assets.unreadable');
  return new AppError('internal', 'errors.internal');
}
