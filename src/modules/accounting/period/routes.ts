import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import { closeFiscalYear, listFiscalYears } from './close-year.ts';
import { FiscalYear, Period, PeriodListQuery, VersionBody } from './contract.ts';
import { closePeriod, listPeriods, reopenPeriod } from './manage-periods.ts';

const tags = ['accounting'];

export function periodRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/fiscal-periods',
    summary: 'Monthly periods, newest first (?date= makes the month holding that date)',
    tags,
    access: 'accounting.period.read',
    query: PeriodListQuery,
    response: z.object({ items: z.array(Period) }),
    handler: async ({ db, query }, actor) => ({ items: await listPeriods(db.orm, actor, query) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/fiscal-periods/:id/close',
    summary: 'Close a month (结账): no posting dated in it afterwards',
    tags,
    access: 'accounting.period.close',
    params: IdParams,
    body: VersionBody,
    response: Period,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => closePeriod(tx, actor, { periodId: params.id, version: body.version })),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/fiscal-periods/:id/reopen',
    summary: 'Reopen a closed month of an open fiscal year (反结账)',
    tags,
    access: 'accounting.period.close',
    params: IdParams,
    body: VersionBody,
    response: Period,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => reopenPeriod(tx, actor, { periodId: params.id, version: body.version })),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/fiscal-years',
    summary: 'Fiscal years, newest first',
    tags,
    access: 'accounting.period.read',
    response: z.object({ items: z.array(FiscalYear) }),
    handler: async ({ db }, actor) => ({ items: await listFiscalYears(db.orm, actor) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/fiscal-years/:id/close',
    summary: 'Close a fiscal year: profit and loss into retained earnings, every month closed',
    tags,
    access: 'accounting.period.close',
    params: IdParams,
    body: VersionBody,
    response: FiscalYear,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) =>
        closeFiscalYear(tx, actor, { fiscalYearId: params.id, version: body.version }),
      ),
  });
}
