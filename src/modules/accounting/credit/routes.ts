import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import { acceptSuggestedLimit, customerCreditProfile } from './credit-profile.ts';

const tags = ['accounting'];
const Money = z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, 'an amount ≥ 0 with up to 2 decimals');

const CreditProfile = z
  .object({
    customerId: z.uuid(),
    asOf: z.string(),
    currency: z.string(),
    customerCurrency: z.string(),
    creditLimit: z.string().nullable(),
    band: z.enum(['A', 'B', 'C', 'D', 'new']),
    score: z.number().int().nullable(),
    suggestedLimit: z.string().nullable(),
    suggestedLimitCustomerCurrency: z.string().nullable(),
    averageDaysLate: z.number().nullable(),
    overdueShare: z.number().nullable(),
    reasons: z.array(
      z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
    ),
    behaviour: z.object({
      paidTotal: z.string(),
      paidLateDayWeight: z.string(),
      open: z.string(),
      overdue: z.string(),
      invoicedRecent: z.string(),
      invoicedBefore: z.string(),
      invoicedYear: z.string(),
      creditedYear: z.string(),
      invoicedHalfYear: z.string(),
      termDays: z.number(),
    }),
    customerVersion: z.number().int().optional(),
  })
  .meta({ id: 'CreditProfile' });

export function creditRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/customers/:id/credit-profile',
    summary:
      'Risk band, score and a suggested credit limit from the customer’s payment behaviour (days late, overdue share, credit notes, order trend), explained',
    tags,
    access: 'accounting.invoice.read',
    params: IdParams,
    response: CreditProfile,
    handler: ({ db, params }, actor) => customerCreditProfile(db.orm, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/customers/:id/credit-profile/accept',
    summary: 'Make the suggested credit limit the customer’s credit limit (finance; audited with the band)',
    tags,
    access: 'accounting.credit.manage',
    params: IdParams,
    body: z.strictObject({
      /** The customer's version (its record changes). */
      version: z.number().int().min(1),
      /** The suggestion the person saw, in the customer's currency: refused if it moved since. */
      expected: Money,
    }),
    response: CreditProfile,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => acceptSuggestedLimit(tx, actor, params.id, body)),
  });
}
