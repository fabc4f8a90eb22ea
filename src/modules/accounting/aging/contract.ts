import { z } from 'zod';
import { DateString } from '../invoice/contract.ts';

export const AgingQuery = z.object({
  asOf: DateString.optional(),
  partnerId: z.uuid().optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

const Buckets = {
  current: z.string(),
  days1to30: z.string(),
  days31to60: z.string(),
  days61to90: z.string(),
  over90: z.string(),
  unapplied: z.string(),
  total: z.string(),
};

export const AgingReport = z
  .object({
    side: z.enum(['receivable', 'payable']),
    asOf: z.string(),
    currency: z.string(),
    items: z.array(z.object({ partnerId: z.uuid(), partnerName: z.string().nullable(), ...Buckets })),
    totals: z.object(Buckets),
  })
  .meta({ id: 'AgingReport' });

export const StatementQuery = z.object({
  customerId: z.uuid(),
  from: DateString.optional(),
  to: DateString.optional(),
});

export const CustomerStatement = z
  .object({
    customerId: z.uuid(),
    customerName: z.string(),
    currency: z.string(),
    from: z.string(),
    to: z.string(),
    openingBalance: z.string(),
    closingBalance: z.string(),
    items: z.array(
      z.object({
        date: z.string(),
        description: z.string(),
        sourceType: z.string().nullable(),
        sourceId: z.uuid().nullable(),
        debit: z.string(),
        credit: z.string(),
        currency: z.string(),
        amountCurrency: z.string(),
        balance: z.string(),
      }),
    ),
  })
  .meta({ id: 'CustomerStatement' });

export const AccountSummary = z
  .object({
    customerId: z.uuid(),
    currency: z.string(),
    asOf: z.string(),
    openReceivables: z.string(),
    overdue: z.string(),
    openInvoices: z.number().int(),
    unappliedPayments: z.string(),
    committedOrders: z.string(),
    creditLimit: z.string().nullable(),
    creditLeft: z.string().nullable(),
    recentPayments: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        date: z.string(),
        amount: z.string(),
        currency: z.string(),
        amountCompany: z.string(),
        unallocated: z.string(),
      }),
    ),
  })
  .meta({ id: 'CustomerAccountSummary' });
