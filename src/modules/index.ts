import type { FastifyInstance } from 'fastify';
import { crm } from './crm/index.ts';

/**
 * The business modules, bottom → top (STYLE.md). Each contributes its routes; subscribers, jobs,
 * permissions and merge handlers register themselves when the module's index.ts is imported.
 */
export interface ModuleDef {
  name: string;
  routes(app: FastifyInstance): void;
}

export const modules: ModuleDef[] = [crm];
