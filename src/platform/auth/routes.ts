import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { withTransaction } from '../db/tx.ts';
import { AppError, notFound } from '../errors.ts';
import { route } from '../http/route.ts';
import { IdParams } from '../http/schemas.ts';
import {
  ApiToken,
  CreateApiTokenInput,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from './api-tokens.ts';
import { DEVICE_COOKIE, SESSION_COOKIE } from './authenticate.ts';
import { changePassword } from './change-password.ts';
import { loadActor } from './load-actor.ts';
import { endSession, login } from './login.ts';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.ts';
import { PASSWORD_MAX } from './passwords.ts';
import { SessionView, sessionView } from './session-view.ts';

const tags = ['auth'];
const Email = z.email().max(254);
const Password = z.string().min(1).max(PASSWORD_MAX);

function setCookies(reply: FastifyReply, config: Config, session: string, device: string) {
  const base = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };
  reply.setCookie(SESSION_COOKIE, session, { ...base, maxAge: config.sessionMaxHours * 3600 });
  reply.setCookie(DEVICE_COOKIE, device, { ...base, path: '/api/v1/auth', maxAge: 365 * 86400 });
}

export function authRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Sign in with email and password; sets the session cookie',
    tags,
    access: 'public',
    body: z.strictObject({ email: Email, password: Password }),
    response: SessionView,
    handler: async ({ db, config, body, req, reply }) => {
      const result = await login(db, config, {
        email: body.email,
        password: body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        deviceCookie: req.cookies[DEVICE_COOKIE],
      });
      setCookies(reply, config, result.sessionToken, result.deviceToken);
      const actor = await loadActor(db.orm, { userId: result.userId, companyId: result.companyId });
      return sessionView(db.orm, actor!, result.csrfToken);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/auth/me',
    summary: 'The signed-in user, company, companies and permissions',
    tags,
    access: 'authenticated',
    response: SessionView,
    handler: async ({ db }, actor) => sessionView(db.orm, actor, await csrfOf(db, actor.sessionId)),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'End this session',
    tags,
    access: 'authenticated',
    status: 204,
    response: z.null(),
    handler: async ({ db, reply }, actor) => {
      if (actor.sessionId) await endSession(db, actor.sessionId, 'logout');
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/switch-company',
    summary: 'Make another of your companies the current one',
    tags,
    access: 'authenticated',
    body: z.strictObject({ companyId: z.uuid() }),
    response: SessionView,
    handler: async ({ db, body }, actor) => {
      if (!actor.sessionId) throw new AppError(400, 'auth.session_only', 'API tokens belong to one company');
      const next = await loadActor(db.orm, {
        userId: actor.userId,
        companyId: body.companyId,
        sessionId: actor.sessionId,
      });
      if (!next) throw notFound('company', body.companyId);
      await db.orm.execute(
        sql`update platform_session set company_id = ${body.companyId} where id = ${actor.sessionId}`,
      );
      return sessionView(db.orm, next, await csrfOf(db, actor.sessionId));
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/change-password',
    summary: 'Change your password (ends your other sessions)',
    tags,
    access: 'authenticated',
    body: z.strictObject({ currentPassword: Password, newPassword: Password }),
    status: 204,
    response: z.null(),
    handler: async ({ db, body }, actor) => {
      await changePassword(db, actor, body.currentPassword, body.newPassword);
      return undefined;
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/password-reset/request',
    summary: 'Mail a one-time reset link (same answer whether the email exists or not)',
    tags,
    access: 'public',
    body: z.strictObject({ email: Email }),
    status: 202,
    response: z.object({ status: z.literal('accepted') }),
    handler: async ({ db, config, body, req }) => {
      await requestPasswordReset(db, config, body.email, req.ip);
      return { status: 'accepted' as const };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    summary: 'Set a new password with the emailed token; ends all sessions and API tokens',
    tags,
    access: 'public',
    body: z.strictObject({ token: z.string().min(20).max(200), newPassword: Password }),
    status: 204,
    response: z.null(),
    handler: async ({ db, body, req }) => {
      await confirmPasswordReset(db, body.token, body.newPassword, req.ip);
      return undefined;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/api-tokens',
    summary: 'Your API tokens in this company (never the secret)',
    tags,
    access: 'authenticated',
    response: z.object({ items: z.array(ApiToken), nextCursor: z.null() }),
    handler: async ({ db }, actor) => ({ items: await listApiTokens(db.orm, actor), nextCursor: null }),
  });

  route(app, {
    method: 'POST',
    url: '/api/v1/api-tokens',
    summary: 'Create an API token; the secret is in this response only',
    tags,
    access: 'authenticated',
    body: CreateApiTokenInput,
    status: 201,
    noReplay: true,
    response: ApiToken.extend({ token: z.string() }),
    handler: async ({ db, body }, actor) => withTransaction(db, (tx) => createApiToken(tx, actor, body)),
  });

  route(app, {
    method: 'DELETE',
    url: '/api/v1/api-tokens/:id',
    summary: 'Revoke one of your API tokens (effective on the next request)',
    tags,
    access: 'authenticated',
    params: IdParams,
    status: 204,
    response: z.null(),
    handler: async ({ db, params }, actor) => {
      await withTransaction(db, (tx) => revokeApiToken(tx, actor, params.id));
      return undefined;
    },
  });
}

async function csrfOf(db: { orm: any }, sessionId: string | undefined): Promise<string> {
  if (!sessionId) return '';
  const result = await db.orm.execute(sql`select csrf_token from platform_session where id = ${sessionId}`);
  return result.rows[0]?.csrf_token ?? '';
}
