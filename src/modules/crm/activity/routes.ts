import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hit, peek } from '../../../platform/auth/rate-limit.ts';
import { withTransaction } from '../../../platform/db/tx.ts';
import { notFound, tooManyRequests } from '../../../platform/errors.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { activityView, findActivity } from './activity.repo.ts';
import { completeActivity } from './complete-activity.ts';
import {
  Activity,
  ActivityInput,
  ActivityListQuery,
  ActivityPatch,
  CalendarFeed,
  CompleteInput,
  MyDay,
} from './contract.ts';
import { listActivities } from './list-activities.ts';
import { logActivity } from './log-activity.ts';
import { myDay } from './my-day.ts';
import { renderCalendarFeed } from './render-calendar-feed.ts';
import { revokeCalendarFeed } from './revoke-calendar-feed.ts';
import { rotateCalendarFeed } from './rotate-calendar-feed.ts';
import { updateActivity } from './update-activity.ts';

const tags = ['crm'];

/**
 * The feed URL is its own credential, so it is rate-limited per address: calendar apps poll every
 * few minutes at most, and someone guessing tokens gets few tries (they are 256-bit anyway).
 */
export const CALENDAR_LIMITS = {
  perIp: { max: 300, windowSeconds: 15 * 60 },
  unknownPerIp: { max: 20, windowSeconds: 15 * 60 },
} as const;

export function activityRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/activities',
    summary:
      'Activities you may see: owner=me, from/to, overdue, done, kind, customerId, leadId, opportunityId',
    tags,
    access: 'crm.activity.read',
    query: ActivityListQuery,
    response: listOf(Activity),
    handler: ({ db, query }, actor) => listActivities(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/activities/my-day',
    summary: 'Your day in the company time zone: overdue, due today, meetings today',
    tags,
    access: 'crm.activity.read',
    response: MyDay,
    handler: ({ db }, actor) => myDay(db.orm, actor),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/activities/:id',
    summary: 'One activity',
    tags,
    access: 'crm.activity.read',
    params: IdParams,
    response: Activity,
    handler: async ({ db, params }, actor) =>
      activityView(actor, await findActivity(db.orm, actor, params.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities',
    summary: 'Log a call, meeting, visit, email, note or task (on a customer it counts as follow-up)',
    tags,
    access: 'crm.activity.create',
    body: ActivityInput,
    status: 201,
    response: Activity,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => logActivity(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/activities/:id',
    summary: 'Edit an activity (send the version you read); a new remindAt re-arms the reminder',
    tags,
    access: 'crm.activity.update',
    params: IdParams,
    body: ActivityPatch,
    response: Activity,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateActivity(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities/:id/complete',
    summary: 'Mark an activity done',
    tags,
    access: 'crm.activity.update',
    params: IdParams,
    body: CompleteInput,
    response: Activity,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => completeActivity(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/activities/calendar-feed',
    summary: 'Create or replace your private iCalendar feed URL (shown once; the old one stops working)',
    tags,
    access: 'crm.activity.read',
    status: 201,
    noReplay: true,
    response: CalendarFeed,
    handler: ({ db, config }, actor) =>
      withTransaction(db, (tx) => rotateCalendarFeed(tx, actor, config.publicUrl)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/activities/calendar-feed',
    summary: 'Switch your iCalendar feed off',
    tags,
    access: 'crm.activity.read',
    status: 204,
    response: z.null(),
    handler: async ({ db }, actor) => {
      await withTransaction(db, (tx) => revokeCalendarFeed(tx, actor));
      return undefined;
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/public/calendar/:token.ics',
    summary: 'A user’s activities as iCalendar (text/calendar); the secret URL is the credential',
    tags,
    access: 'public',
    params: z.object({ token: z.string().max(200) }),
    response: z.any().meta({ description: 'An iCalendar (RFC 5545) document' }),
    handler: async ({ db, config, params, req, reply }) => {
      const all = await hit(db.orm, `crm-calendar-ip:${req.ip}`, CALENDAR_LIMITS.perIp.windowSeconds);
      if (all.hits > CALENDAR_LIMITS.perIp.max)
        throw tooManyRequests('crm.calendar_throttled', all.retryAfterSeconds);
      const badBucket = `crm-calendar-unknown-ip:${req.ip}`;
      const bad = await peek(db.orm, badBucket, CALENDAR_LIMITS.unknownPerIp.windowSeconds);
      if (bad.hits >= CALENDAR_LIMITS.unknownPerIp.max)
        throw tooManyRequests('crm.calendar_throttled', bad.retryAfterSeconds);
      const text = await renderCalendarFeed(db, params.token, config.publicUrl);
      if (text === null) {
        await hit(db.orm, badBucket, CALENDAR_LIMITS.unknownPerIp.windowSeconds);
        throw notFound('calendar');
      }
      reply.header('content-type', 'text/calendar; charset=utf-8');
      reply.header('content-disposition', 'inline; filename="tandem.ics"');
      reply.header('x-content-type-options', 'nosniff');
      return Buffer.from(text, 'utf8');
    },
  });
}
