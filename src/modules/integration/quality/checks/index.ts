// The checks a run goes through, in this order (each registers once when this file is imported).

import { customerRequiredFields, undefinedDictionaryValues } from './customer-checks.ts';
import { duplicateContacts, duplicateCustomers } from './customer-duplicates.ts';
import { orderStates } from './order-state.ts';
import { stuckEvents } from './outbox.ts';
import { duplicateProducts, productsWithoutCost, productsWithoutTax } from './product-checks.ts';
import { registerCheck } from './registry.ts';
import { stockBalances } from './stock-balance.ts';

for (const check of [
  duplicateCustomers,
  duplicateContacts,
  duplicateProducts,
  orderStates,
  stockBalances,
  customerRequiredFields,
  undefinedDictionaryValues,
  productsWithoutCost,
  productsWithoutTax,
  stuckEvents,
])
  registerCheck(check);
