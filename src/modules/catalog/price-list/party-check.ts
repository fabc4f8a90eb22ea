import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';

// crm sits above catalog, so catalog cannot read customers; crm registers these at start-up.

type PartyCheck = (tx: Tx, companyId: string, customerId: string) => Promise<boolean>;
type GroupsOf = (tx: Tx, companyId: string, customerId: string) => Promise<string[]>;

let partyCheck: PartyCheck | null = null;
let groupsOf: GroupsOf | null = null;

/** crm (above catalog) registers how to check that a customer id exists in the company (price lists per customer). */
export function registerPartyCheck(fn: PartyCheck): void {
  partyCheck = fn;
}

/** crm registers how to read a customer's groups (its tags), which customer-group price lists match. */
export function registerCustomerGroups(fn: GroupsOf): void {
  groupsOf = fn;
}

/** 422 `catalog.customer_unknown` unless the customer exists in the company and was not merged away. */
export async function assertCustomer(tx: Tx, companyId: string, customerId: string): Promise<void> {
  // Without a registered check nothing can be vouched for: refuse rather than store a dangling id.
  if (!partyCheck || !(await partyCheck(tx, companyId, customerId)))
    throw unprocessable('catalog.customer_unknown', 'No such customer', { customerId });
}

/** The customer's groups (its tags) for price-list selection; none when crm has not registered. */
export async function customerGroups(tx: Tx, companyId: string, customerId: string): Promise<string[]> {
  return groupsOf ? groupsOf(tx, companyId, customerId) : [];
}
