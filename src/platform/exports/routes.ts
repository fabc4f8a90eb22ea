import type { FastifyInstance } from 'fastify';
import { route } from '../http/route.ts';
import { attachment, type ExportFormat, exportRows, FileDownload, prime } from './export-rows.ts';
import { UserExportQuery, userExportColumns, userExportRows } from './user-export.ts';

export function exportRoutes(app: FastifyInstance): void {
  for (const format of ['csv', 'xlsx'] as ExportFormat[])
    route(app, {
      method: 'GET',
      url: `/api/v1/users/export.${format}`,
      summary: `The users of the company as ${format.toUpperCase()} (masked fields are left out)`,
      tags: ['users'],
      access: 'platform.export.run',
      query: UserExportQuery,
      response: FileDownload,
      handler: async ({ db, query, reply }, actor) => {
        const columns = userExportColumns(actor);
        const rows = await prime(userExportRows(db.orm, actor, query));
        attachment(reply, 'users', format);
        return exportRows(format, columns, rows, 'Users');
      },
    });
}
