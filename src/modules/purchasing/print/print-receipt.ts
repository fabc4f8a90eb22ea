import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { amountInChineseWords } from '../../../platform/text/chinese-amount.ts';
import { findOrder, ORDER_ORIGIN } from '../order/order.repo.ts';
import { type PrintLang, plain, renderSheet } from './print-page.ts';

const TEXT = {
  'zh-CN': {
    title: '入库单',
    number: '入库单号',
    date: '入库日期',
    order: '采购订单',
    supplier: '供应商',
    warehouse: '仓库',
    state: '状态',
    states: { draft: '待入库', done: '已入库', cancelled: '已取消' } as Record<string, string>,
    columns: ['序号', '编码', '品名', '单位', '订购数量', '实收数量', '批号 / 有效期', '单价', '金额'],
    total: '合计',
    words: '金额大写',
    notes: '备注',
    signs: ['送货人 / 日期', '质检 / 日期', '仓管员 / 日期', '采购员 / 日期'],
  },
  en: {
    title: 'Goods receipt note',
    number: 'GRN no.',
    date: 'Received on',
    order: 'Purchase order',
    supplier: 'Supplier',
    warehouse: 'Warehouse',
    state: 'Status',
    states: { draft: 'Expected', done: 'Received', cancelled: 'Cancelled' } as Record<string, string>,
    columns: ['#', 'SKU', 'Product', 'Unit', 'Ordered', 'Received', 'Lot / expiry', 'Unit cost', 'Amount'],
    total: 'Total',
    words: 'In words',
    notes: 'Notes',
    signs: ['Delivered by / date', 'Inspected by / date', 'Storekeeper / date', 'Buyer / date'],
  },
} as const;

const FIGURES = new Set([0, 4, 5, 7, 8]);

interface ReceiptLine {
  id: string;
  line_no: number;
  sku: string;
  name: string;
  uom_code: string;
  qty: string;
  qty_done: string;
  ordered: string | null;
  unit_cost: string | null;
  lot_no: string | null;
  expiry: string | null;
}

/** The receipt (or one of its backorders) of the order, company-scoped: 404 for anything else. */
async function receiptOf(ex: Executor, companyId: string, orderId: string, receiptId: string, lang: string) {
  const head = await one<{
    number: string;
    state: string;
    notes: string;
    day: string | null;
    warehouse: string;
    company: string;
    currency: string;
  }>(
    ex,
    sql`select p.number, p.state, p.notes,
               coalesce(to_char((p.done_at at time zone c.time_zone)::date, 'YYYY-MM-DD'),
                        to_char(p.scheduled_date, 'YYYY-MM-DD')) as day,
               coalesce(w.name->>${lang}, w.name->>'zh-CN', w.name->>'en', w.code) as warehouse,
               c.name as company, c.currency
          from inventory_picking p
          join platform_company c on c.id = p.company_id
          join inventory_warehouse w on w.company_id = p.company_id and w.id = p.warehouse_id
         where p.company_id = ${companyId} and p.id = ${receiptId} and p.kind = 'receipt'
           and p.origin_type = ${ORDER_ORIGIN} and p.origin_id = ${orderId}`,
  );
  if (!head) throw notFound('receipt', receiptId);
  const lines = await rows<ReceiptLine>(
    ex,
    sql`select l.id, l.line_no, pr.sku, pr.uom_code,
               coalesce(pr.name->>${lang}, pr.name->>'zh-CN', pr.name->>'en', pr.sku) as name,
               l.qty::text as qty, l.qty_done::text as qty_done, ol.qty::text as ordered,
               l.unit_cost::text as unit_cost, l.lot_no, to_char(l.expiry_date, 'YYYY-MM-DD') as expiry
          from inventory_picking_line l
          join catalog_product pr on pr.company_id = l.company_id and pr.id = l.product_id
          left join purchasing_order_line ol on ol.company_id = l.company_id and ol.id = l.origin_line_id
         where l.company_id = ${companyId} and l.picking_id = ${receiptId}
         order by l.line_no`,
  );
  // Once received, the ledger's own figures: the lots that moved and the value each line came in at.
  const moved = await rows<{
    picking_line_id: string;
    lot_no: string | null;
    expiry: string | null;
    value: string;
  }>(
    ex,
    sql`select m.picking_line_id, lot.lot_no, to_char(lot.expiry_date, 'YYYY-MM-DD') as expiry, m.value::text as value
          from inventory_move m
          left join inventory_lot lot on lot.company_id = m.company_id and lot.id = m.lot_id
         where m.company_id = ${companyId} and m.picking_id = ${receiptId} and m.kind = 'receipt'
         order by lot.lot_no`,
  );
  return { head, lines, moved };
}

const lotText = (lotNo: string | null, expiry: string | null) =>
  lotNo ? (expiry ? `${lotNo} / ${expiry}` : lotNo) : '';

/**
 * The printable goods receipt note (入库单) of one receipt of a purchase order: what came in (once
 * validated: the quantities, lots and values the stock ledger holds; before: what is expected), at the
 * unit cost in company currency, with the total in capital numerals for CNY in Chinese.
 */
export async function printGoodsReceipt(
  ex: Executor,
  actor: Actor,
  orderId: string,
  receiptId: string,
  lang: PrintLang,
): Promise<string> {
  requirePermission(actor, 'purchasing.order.read');
  const order = await findOrder(ex, actor.companyId, orderId);
  const { head, lines, moved } = await receiptOf(ex, actor.companyId, orderId, receiptId, lang);
  const t = TEXT[lang];
  const done = head.state === 'done';
  let totalQty = new Decimal(0);
  let totalValue = new Decimal(0);
  const printed = lines
    .filter((l) => !done || new Decimal(l.qty_done).gt(0))
    .map((l) => {
      const qty = done ? l.qty_done : l.qty;
      const moves = moved.filter((m) => m.picking_line_id === l.id);
      const value = done
        ? moves.reduce((s, m) => s.add(m.value), new Decimal(0))
        : new Decimal(qty).mul(l.unit_cost ?? '0').toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      const lots = done
        ? [...new Set(moves.map((m) => lotText(m.lot_no, m.expiry)).filter(Boolean))]
        : [lotText(l.lot_no, l.expiry)].filter(Boolean);
      totalQty = totalQty.add(qty);
      totalValue = totalValue.add(value);
      return [
        String(l.line_no),
        l.sku,
        l.name,
        l.uom_code,
        l.ordered ? plain(l.ordered) : '',
        plain(qty),
        lots.join(', '),
        plain(l.unit_cost ?? '0'),
        value.toFixed(2),
      ];
    });
  const words = lang === 'zh-CN' && head.currency === 'CNY' ? amountInChineseWords(totalValue) : null;
  return renderSheet({
    lang,
    title: t.title,
    number: head.number,
    company: head.company,
    facts: [
      [t.number, head.number],
      [t.date, head.day],
      [t.order, order.number],
      [t.supplier, `${order.supplierName} (${order.supplierCode})`],
      [t.warehouse, head.warehouse],
      [t.state, t.states[head.state] ?? head.state],
    ],
    columns: t.columns.map((label, i) => ({ label, numeric: FIGURES.has(i) })),
    rows: printed,
    totals: [
      {
        label: t.total,
        values: [plain(totalQty.toFixed(4)), '', '', `${head.currency} ${totalValue.toFixed(2)}`],
      },
    ],
    inWords: words ? { label: t.words, text: words } : null,
    notes: { label: t.notes, text: head.notes },
    signatures: [...t.signs],
  });
}
