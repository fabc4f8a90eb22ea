import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { companyId, id, ts, xid8 } from '../db/columns.ts';
import { company } from '../org/schema.ts';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * Append-only (a trigger refuses UPDATE except the one-time seal, and DELETE). `txid` lets the
 * sealer chain only rows of finished transactions; `chain_pos`/`seal` are set once by it.
 */
export const auditLog = pgTable(
  'platform_audit_log',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    txid: xid8('txid').notNull().default(sql`pg_current_xact_id()`),
    at: ts('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorTokenId: uuid('actor_token_id'),
    requestId: text('request_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<AuditChanges>().notNull().default({}),
    reason: text('reason'),
    chainPos: bigint('chain_pos', { mode: 'number' }),
    seal: text('seal'),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('platform_audit_log_entity_ix').on(t.companyId, t.entity, t.entityId),
    index('platform_audit_log_at_ix').on(t.companyId, t.at),
    index('platform_audit_log_unsealed_ix').on(t.companyId, t.seq).where(sql`${t.seal} is null`),
    index('platform_audit_log_chain_ix').on(t.companyId, t.chainPos),
  ],
);

export const auditSealHead = pgTable('platform_audit_seal_head', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => company.id),
  lastPos: bigint('last_pos', { mode: 'number' }).notNull().default(0),
  lastSeal: text('last_seal').notNull(),
  sealedAt: ts('sealed_at').notNull().defaultNow(),
});
