import { recordAudits } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { markNeedPlanned, openNeedIds } from '../../inventory/index.ts';
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
 * becomes confirmed with the document's id and number, and the needs it pegs are planned. Origin of
 * the documents: the proposal.
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
  await planPeggedNeeds(tx, actor, [
    ...make.map((p, i) => ({ proposal: p, type: 'production_order', doc: orders[i] })),
    ...buy.map((p, i) => ({ proposal: p, type: 'purchase_requisition', doc: requisitions[i] })),
  ]);
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

/**
 * The procurement needs (sales order lines short at confirmation) the confirmed proposals peg are
 * planned now: expected on the proposal's need date, by the document it became. Inventory publishes
 * `procurement.planned`; sales moves the line's expected date and tells the salesperson. A need no
 * longer open (planned meanwhile by a purchase order, say) is left to whoever planned it.
 */
async function planPeggedNeeds(
  tx: Tx,
  actor: Actor,
  made: Array<{ proposal: Locked; type: string; doc: { id: string; number: string } }>,
) {
  const wanted = made.flatMap((m) =>
    m.proposal.pegging.filter((g) => g.needId).map((g) => ({ needId: g.needId as string, made: m })),
  );
  const open = await openNeedIds(
    tx,
    actor.companyId,
    wanted.map((w) => w.needId),
  );
  const done = new Set<string>();
  for (const w of wanted) {
    if (!open.has(w.needId) || done.has(w.needId)) continue;
    done.add(w.needId);
    await markNeedPlanned(tx, actor, {
      needId: w.needId,
      reason: 'mrp proposal confirmed',
      expectedDate: w.made.proposal.needDate,
      plannedBy: { type: w.made.type, id: w.made.doc.id, number: w.made.doc.number },
    });
  }
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
