import type { Tx } from '../../../platform/db/tx.ts';
import type { DeliveredEvent, Subscriber } from '../../../platform/outbox/subscribers.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';
import { createRequisitions } from '../requisition/create-requisitions.ts';

interface NeededPayload {
  needId: string;
  productId: string;
  warehouseId: string;
  qty: string;
  method: 'buy' | 'make';
  neededBy: string | null;
  originType: string;
  originId: string;
  originNumber: string;
}

/**
 * A shortage to buy (inventory's `procurement.needed`, method buy) becomes one draft requisition. The
 * need's id is unique on requisitions, so a redelivered event adds nothing.
 */
async function handle(tx: Tx, event: DeliveredEvent): Promise<void> {
  const p = event.payload as unknown as NeededPayload;
  if (p.method !== 'buy') return;
  const actor = systemActor(event.companyId, `procurement need of ${p.originNumber}`);
  await createRequisitions(tx, actor, [
    {
      productId: p.productId,
      warehouseId: p.warehouseId,
      qty: p.qty,
      neededBy: p.neededBy,
      originType: p.originType,
      originId: p.originId,
      originNumber: p.originNumber,
      needId: p.needId,
    },
  ]);
}

export const procurementNeededSubscriber: Subscriber = {
  name: 'purchasing.requisition_from_need',
  types: ['procurement.needed'],
  handle,
};
