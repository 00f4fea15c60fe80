export type AppErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INVALID_INPUT'
  | 'CONFLICT'
  | 'UNAVAILABLE'
  | 'TOO_MANY_REQUESTS';

/** The one application error. Messages are safe to show users and never carry student data. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Same message for missing and forbidden, so callers cannot probe for existence. */
export const notFound = (what = 'The requested record') =>
  new AppError('NOT_FOUND', `${what} was not found or you do not have access to it.`);
export const forbidden = (message = 'You do not have permission to do that.') => new AppError('FORBIDDEN', message);
export const invalidInput = (message: string, details?: unknown) => new AppError('INVALID_INPUT', message, details);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const unauthenticated = (message = 'Please sign in.') => new AppError('UNAUTHENTICATED', message);
