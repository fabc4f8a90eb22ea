import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { route } from '../../../platform/http/route.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import { customerAccountSummary } from '../credit/account-summary.ts';
import { answer } from '../report/answer.ts';
import { aging } from './aging.ts';
import { AccountSummary, AgingQuery, AgingReport, CustomerStatement, StatementQuery } from './contract.ts';
import { customerStatement } from './customer-statement.ts';

type AgingReportT = z.infer<typeof AgingReport>;

const tags = ['accounting'];

/** The aging report as a spreadsheet: one row per partner, then the totals. */
function agingFile(name: string) {
  const num = (key: string, header: string) => ({ key, header, type: 'number' as const });
  return {
    name,
    columns: [
      { key: 'partnerName', header: 'Partner' },
      num('current', 'Current'),
      num('days1to30', '1-30'),
      num('days31to60', '31-60'),
      num('days61to90', '61-90'),
      num('over90', 'Over 90'),
      num('unapplied', 'Unapplied'),
      num('total', 'Total'),
    ],
    rows: (r: AgingReportT) => [...r.items, { partnerName: 'Total', ...r.totals }],
  };
}

export function agingRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/reports/ar-aging',
    summary:
      'Receivables aging per customer on asOf (default today): current, 1–30, 31–60, 61–90, over 90 days past due',
    tags,
    access: 'accounting.report.read',
    query: AgingQuery,
    response: AgingReport,
    handler: async ({ db, query, reply }, actor) =>
      answer(reply, query.format, await aging(db.orm, actor, 'receivable', query), agingFile('ar-aging')),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/reports/ap-aging',
    summary: 'Payables aging per supplier on asOf (default today), in the same buckets',
    tags,
    access: 'accounting.report.read',
    query: AgingQuery,
    response: AgingReport,
    handler: async ({ db, query, reply }, actor) =>
      answer(reply, query.format, await aging(db.orm, actor, 'payable', query), agingFile('ap-aging')),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/reports/customer-statement',
    summary:
      'A customer statement (对账单) from the ledger: opening balance, movements with running balance, closing balance',
    tags,
    access: 'accounting.invoice.read',
    query: StatementQuery,
    response: CustomerStatement,
    handler: ({ db, query }, actor) => customerStatement(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/customers/:id/account-summary',
    summary:
      'The customer’s account for its page: open receivables, overdue, credit limit and credit left, recent payments',
    tags,
    access: 'accounting.invoice.read',
    params: IdParams,
    response: AccountSummary,
    handler: ({ db, params }, actor) => customerAccountSummary(db.orm, actor, params.id),
  });
}
