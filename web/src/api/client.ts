// The one place that talks HTTP to the Tandem server. Pages use it through TanStack Query hooks.

export const API_PREFIX = '/api/v1';

type Details = Record<string, unknown>;

/** An error the server answered with (`{ error: { code, message, details } }`), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Details;

  constructor(status: number, code: string, message: string, details: Details = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

// The CSRF token lives in memory only: it comes with every Session (login, /auth/me, switch-company).
let csrfToken: string | null = null;
let acceptLanguage = 'en';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(locale: string): void {
  acceptLanguage = locale;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** A file sent as the request body as it is (imports); `contentType` says what it is. */
  raw?: { data: Blob; contentType: string };
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.raw) headers['Content-Type'] = options.raw.contentType;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw
        ? options.raw.data
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : 'Network error');
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // Not JSON (a proxy error page, for example): fall through to the generic error below.
  }
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)
    ?.error;
  if (error && typeof error.code === 'string') {
    const details = error.details && typeof error.details === 'object' ? (error.details as Details) : {};
    return new ApiError(res.status, error.code, String(error.message ?? error.code), details);
  }
  return new ApiError(res.status, `http.${res.status}`, res.statusText || `HTTP ${res.status}`);
}

async function refreshCsrfToken(): Promise<boolean> {
  const res = await send('/auth/me', {});
  if (!res.ok) return false;
  const session = (await res.json()) as { csrfToken?: string };
  if (!session.csrfToken) return false;
  setCsrfToken(session.csrfToken);
  return true;
}

/** Calls `/api/v1{path}`; resolves with the parsed JSON body (undefined for 204), rejects with ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let res = await send(path, options);
  if (res.status === 403 && options.method && options.method !== 'GET') {
    // A token from before a server restart or a company switch in another tab: refresh it once.
    const err = await toApiError(res);
    if (err.code !== 'auth.csrf' || !(await refreshCsrfToken())) throw err;
    res = await send(path, options);
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => api<T>(path, { query, signal }),
  post: <T = void>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body }),
  put: <T = void>(path: string, body?: unknown) => api<T>(path, { method: 'PUT', body }),
  patch: <T = void>(path: string, body?: unknown) => api<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string, query?: Query) => api<T>(path, { method: 'DELETE', query }),
  /** POSTs a file as the body (CSV or XLSX imports), with query parameters. */
  upload: <T>(path: string, file: Blob, contentType: string, query?: Query) =>
    api<T>(path, { method: 'POST', query, raw: { data: file, contentType } }),
};
