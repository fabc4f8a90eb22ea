// Every table inventory owns, one file per aggregate; drizzle-kit reads this file.

export * from './count/schema.ts';
export * from './picking/schema.ts';
export * from './stock/schema.ts';
export * from './warehouse/schema.ts';
