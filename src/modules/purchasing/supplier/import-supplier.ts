import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, pgCode, rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import {
  type ImportColumn,
  parseWithSchema,
  type RowWritten,
  registerImporter,
} from '../../../platform/imports/registry.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import type { SupplierPatch, SupplierView } from './contract.ts';
import { createSupplier } from './create-supplier.ts';
import { findSupplier, SUPPLIER_ENTITY } from './supplier.repo.ts';
import { updateSupplier } from './update-supplier.ts';

const col = (key: string, zh: string, en: string, required: boolean, example: string): ImportColumn => ({
  key,
  label: { 'zh-CN': zh, en },
  required,
  example,
});

export const SUPPLIER_COLUMNS: ImportColumn[] = [
  col('code', '供应商编号', 'Supplier code', false, 'S00001'),
  col('name', '供应商名称', 'Name', true, '杭州茶园有限公司'),
  col('shortName', '简称', 'Short name', false, '杭茶'),
  col('taxId', '税号', 'Tax id', false, '91330100MA2B3C4D5E'),
  col('paymentTerm', '付款条件', 'Payment term', false, 'NET30'),
  col('currency', '币种', 'Currency', false, 'CNY'),
  col('leadTimeDays', '采购提前期（天）', 'Lead time (days)', false, '7'),
  col('active', '启用', 'Active', false, '是'),
  col('notes', '备注', 'Notes', false, ''),
];

const YES = new Set(['yes', 'y', 'true', '1', '是', '启用']);
const NO = new Set(['no', 'n', 'false', '0', '否', '停用']);

export const SupplierRow = z.object({
  code: z.string().max(40).optional(),
  name: z.string().min(1).max(200),
  shortName: z.string().max(100).optional(),
  taxId: z
    .string()
    .max(40)
    .transform((v) => v.toUpperCase().replace(/\s/g, ''))
    .optional(),
  paymentTerm: z.string().max(40).optional(),
  currency: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, 'a 3-letter currency code such as CNY'))
    .optional(),
  leadTimeDays: z
    .string()
    .regex(/^\d{1,4}$/, 'whole days, such as 7')
    .transform(Number)
    .pipe(z.number().max(3650))
    .optional(),
  active: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => YES.has(v) || NO.has(v), 'yes or no (是/否)')
    .transform((v) => YES.has(v))
    .optional(),
  notes: z.string().max(2000).optional(),
});
export type SupplierRow = z.infer<typeof SupplierRow>;

/** The supplier a row names: by its code (the key), else by its party's tax id. */
async function matchSupplier(tx: Tx, actor: Actor, row: SupplierRow): Promise<string | null> {
  const found = await one<{ id: string }>(
    tx,
    row.code
      ? sql`select id from purchasing_supplier where company_id = ${actor.companyId} and code = ${row.code}`
      : row.taxId
        ? sql`select s.id from purchasing_supplier s join crm_customer c on c.company_id = s.company_id and c.id = s.party_id
               where s.company_id = ${actor.companyId} and c.tax_id = ${row.taxId}`
        : sql`select s.id from purchasing_supplier s join crm_customer c on c.company_id = s.company_id and c.id = s.party_id
               where s.company_id = ${actor.companyId} and c.name = ${row.name} and c.merged_into_id is null`,
  );
  return found?.id ?? null;
}

function changesOf(row: SupplierRow, current: SupplierView): Omit<SupplierPatch, 'version'> {
  const wanted: Record<string, unknown> = {
    paymentTermCode: row.paymentTerm,
    currency: row.currency,
    leadTimeDays: row.leadTimeDays,
    active: row.active,
    notes: row.notes,
  };
  const now = current as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(wanted).filter(([field, value]) => value !== undefined && value !== now[field]),
  );
}

/**
 * A supplier row: an existing supplier (by code, tax id or exact name) gets its purchasing terms
 * updated through `updateSupplier` (nothing when equal); otherwise `createSupplier` makes it, on
 * the crm party with that tax id when there is one, else on a new party (crm's duplicate check
 * applies: a likely duplicate is a conflict).
 */
export async function importSupplierRow(tx: Tx, actor: Actor, row: SupplierRow): Promise<RowWritten> {
  const existing = await matchSupplier(tx, actor, row);
  if (existing) {
    const current = await findSupplier(tx, actor.companyId, existing);
    const patch = changesOf(row, current);
    if (Object.keys(patch).length === 0) return { recordId: existing, result: 'unchanged' };
    await updateSupplier(tx, actor, existing, { ...patch, version: current.version });
    return { recordId: existing, result: 'updated' };
  }
  const party = row.taxId
    ? await one<{ id: string }>(
        tx,
        sql`select id from crm_customer where company_id = ${actor.companyId} and tax_id = ${row.taxId}`,
      )
    : null;
  const terms = {
    code: row.code,
    paymentTermCode: row.paymentTerm,
    currency: row.currency,
    leadTimeDays: row.leadTimeDays ?? 7,
    active: row.active ?? true,
    notes: row.notes ?? '',
  };
  const created = await createSupplier(
    tx,
    actor,
    party
      ? { ...terms, partyId: party.id }
      : {
          ...terms,
          party: {
            kind: 'company',
            name: row.name,
            shortName: row.shortName ?? null,
            taxId: row.taxId ?? null,
            notes: '',
            ignoreDuplicates: false,
          },
        },
  );
  return { recordId: created.id };
}

/** Deletes the suppliers a batch made that nothing refers to yet (their crm party stays); the others are kept. */
export async function undoSupplierImport(tx: Tx, actor: Actor, recordIds: string[]): Promise<void> {
  const found = await rows<{ id: string; code: string }>(
    tx,
    sql`select id, code from purchasing_supplier where company_id = ${actor.companyId} and id = any(${textArray(recordIds)}::uuid[])`,
  );
  for (const s of found) {
    try {
      await tx.transaction((sp) =>
        sp.execute(
          sql`delete from purchasing_supplier where company_id = ${actor.companyId} and id = ${s.id}`,
        ),
      );
    } catch (error) {
      if (pgCode(error) !== '23503') throw error;
      await recordAudit(tx, actor, {
        entity: SUPPLIER_ENTITY,
        entityId: s.id,
        action: 'import_undo_kept',
        after: { kept: 'other records refer to it' },
      });
      continue;
    }
    await recordAudit(tx, actor, {
      entity: SUPPLIER_ENTITY,
      entityId: s.id,
      action: 'delete',
      before: { code: s.code },
    });
  }
}

registerImporter<SupplierRow>({
  entity: 'purchasing.supplier',
  permission: 'purchasing.supplier.manage',
  columns: SUPPLIER_COLUMNS,
  keyColumns: ['code', 'taxId', 'name'],
  parseRow: (raw) => parseWithSchema(SupplierRow, raw),
  importRow: importSupplierRow,
  undo: undoSupplierImport,
});
