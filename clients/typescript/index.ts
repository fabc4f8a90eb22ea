// The typed Tandem client: openapi-fetch over the types generated from /api/openapi.json (schema.ts).
// Every path, parameter, body and response is checked by TypeScript against the served document.
//
//   const tandem = tandemClient('https://erp.example.com', process.env.TANDEM_TOKEN!);
//   const { data, error } = await tandem.POST('/api/v1/sales-orders/{id}/confirm', {
//     params: { path: { id } }, body: { version },
//   });
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.ts';

export type { paths } from './schema.ts';
export type TandemClient = Client<paths>;

export function tandemClient(
  baseUrl: string,
  token: string,
  options: { fetch?: typeof fetch; headers?: Record<string, string> } = {},
): TandemClient {
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `Bearer ${token}`, ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
