/**
 * accounting — the chart of accounts, journals, fiscal years and periods, journal entries (vouchers),
 * balances and financial reports; invoices and payments (invoice/, payment/). See README.md.
 * Other modules import only this file (and events.ts).
 */
import type { FastifyInstance } from 'fastify';
import { onCompanyCreated } from '../../platform/org/create-company.ts';
import type { ModuleDef } from '../index.ts';
import './permissions.ts';
import { registerDemoSeeder } from '../../platform/demo/seed.ts';
import { registerJob } from '../../platform/jobs/scheduler.ts';
import { agingRoutes } from './aging/routes.ts';
import { bankRoutes } from './bank/routes.ts';
import { installChart, templateFor } from './chart/install-chart.ts';
import { chartRoutes } from './chart/routes.ts';
import { collectionReminderJob } from './collection/remind-collections.ts';
import { collectionRoutes } from './collection/routes.ts';
import { creditRoutes } from './credit/routes.ts';
import { seedAccountingDemo } from './demo/seed-accounting.ts';
import { exportRoutes } from './export/routes.ts';
import { invoiceRoutes } from './invoice/routes.ts';
import { entryRoutes } from './ledger/routes.ts';
import { paymentRoutes } from './payment/routes.ts';
import { periodRoutes } from './period/routes.ts';
import { compactBalances } from './report/compact-balances.ts';
import { reportRoutes } from './report/routes.ts';
import { revaluationRoutes } from './revaluation/routes.ts';
import { taxRoutes } from './tax/routes.ts';

export { accountForRole } from './chart/account-for-role.ts';
export { ACCOUNT_ROLES, type AccountRole, type ChartTemplateCode } from './chart/roles.ts';
// Documents (invoice/, payment/, aging/, credit/): what sales and the customer page call.
export {
  type CommittedExposure,
  customerAccountSummary,
  registerCommittedExposure,
} from './credit/account-summary.ts';
export { openReceivables, overdueBeyond } from './credit/open-receivables.ts';
export { InvoiceView } from './invoice/contract.ts';
export { type CreateInvoiceInput, createInvoice } from './invoice/create-invoice.ts';
export { postInvoice } from './invoice/post-invoice.ts';
export type { EntryLineInput, JournalCode } from './ledger/entry.ts';
export { type PostEntryInput, postEntry } from './ledger/post-entry.ts';
export { reverseEntry } from './ledger/reverse-entry.ts';
export { createPayment } from './payment/create-payment.ts';
export { type AccountingSettings, accountingSettings, type InvoicePolicy } from './settings.ts';

// Every new company gets its chart (小企业会计准则 for zh-CN, else the generic IFRS chart) and journals.
onCompanyCreated(async (tx, companyId, input) => {
  await installChart(tx, companyId, templateFor(input.locale, input.chartTemplate));
});

// Four months of demo books; after crm's customers, before inventory's stock and sales' orders.
registerDemoSeeder('accounting', seedAccountingDemo);

// Folds the append-only balance deltas into the per-period balances the reports start from.
registerJob({
  name: 'accounting.balances.compact',
  everySeconds: 60,
  run: async (db) => void (await compactBalances(db)),
});
registerJob(collectionReminderJob);

export const accounting: ModuleDef = {
  name: 'accounting',
  routes(app: FastifyInstance) {
    chartRoutes(app);
    entryRoutes(app);
    periodRoutes(app);
    reportRoutes(app);
    exportRoutes(app);
    invoiceRoutes(app);
    paymentRoutes(app);
    agingRoutes(app);
    creditRoutes(app);
    collectionRoutes(app);
    taxRoutes(app);
    revaluationRoutes(app);
    bankRoutes(app);
  },
};
