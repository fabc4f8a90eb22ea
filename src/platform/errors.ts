/**
 * The one error type use cases throw. `code` is stable (the web app translates it),
 * `message` is the English fallback, `details` carries the parameters.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(400, code, message, details);
export const unauthorized = (code = 'auth.required', message = 'Sign in first') =>
  new AppError(401, code, message);
export const forbidden = (permission: string) =>
  new AppError(403, 'forbidden', `Missing permission ${permission}`, { permission });
export const notFound = (entity: string, id?: string) =>
  new AppError(404, 'not_found', `${entity} not found`, id ? { entity, id } : { entity });
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(409, code, message, details);
export const staleVersion = (entity: string, expected: number, actual: number) =>
  new AppError(409, 'stale_version', `${entity} was changed by someone else; reload and retry`, {
    entity,
    expected,
    actual,
  });
export const unprocessable = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(422, code, message, details);
export const tooManyRequests = (code: string, retryAfterSeconds: number) =>
  new AppError(429, code, 'Too many attempts; try again later', { retryAfterSeconds });
export const unavailable = (message = 'Database unavailable; retry shortly') =>
  new AppError(503, 'unavailable', message);
