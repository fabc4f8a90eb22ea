import { z } from 'zod';
import { Days, NumberPattern } from '../../platform/settings/fields.ts';
import { registerSettings } from '../../platform/settings/registry.ts';

// What sales reads from settings.sales (with the same defaults where it reads them).
registerSettings({
  section: 'sales',
  permission: 'platform.company.update',
  schema: z.object({
    /** Confirming an order checks the customer's credit limit. */
    requireCreditCheck: z.boolean().default(true),
    /** Invoices open this many days past their due date block new orders (null: never). */
    blockOverdueDays: Days(3650).nullable().default(null),
    quoteValidDays: Days(3650).min(1).default(30),
    quoteNumberPattern: NumberPattern.default('QT-{year}-{seq:5}'),
    orderNumberPattern: NumberPattern.default('SO-{year}-{seq:5}'),
  }),
});
