// Every table accounting owns, one file per aggregate; drizzle-kit reads this file.

export * from './bank/schema.ts';
export * from './chart/schema.ts';
export * from './collection/schema.ts';
export * from './invoice/schema.ts';
export * from './ledger/schema.ts';
export * from './payment/schema.ts';
export * from './period/schema.ts';
export * from './revaluation/schema.ts';
