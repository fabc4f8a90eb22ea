import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { approvalRoutes } from './approvals/routes.ts';
import { attachmentRoutes } from './attachments/routes.ts';
import { AuditEntry, AuditQuery, listAudit, registerAuditedEntity } from './audit/read.ts';
import { authRoutes } from './auth/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { APP_VERSION } from './http/app.ts';
import { route } from './http/route.ts';
import { listOf } from './http/schemas.ts';
import { importRoutes } from './imports/routes.ts';
import { mailRoutes } from './mail/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { companyRoutes } from './org/company-routes.ts';
import { departmentRoutes } from './org/department-routes.ts';
import { roleRoutes } from './org/role-routes.ts';
import { userRoutes } from './org/user-routes.ts';
import { referenceRoutes } from './reference/routes.ts';
import { settingsRoutes } from './settings/routes.ts';

registerAuditedEntity('platform.user', { readPermission: 'platform.user.read' });
registerAuditedEntity('platform.role', { readPermission: 'platform.role.read' });
registerAuditedEntity('platform.company_settings', { readPermission: 'platform.company.update' });

export function platformRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/health',
    summary: 'Liveness and which database is in use',
    tags: ['platform'],
    access: 'public',
    response: z.object({
      status: z.literal('ok'),
      database: z.enum(['pglite', 'postgres']),
      version: z.string(),
    }),
    handler: async ({ db }) => {
      await db.ping();
      return { status: 'ok' as const, database: db.kind, version: APP_VERSION };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/audit-log',
    summary: 'Who changed what, when and why (one record’s history with its read permission)',
    tags: ['audit'],
    access: 'authenticated',
    query: AuditQuery,
    response: listOf(AuditEntry),
    handler: ({ db, query }, actor) => listAudit(db.orm, actor, query),
  });
  authRoutes(app);
  userRoutes(app);
  roleRoutes(app);
  companyRoutes(app);
  settingsRoutes(app);
  departmentRoutes(app);
  referenceRoutes(app);
  approvalRoutes(app);
  notificationRoutes(app);
  attachmentRoutes(app);
  mailRoutes(app);
  importRoutes(app);
  exportRoutes(app);
}
