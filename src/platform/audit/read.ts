import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { iso } from '../db/time.ts';
import { type Executor, rows } from '../db/tx.ts';
import { badRequest } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { type Actor, can, maskedFields, requirePermission } from '../permissions/actor.ts';

/**
 * How to decide whether an actor may see one record's history without `platform.audit.read`:
 * each module registers its audited entities (read permission + record-rule check).
 */
export interface AuditedEntity {
  readPermission: string;
  canSee?(ex: Executor, actor: Actor, id: string): Promise<boolean>;
}
const entities = new Map<string, AuditedEntity>();

export function registerAuditedEntity(entity: string, def: AuditedEntity): void {
  entities.set(entity, def);
}

export const AuditEntry = z
  .object({
    id: z.uuid(),
    at: z.string(),
    actor: z.object({
      userId: z.uuid().nullable(),
      name: z.string().nullable(),
      tokenId: z.uuid().nullable(),
    }),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
    sealed: z.boolean(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditQuery = z.object({
  entity: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .optional(),
  entityId: z.string().max(100).optional(),
  userId: z.uuid().optional(),
  action: z.string().max(50).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** The audit log, newest first. Without `platform.audit.read` only one record's history, if its owner module allows. */
export async function listAudit(ex: Executor, actor: Actor, query: z.infer<typeof AuditQuery>) {
  if (!can(actor, 'platform.audit.read')) {
    const def = query.entity ? entities.get(query.entity) : undefined;
    if (!def || !query.entityId) requirePermission(actor, 'platform.audit.read');
    requirePermission(actor, def!.readPermission);
    if (def!.canSee && !(await def!.canSee(ex, actor, query.entityId!)))
      requirePermission(actor, 'platform.audit.read');
  }
  const where: SQL[] = [sql`a.company_id = ${actor.companyId}`];
  if (query.entity) where.push(sql`a.entity = ${query.entity}`);
  if (query.entityId) where.push(sql`a.entity_id = ${query.entityId}`);
  if (query.userId) where.push(sql`a.actor_user_id = ${query.userId}`);
  if (query.action) where.push(sql`a.action = ${query.action}`);
  if (query.from) where.push(sql`a.at >= ${query.from}`);
  if (query.to) where.push(sql`a.at < ${query.to}`);
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    if (cursor[0] === '__invalid__' || typeof cursor[0] !== 'number')
      throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`a.seq < ${cursor[0]}`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`select a.*, u.name as actor_name from platform_audit_log a left join platform_user u on u.id = a.actor_user_id
         where ${sql.join(where, sql` and `)} order by a.seq desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: page.map((r) => {
      const masked = new Set(maskedFields(actor, r.entity));
      const changes = Object.fromEntries(
        Object.entries(r.changes ?? {}).filter(([field]) => !masked.has(field)),
      );
      return {
        id: r.id,
        at: iso(r.at),
        actor: { userId: r.actor_user_id, name: r.actor_name ?? null, tokenId: r.actor_token_id },
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        changes: changes as Record<string, { before: unknown; after: unknown }>,
        reason: r.reason,
        requestId: r.request_id,
        sealed: r.seal !== null,
      };
    }),
    nextCursor: list.length > query.limit ? encodeCursor([Number(page[page.length - 1].seq)]) : null,
  };
}
