import { recordAudits } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { createRequisitions } from '../../purchasing/index.ts';
import type { ProposalIds } from './contract.ts';
import { createProductionOrders } from './production-seam.ts';
import { lockProposals, markProposals, type Outcome, proposalsByIds } from './proposal.repo.ts';

export const PROPOSAL_ENTITY = 'manufacturing.mrp_proposal';

type Locked = Awaited<ReturnType<typeof lockProposals>>[number];

/** The proposals, locked; 422 `manufacturing.proposal_state` (details.ids) unless every one is still proposed. */
async function lockOpen(tx: Tx, actor: Actor, ids: string[]): Promise<Locked[]> {
  const found = await lockProposals(tx, actor.companyId, ids);
  const closed = found.filter((p) => p.state !== 'proposed');
  if (closed.length > 0)
    throw unprocessable(
      'manufacturing.proposal_state',
      'Only proposed proposals can be confirmed or dismissed',
      {
        ids: closed.map((p) => p.id),
        states: closed.map((p) => p.state),
      },
    );
  return found;
}

/** The created documents come back in the order asked for; a mismatch would confirm the wrong proposal. */
function pair<T extends { productId: string; qty: string }>(asked: Locked[], made: T[]): T[] {
  const same = (p: Locked, d: T) => p.productId === d.productId && Number(p.qty) === Number(d.qty);
  if (made.length !== asked.length || asked.some((p, i) => !same(p, made[i])))
    throw new Error('created documents do not match the proposals they were made from');
  return made;
}

/**
 * Confirms proposals in bulk in one transaction: make → production orders (planned start = release
 * date, finish = need date), buy → purchase requisitions (needed by the need date); each proposal
 * becomes confirmed with the document's id and number. Origin of the documents: the proposal.
 */
export async function confirmProposals(tx: Tx, actor: Actor, input: ProposalIds) {
  requirePermission(actor, 'manufacturing.mrp.confirm');
  const locked = await lockOpen(tx, actor, input.ids);
  const make = locked.filter((p) => p.kind === 'make');
  const buy = locked.filter((p) => p.kind === 'buy');
  const origin = (p: Locked) => ({ originType: 'mrp_proposal', originId: p.id, originNumber: null });
  const orders = pair(
    make,
    make.length === 0
      ? []
      : await createProductionOrders(
          tx,
          actor,
          make.map((p) => ({
            productId: p.productId,
            warehouseId: p.warehouseId,
            qty: p.qty,
            plannedStart: p.releaseDate,
            plannedFinish: p.needDate,
            ...origin(p),
          })),
        ),
  );
  const requisitions = pair(
    buy,
    buy.length === 0
      ? []
      : await createRequisitions(
          tx,
          actor,
          buy.map((p) => ({
            productId: p.productId,
            warehouseId: p.warehouseId,
            qty: p.qty,
            neededBy: p.needDate,
            ...origin(p),
          })),
        ),
  );
  const outcomes: Outcome[] = [
    ...make.map((p, i) => ({
      id: p.id,
      state: 'confirmed' as const,
      documentType: 'production_order',
      documentId: orders[i].id,
      documentNumber: orders[i].number,
    })),
    ...buy.map((p, i) => ({
      id: p.id,
      state: 'confirmed' as const,
      documentType: 'purchase_requisition',
      documentId: requisitions[i].id,
      documentNumber: requisitions[i].number,
    })),
  ];
  return finish(tx, actor, locked, outcomes, 'confirm');
}

/** Dismisses proposals (the planner will not act on them); a later run may propose them again. */
export async function dismissProposals(tx: Tx, actor: Actor, input: ProposalIds) {
  requirePermission(actor, 'manufacturing.mrp.confirm');
  const locked = await lockOpen(tx, actor, input.ids);
  const outcomes: Outcome[] = locked.map((p) => ({
    id: p.id,
    state: 'dismissed',
    documentType: null,
    documentId: null,
    documentNumber: null,
  }));
  return finish(tx, actor, locked, outcomes, 'dismiss');
}

async function finish(tx: Tx, actor: Actor, locked: Locked[], outcomes: Outcome[], action: string) {
  await markProposals(tx, actor.companyId, outcomes);
  await recordAudits(
    tx,
    actor,
    outcomes.map((o) => ({
      entity: PROPOSAL_ENTITY,
      entityId: o.id,
      action,
      before: { state: 'proposed' },
      after: { state: o.state, documentType: o.documentType, documentNumber: o.documentNumber },
    })),
  );
  return {
    items: await proposalsByIds(
      tx,
      actor.companyId,
      locked.map((p) => p.id),
    ),
  };
}
