// Every table crm owns; drizzle-kit reads this file.

export * from './activity/schema.ts';
export * from './customer/schema.ts';
export * from './lead/schema.ts';
export * from './opportunity/schema.ts';
