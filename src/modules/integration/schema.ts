// Every table integration owns; drizzle-kit reads this file. Each area keeps its tables in its own
// folder's schema.ts and is re-exported here (one line per area).
export * from './nats/schema.ts';
export * from './quality/schema.ts';
export * from './rules/schema.ts';
export * from './webhooks/schema.ts';
export {};
