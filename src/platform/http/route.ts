import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { authenticate } from '../auth/authenticate.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { unauthorized } from '../errors.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { countRequest, rateLimitHeaders } from './api-rate-limit.ts';
import { type Outcome, withIdempotency } from './idempotency.ts';
import { ErrorBody } from './schemas.ts';

/** `public`: no sign-in; `authenticated`: any signed-in user acting on their own things; else a permission key. */
export type RouteAccess = 'public' | 'authenticated' | (string & {});

type Z = z.ZodType;
type Infer<T> = T extends Z ? z.infer<T> : undefined;

export interface RouteContext<B, Q, P> {
  req: FastifyRequest;
  reply: FastifyReply;
  db: Db;
  config: Config;
  body: B;
  query: Q;
  params: P;
}

export interface RouteSpec<
  B extends Z | undefined,
  Q extends Z | undefined,
  P extends Z | undefined,
  R extends Z,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  access: RouteAccess;
  body?: B;
  query?: Q;
  params?: P;
  /** Success status (200 unless given; 204 answers no body). */
  status?: number;
  response: R;
  /** The response carries a secret shown once: an idempotent replay gets 409 instead of it. */
  noReplay?: boolean;
  bodyLimit?: number;
  handler(ctx: RouteContext<Infer<B>, Infer<Q>, Infer<P>>, actor: Actor): Promise<z.input<R> | undefined>;
}

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess;
}

const inventory: RouteInfo[] = [];

/** Every route registered through `route()`: the conformance test snapshots it as the permission matrix. */
export function routeInventory(): RouteInfo[] {
  return [...inventory].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}

const ERROR_STATUSES = [400, 401, 403, 404, 409, 422, 429] as const;

/** Registers one API route: authentication, the permission gate, idempotency, the error shape, OpenAPI. */
export function route<B extends Z | undefined, Q extends Z | undefined, P extends Z | undefined, R extends Z>(
  app: FastifyInstance,
  spec: RouteSpec<B, Q, P, R>,
): void {
  if (!inventory.some((r) => r.method === spec.method && r.url === spec.url))
    inventory.push({ method: spec.method, url: spec.url, access: spec.access });
  const status = spec.status ?? 200;
  const response: Record<number, Z> = { [status]: spec.response };
  for (const s of ERROR_STATUSES) response[s] = ErrorBody;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: spec.method,
    url: spec.url,
    bodyLimit: spec.bodyLimit,
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      description:
        spec.access === 'public'
          ? 'No sign-in needed.'
          : spec.access === 'authenticated'
            ? 'Any signed-in user.'
            : `Requires permission \`${spec.access}\`.`,
      security: spec.access === 'public' ? [] : [{ session: [] }, { bearer: [] }],
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      response,
    },
    handler: async (req, reply) => {
      const { db, config } = req.server.tandem;
      const found = spec.access === 'public' ? null : await authenticate(db, config, req as any);
      if (spec.access !== 'public' && !found) throw unauthorized();
      const actor = found ?? (null as unknown as Actor);
      if (actor) actor.requestId = req.id;
      if (actor?.tokenId)
        rateLimitHeaders(reply, countRequest(`token:${actor.tokenId}`, config.apiRateLimitPerToken));
      if (spec.access !== 'public' && spec.access !== 'authenticated') requirePermission(actor, spec.access);
      const ctx = {
        req,
        reply,
        db,
        config,
        body: req.body as any,
        query: req.query as any,
        params: req.params as any,
      };
      const run = async (): Promise<Outcome> => {
        const result = await spec.handler(ctx, actor);
        return { status, body: result };
      };
      const outcome =
        spec.method === 'POST' && actor && req.headers['idempotency-key'] !== undefined
          ? await withIdempotency(db, req, actor, spec.noReplay === true, run)
          : await run();
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      reply.status(outcome.status);
      return outcome.status === 204 ? reply.send() : outcome.body;
    },
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    tandem: { db: Db; config: Config };
  }
}
