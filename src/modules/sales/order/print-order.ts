import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { printDocument } from '../document/print-document.ts';
import { findVisibleOrder, orderLineViews, toOrderSummary } from './order.repo.ts';

/** The printable order confirmation (销售订单确认书) as one HTML page. */
export async function printOrder(tx: Tx, actor: Actor, id: string, lang: 'zh-CN' | 'en') {
  requirePermission(actor, 'sales.order.read');
  const row = await findVisibleOrder(tx, actor, id);
  const o = { ...toOrderSummary(row), lines: await orderLineViews(tx, actor.companyId, id) };
  const zh = lang === 'zh-CN';
  return printDocument(tx, actor.companyId, o, {
    lang,
    title: zh ? '销售订单确认书' : 'Order confirmation',
    facts: [
      [zh ? '订单号' : 'Order no.', o.number],
      [zh ? '客户' : 'Customer', o.customerName ?? ''],
      [zh ? '订单日期' : 'Order date', o.orderDate],
      [zh ? '要求交期' : 'Requested date', o.requestedDate ?? '—'],
      [zh ? '付款条件' : 'Payment terms', o.paymentTermCode ?? '—'],
      [zh ? '币种' : 'Currency', o.currency],
      [zh ? '销售' : 'Salesperson', o.ownerName ?? ''],
    ],
  });
}
