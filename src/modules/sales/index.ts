/**
 * sales — see README.md. Other modules import only this file (and events.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleDef } from '../index.ts';

export const sales: ModuleDef = {
  name: 'sales',
  routes(_app: FastifyInstance) {},
};
