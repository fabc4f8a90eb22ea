import type { FastifyInstance } from 'fastify';
import { accounting } from './accounting/index.ts';
import { catalog } from './catalog/index.ts';
import { crm } from './crm/index.ts';
import { integration } from './integration/index.ts';
import { inventory } from './inventory/index.ts';
import { manufacturing } from './manufacturing/index.ts';
import { purchasing } from './purchasing/index.ts';
import { sales } from './sales/index.ts';

/**
 * The business modules, bottom → top (STYLE.md). Each contributes its routes; subscribers, jobs,
 * permissions and merge handlers register themselves when the module's index.ts is imported.
 */
export interface ModuleDef {
  name: string;
  routes(app: FastifyInstance): void;
}

export const modules: ModuleDef[] = [
  catalog,
  crm,
  accounting,
  inventory,
  purchasing,
  manufacturing,
  sales,
  integration,
];
