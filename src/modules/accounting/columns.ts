import { numeric } from 'drizzle-orm/pg-core';

/** Company- or transaction-currency money: cents, never a float. */
export const money = (name: string) => numeric(name, { precision: 18, scale: 2, mode: 'string' });
/** An exchange rate: company currency per unit of the transaction currency. */
export const rate = (name: string) => numeric(name, { precision: 18, scale: 8, mode: 'string' });
