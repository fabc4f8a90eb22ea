import type { Executor } from '../db/tx.ts';
import { badRequest } from '../errors.ts';
import type { Actor } from '../permissions/actor.ts';

/**
 * A kind of record files can be attached to. An attachment is only as visible as its parent: the
 * owning module answers whether the actor may read (list, download) or change (upload, delete) the
 * parent record, including its record rules and company. `false` is answered as 404.
 */
export interface Attachable {
  canRead(ex: Executor, actor: Actor, recordId: string): Promise<boolean>;
  canWrite(ex: Executor, actor: Actor, recordId: string): Promise<boolean>;
}

const attachables = new Map<string, Attachable>();

/** Modules register each record type at start-up, e.g. `crm.customer`, `sales.order`. */
export function registerAttachable(recordType: string, def: Attachable): void {
  if (!/^[a-z_]+\.[a-z_]+$/.test(recordType)) throw new Error(`bad record type ${recordType}`);
  if (attachables.has(recordType)) throw new Error(`attachable ${recordType} registered twice`);
  attachables.set(recordType, def);
}

export function attachableFor(recordType: string): Attachable {
  const def = attachables.get(recordType);
  if (!def)
    throw badRequest('attachment.unknown_record_type', 'Files cannot be attached to this kind of record', {
      recordType,
    });
  return def;
}
