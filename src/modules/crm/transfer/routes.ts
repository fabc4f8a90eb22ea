import type { FastifyInstance } from 'fastify';
import {
  attachment,
  type ExportFormat,
  exportRows,
  FileDownload,
  prime,
} from '../../../platform/exports/export-rows.ts';
import { route } from '../../../platform/http/route.ts';
import { ContactExportQuery, contactExportColumns, contactExportRows } from './export-contacts.ts';
import { CustomerExportQuery, customerExportColumns, customerExportRows } from './export-customers.ts';

const tags = ['crm'];

/** Exports of the customer and contact lists; imports go through the platform's `/imports` with crm's entities. */
export function transferRoutes(app: FastifyInstance): void {
  for (const format of ['csv', 'xlsx'] as ExportFormat[]) {
    route(app, {
      method: 'GET',
      url: `/api/v1/customers/export.${format}`,
      summary: `The customer list as ${format.toUpperCase()}: the list's filters, your record rule, masked fields left out`,
      tags,
      access: 'crm.customer.export',
      query: CustomerExportQuery,
      response: FileDownload,
      handler: async ({ db, query, reply }, actor) => {
        const columns = customerExportColumns(actor);
        const rows = await prime(customerExportRows(db.orm, actor, query));
        attachment(reply, 'customers', format);
        return exportRows(format, columns, rows, 'Customers');
      },
    });
    route(app, {
      method: 'GET',
      url: `/api/v1/contacts/export.${format}`,
      summary: `The contact list as ${format.toUpperCase()}: the list's filters, your record rule, masked fields left out`,
      tags,
      access: 'crm.customer.export',
      query: ContactExportQuery,
      response: FileDownload,
      handler: async ({ db, query, reply }, actor) => {
        const columns = contactExportColumns(actor);
        const rows = await prime(contactExportRows(db.orm, actor, query));
        attachment(reply, 'contacts', format);
        return exportRows(format, columns, rows, 'Contacts');
      },
    });
  }
}
