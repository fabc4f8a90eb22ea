import { numeric } from 'drizzle-orm/pg-core';

// The numeric shapes inventory's tables share: quantities, money and unit costs.
export const qty = (name: string) => numeric(name, { precision: 18, scale: 4 });
export const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
export const unitCost = (name: string) => numeric(name, { precision: 18, scale: 6 });
