import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  createJsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { newId } from '../ids.ts';
import { countRequest } from './api-rate-limit.ts';
import { errorBody, handleError } from './errors.ts';

export const APP_VERSION = '0.1.0';

export interface AppOptions {
  db: Db;
  config: Config;
  /** pino options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  webRoot?: string;
  /** Registers the API routes (platform and modules); kept outside so tests and CLI share it. */
  registerRoutes(app: FastifyInstance): Promise<void> | void;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The Fastify app: security headers, cookies, zod schemas, OpenAPI at /api/openapi.json, /docs, the SPA. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : newId();
    },
    routerOptions: { maxParamLength: 200 },
    // Router failures (a path parameter over maxParamLength, a malformed %-escape) skip every hook:
    // answer them in the one error shape, with the headers the hooks would have set.
    frameworkErrors: (error, req, reply) => {
      reply.headers({
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'referrer-policy': 'strict-origin-when-cross-origin',
      });
      return handleError(error, req, reply);
    },
  });
  app.decorate('tandem', { db: options.db, config });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Per client IP over the API for token and anonymous traffic (tokens also count per token in route()).
  // Signed-in browser sessions are not counted: a whole office behind one NAT address shares an IP, and
  // a session is already an attributable, throttled sign-in. Health stays free for probes.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/v1/health')) return;
    if (!req.headers.authorization && req.headers.cookie?.includes(`${SESSION_COOKIE}=`)) return;
    countRequest(`ip:${req.ip}`, config.apiRateLimitPerIp);
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  for (const type of [
    'text/csv',
    'application/vnd.ms-excel', // what Windows browsers call a .csv file
    'application/octet-stream',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/vcard', // contacts (crm)
  ]) {
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  }

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    hsts: config.publicUrl.startsWith('https://') ? { maxAge: 31536000 } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: APP_VERSION,
        description:
          'CRM + ERP in one system. Errors: `{ error: { code, message, details } }`. Lists: `{ items, nextCursor }`. ' +
          'Every POST accepts `Idempotency-Key`; updates carry `version` and get 409 when stale.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: createJsonSchemaTransform({ skipList: [] }),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Its own policy allows framing by the same origin; the API reference is never framed either.
    transformStaticCSP: (csp) => csp.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => {
    await options.registerRoutes(api);
  });

  const webRoot = options.webRoot ?? path.resolve('dist/web');
  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && hasWeb && !req.url.startsWith('/api/') && !req.url.startsWith('/docs')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
  });
  return app;
}
