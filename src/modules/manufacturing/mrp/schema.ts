// MRP runs and the proposals they produce. Re-exported by ../schema.ts so drizzle-kit sees them.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, id, ts, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';
import { product } from '../../catalog/schema.ts';
import { warehouse } from '../../inventory/schema.ts';

const qty = (name: string) => numeric(name, { precision: 18, scale: 4 });

/** One MRP run: queued → running → done | failed, with its progress (0..100) and what it found. */
export const mrpRun = pgTable(
  'manufacturing_mrp_run',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    state: text('state').notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    /** The planning day (company time zone) the run netted from. */
    planDate: date('plan_date', { mode: 'string' }),
    itemCount: integer('item_count').notNull().default(0),
    demandCount: integer('demand_count').notNull().default(0),
    proposalCount: integer('proposal_count').notNull().default(0),
    lateCount: integer('late_count').notNull().default(0),
    requestedBy: uuid('requested_by'),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    error: text('error'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('manufacturing_mrp_run_state_idx').on(t.state, t.companyId),
    // One run at a time per company: a second would plan on the same open proposals.
    uniqueIndex('manufacturing_mrp_run_active_uq')
      .on(t.companyId)
      .where(sql`${t.state} in ('queued', 'running')`),
    check('manufacturing_mrp_run_state_ck', sql`${t.state} in ('queued', 'running', 'done', 'failed')`),
    check('manufacturing_mrp_run_progress_ck', sql`${t.progress} between 0 and 100`),
  ],
);

/**
 * A product in a warehouse one run netted (its low-level code and how many proposals it got). It is
 * also what keeps the proposals honest cheaply: the run item references the run, the product and the
 * warehouse (foreign keys, ~10,000 rows a run), and every proposal has its run item — checked once per
 * statement over all the rows it wrote, with the deletion of items carried to their proposals, by the
 * triggers of drizzle/0014_manufacturing_mrp_proposal_item_check.sql. Row-level foreign keys on the
 * ~150,000 proposals of a run cost about 1 s each (4 of them: 4 s of the run on a busy machine).
 */
export const mrpRunItem = pgTable(
  'manufacturing_mrp_run_item',
  {
    companyId: companyId().references(() => company.id),
    runId: uuid('run_id').notNull(),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    level: integer('level').notNull(),
    proposalCount: integer('proposal_count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.runId, t.productId, t.warehouseId] }),
    foreignKey({ columns: [t.companyId, t.runId], foreignColumns: [mrpRun.companyId, mrpRun.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    check('manufacturing_mrp_run_item_counts_ck', sql`${t.level} >= 0 and ${t.proposalCount} >= 0`),
  ],
);

/**
 * A dated buy or make proposal for a product in a warehouse, pegged to the demand it covers
 * (`pegging`: [{ type, id, number, qty, date, needId? }]). proposed → confirmed (the requisition or
 * production order it became: document_*) | dismissed; a newer finished run supersedes what is still
 * proposed (derived when read, see proposal.repo.ts; 'superseded' rows may exist from before). Company,
 * run, product and warehouse are guaranteed through its run item (statement-level check, see above).
 */
export const mrpProposal = pgTable(
  'manufacturing_mrp_proposal',
  {
    companyId: uuid('company_id').notNull(),
    id: id(),
    runId: uuid('run_id').notNull(),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    kind: text('kind').notNull(),
    bomId: uuid('bom_id'),
    qty: qty('qty').notNull(),
    releaseDate: date('release_date', { mode: 'string' }).notNull(),
    needDate: date('need_date', { mode: 'string' }).notNull(),
    late: boolean('late').notNull().default(false),
    pegging: jsonb('pegging').notNull().default([]),
    state: text('state').notNull().default('proposed'),
    documentType: text('document_type'),
    documentId: uuid('document_id'),
    documentNumber: text('document_number'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    // Serves the product filter of the list and the cascade from a run item.
    index('manufacturing_mrp_proposal_item_idx').on(t.companyId, t.runId, t.productId, t.warehouseId),
    check('manufacturing_mrp_proposal_kind_ck', sql`${t.kind} in ('buy', 'make')`),
    check('manufacturing_mrp_proposal_qty_ck', sql`${t.qty} > 0`),
    check(
      'manufacturing_mrp_proposal_state_ck',
      sql`${t.state} in ('proposed', 'confirmed', 'dismissed', 'superseded')`,
    ),
    check(
      'manufacturing_mrp_proposal_document_ck',
      sql`(${t.state} = 'confirmed') = (${t.documentId} is not null)`,
    ),
    check('manufacturing_mrp_proposal_dates_ck', sql`${t.releaseDate} <= ${t.needDate}`),
  ],
);
