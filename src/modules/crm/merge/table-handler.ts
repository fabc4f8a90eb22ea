import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { type MergeHandler, type MergeInfo, mergeNotUndoable } from './registry.ts';

/**
 * A merge handler for the common case: one table whose rows point at the customer through one
 * column. Table and column names come from the registering module's code, never from a request.
 */
export interface TableMergeSpec {
  name: string;
  table: string;
  /** The column that holds the customer id (`customer_id`). */
  column: string;
  /** Which rows are open and so move (over alias `t`); all rows when absent. */
  open?: SQL;
  /** The audited entity of a row and the field name of the column in its audit entries. */
  auditEntity: string;
  auditField: string;
  /** When a row became attached to its customer; `created_at` unless the row is attached later (a lead's conversion). */
  attachedAtColumn?: string;
  /** A human word for the undo refusal: "contacts", "open opportunities". */
  noun: string;
}

const ids = (list: string[]) => sql`${textArray(list)}::uuid[]`;

async function repoint(
  tx: Tx,
  actor: Actor,
  spec: TableMergeSpec,
  where: SQL,
  from: string,
  to: string,
): Promise<string[]> {
  const table = sql.identifier(spec.table);
  const column = sql.identifier(spec.column);
  const moved = await rows<{ id: string }>(
    tx,
    sql`update ${table} t set ${column} = ${to}, version = t.version + 1, updated_at = now()
         where t.company_id = ${actor.companyId} and t.${column} = ${from} and ${where}
         returning t.id`,
  );
  // Each moved record's own history says where it went and why (the actor carries the merge as reason).
  for (const { id } of moved)
    await recordAudit(tx, actor, {
      entity: spec.auditEntity,
      entityId: id,
      action: 'merge',
      before: { [spec.auditField]: from },
      after: { [spec.auditField]: to },
    });
  return moved.map((r) => r.id);
}

/**
 * Records of this kind that point at the survivor now, were not moved by the merge, and became
 * attached after it: created (or attached) since, or pointed at it by an edit since (the audit log
 * says when a record's customer changed).
 */
async function attachedSince(
  tx: Tx,
  actor: Actor,
  spec: TableMergeSpec,
  toId: string,
  movedIds: string[],
  merge: MergeInfo,
): Promise<string[]> {
  const table = sql.identifier(spec.table);
  const column = sql.identifier(spec.column);
  const attachedAt = sql.identifier(spec.attachedAtColumn ?? 'created_at');
  // From the survivor's rows (indexed by customer), so an old merge does not scan a year of audit log.
  const found = await rows<{ id: string }>(
    tx,
    sql`select t.id from ${table} t
         where t.company_id = ${actor.companyId} and t.${column} = ${toId} and not (t.id = any(${ids(movedIds)}))
           and (t.${attachedAt} > ${merge.mergedAt}::timestamptz
                or exists (select 1 from platform_audit_log a
                            where a.company_id = t.company_id and a.entity = ${spec.auditEntity}
                              and a.entity_id = t.id::text and a.at > ${merge.mergedAt}::timestamptz
                              and a.changes -> ${spec.auditField}::text ->> 'after' = ${toId}))
         limit 5`,
  );
  return found.map((r) => r.id);
}

export function tableMergeHandler(spec: TableMergeSpec): MergeHandler {
  return {
    name: spec.name,
    move: (tx, actor, fromId, toId) => repoint(tx, actor, spec, spec.open ?? sql`true`, fromId, toId),
    async undo(tx, actor, fromId, toId, movedIds, merge) {
      const blocking = await attachedSince(tx, actor, spec, toId, movedIds, merge);
      if (blocking.length > 0)
        throw mergeNotUndoable(`${spec.noun} were added to the surviving customer since the merge`, {
          kind: spec.name,
          ids: blocking,
        });
      if (movedIds.length > 0)
        await repoint(tx, actor, spec, sql`t.id = any(${ids(movedIds)})`, toId, fromId);
    },
  };
}
