// Every table the platform owns; drizzle-kit reads this file (and each module's schema.ts).

export * from './approvals/schema.ts';
export * from './attachments/schema.ts';
export * from './audit/schema.ts';
export * from './auth/schema.ts';
export * from './imports/schema.ts';
export * from './mail/schema.ts';
export * from './notifications/schema.ts';
export * from './org/schema.ts';
export * from './outbox/schema.ts';
export * from './reference/schema.ts';
export * from './sequences/schema.ts';
