import type { FastifyInstance } from 'fastify';
import { route } from '../http/route.ts';
import { listOf } from '../http/schemas.ts';
import { listMail, MailListQuery, MailView } from './mails.ts';

export function mailRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/mail',
    summary: 'The company’s outgoing mail (one-time links masked), e.g. when no SMTP server is configured',
    tags: ['mail'],
    access: 'platform.mail.read',
    query: MailListQuery,
    response: listOf(MailView),
    handler: ({ db, query }, actor) => listMail(db.orm, actor, query),
  });
}
