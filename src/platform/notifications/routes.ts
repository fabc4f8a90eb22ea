import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../db/tx.ts';
import { route } from '../http/route.ts';
import { IdParams, listOf } from '../http/schemas.ts';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  NotificationListQuery,
  NotificationView,
  unreadCount,
} from './notifications.ts';

const tags = ['notifications'];

export function notificationRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/notifications',
    summary: 'Your own in-app notifications in this company, newest first',
    tags,
    access: 'authenticated',
    query: NotificationListQuery,
    response: listOf(NotificationView),
    handler: ({ db, query }, actor) => listNotifications(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/notifications/unread-count',
    summary: 'How many of your notifications are unread',
    tags,
    access: 'authenticated',
    response: z.object({ count: z.number().int() }),
    handler: async ({ db }, actor) => ({ count: await unreadCount(db.orm, actor) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    summary: 'Mark one of your notifications read',
    tags,
    access: 'authenticated',
    params: IdParams,
    response: NotificationView,
    handler: ({ db, params }, actor) =>
      withTransaction(db, (tx) => markNotificationRead(tx, actor, params.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/notifications/read-all',
    summary: 'Mark all your notifications in this company read',
    tags,
    access: 'authenticated',
    response: z.object({ updated: z.number().int() }),
    handler: async ({ db }, actor) => ({
      updated: await withTransaction(db, (tx) => markAllNotificationsRead(tx, actor)),
    }),
  });
}
