import type { TFunction } from 'i18next';
import { isApiError } from './client.ts';

/**
 * The message to show a person for any error: the server's `code` translated through
 * `errors.<code>` (details are interpolation values), the server's English `message` as fallback.
 */
export function errorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    if (err.status === 0) return t('errors.network');
    const fallback = err.message || t('errors.unknown');
    const translated = t(`errors.${err.code}`, { ...err.details, defaultValue: fallback });
    return typeof translated === 'string' ? translated : fallback;
  }
  return t('errors.unknown');
}
