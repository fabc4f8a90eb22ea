import { sql } from 'drizzle-orm';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import type { RowResult } from '../../../platform/imports/registry.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import type { CustomerPatch } from '../customer/contract.ts';
import { findVisibleCustomer, toCustomer } from '../customer/customer.repo.ts';
import { nameKey } from '../customer/normalize.ts';
import { updateCustomer } from '../customer/update-customer.ts';
import type { BatchState } from './batch-state.ts';
import type { CustomerRow } from './customer-row.ts';

/**
 * A customer row's key: its customer code, else its tax id (unique per company), else its exact
 * name. A code that names no customer (a list exported from another company) falls through to the
 * tax id and name; a name that several customers have exactly is a conflict. A row that matches
 * nothing makes a new customer with a generated code (refused when it only looks like an existing
 * one: a similar name, the same phone).
 */
export async function matchCustomers(
  tx: Tx,
  actor: Actor,
  list: Array<{ rowNo: number; row: CustomerRow }>,
): Promise<Map<number, string | AppError>> {
  const codes = list.flatMap(({ row }) => (row.code ? [row.code] : []));
  const taxes = list.flatMap(({ row }) => (row.taxId ? [row.taxId] : []));
  const names = list.flatMap(({ row }) => (!row.taxId ? [row.name] : []));
  const matches = new Map<number, string | AppError>();
  if (list.length === 0) return matches;
  const found = await rows<{ id: string; code: string; tax_id: string | null; name: string }>(
    tx,
    sql`select id, code, tax_id, name from crm_customer
         where company_id = ${actor.companyId} and merged_into_id is null
           and (code = any(${textArray(codes)}) or tax_id = any(${textArray(taxes)})
                or (name_key = any(${textArray(names.map(nameKey))}) and name = any(${textArray(names)})))`,
  );
  const byCode = new Map(found.map((f) => [f.code.toUpperCase(), f.id]));
  const byTax = new Map(found.filter((f) => f.tax_id).map((f) => [f.tax_id!, f.id]));
  const byName = new Map<string, string[]>();
  for (const f of found) byName.set(f.name, [...(byName.get(f.name) ?? []), f.id]);
  for (const { rowNo, row } of list) {
    const byItsCode = row.code ? byCode.get(row.code.toUpperCase()) : undefined;
    if (byItsCode) matches.set(rowNo, byItsCode);
    else if (row.taxId) {
      if (byTax.has(row.taxId)) matches.set(rowNo, byTax.get(row.taxId)!);
    } else {
      const same = byName.get(row.name) ?? [];
      if (same.length === 1) matches.set(rowNo, same[0]);
      else if (same.length > 1)
        matches.set(
          rowNo,
          new AppError(409, 'import.key_ambiguous', `${same.length} customers are named ${row.name}`, {
            column: 'name',
          }),
        );
    }
  }
  return matches;
}

const sameAmount = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && Number(a) === Number(b));

/** The fields of the row that differ from the customer (a blank cell leaves its field as it is). */
async function changesOf(
  tx: Tx,
  state: BatchState,
  row: CustomerRow,
  current: ReturnType<typeof toCustomer>,
): Promise<Omit<CustomerPatch, 'version' | 'ignoreDuplicates'>> {
  const wanted: Record<string, unknown> = {
    kind: row.kind,
    name: row.name,
    shortName: row.shortName,
    taxId: row.taxId,
    industryCode: row.industry ? await state.dictionary(tx, 'industry', row.industry, 'industry') : undefined,
    sourceCode: row.source ? await state.dictionary(tx, 'lead_source', row.source, 'source') : undefined,
    tags: row.tags,
    status: row.status,
    creditLimit: row.creditLimit,
    paymentTermCode: row.paymentTerm
      ? await state.paymentTerm(tx, row.paymentTerm, 'paymentTerm')
      : undefined,
  };
  const patch: Record<string, unknown> = {};
  const now = current as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    const same =
      field === 'creditLimit'
        ? sameAmount(value as string, now.creditLimit as string | null)
        : JSON.stringify(value) === JSON.stringify(now[field] ?? null);
    if (!same) patch[field] = value;
  }
  return patch;
}

/**
 * A row whose key matched a customer: an earlier row of the file on the same customer (or tax id)
 * is a conflict; otherwise the differing fields go through `updateCustomer` with the customer's
 * version (its rules, audit and event apply); a row equal to the customer writes nothing. The owner,
 * address and contact columns are not applied to an existing customer.
 */
export async function upsertCustomer(
  tx: Tx,
  actor: Actor,
  state: BatchState,
  rowNo: number,
  row: CustomerRow,
  customerId: string,
): Promise<{ recordId: string; result: RowResult }> {
  // The keys new rows are remembered by, so two rows of one file on one customer are a conflict.
  const key = nameKey(row.name);
  const keys = [
    `id:${customerId}`,
    ...(row.taxId ? [`tax:${row.taxId}`] : []),
    ...(key ? [`name:${key}`] : []),
  ];
  const earlier = state.earlier(keys);
  if (earlier)
    throw new AppError(409, 'duplicate', `Duplicate: same customer as row ${earlier.rowNo} of this file`, {
      column: row.code ? 'code' : 'taxId',
    });
  const current = toCustomer(await findVisibleCustomer(tx, actor, customerId));
  const patch = await changesOf(tx, state, row, current);
  state.remember(keys, rowNo, row.name);
  if (Object.keys(patch).length === 0) return { recordId: customerId, result: 'unchanged' };
  await updateCustomer(tx, actor, customerId, {
    ...patch,
    version: current.version,
    ignoreDuplicates: false,
  });
  return { recordId: customerId, result: 'updated' };
}
