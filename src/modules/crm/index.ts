/**
 * crm — the customer master (customers, contacts), leads, opportunities, activities and the
 * customer timeline. Other modules import only this file (and events.ts).
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { registerAuditedEntity } from '../../platform/audit/read.ts';
import { one } from '../../platform/db/tx.ts';
import { visibleCustomerSql } from './customer/customer.repo.ts';
import './permissions.ts';
import type { ModuleDef } from '../index.ts';
import { customerRoutes } from './customer/routes.ts';

export { createCustomer } from './customer/create-customer.ts';
export { findCustomerDuplicates } from './customer/find-duplicates.ts';
export { isValidUscc, nameKey, phoneKey } from './customer/normalize.ts';

export const crm: ModuleDef = {
  name: 'crm',
  routes(app: FastifyInstance) {
    customerRoutes(app);
  },
};

registerAuditedEntity('crm.customer', {
  readPermission: 'crm.customer.read',
  canSee: async (ex, actor, id) =>
    Boolean(
      await one(
        ex,
        sql`select 1 from crm_customer c where c.company_id = ${actor.companyId} and c.id = ${id} and ${visibleCustomerSql(actor)}`,
      ),
    ),
});
