import type { Tx } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { createExchangeRate } from '../../../platform/reference/exchange-rates.ts';
import type { InvoiceView } from '../invoice/contract.ts';
import { createCreditNote } from '../invoice/create-credit-note.ts';
import { createInvoice } from '../invoice/create-invoice.ts';
import type { InvoiceKind } from '../invoice/invoice.ts';
import { postInvoice } from '../invoice/post-invoice.ts';
import { createPayment } from '../payment/create-payment.ts';

/** What the document part of the demo works with: the finance clerk, partners, accounts and dates. */
export interface DemoBooks {
  tx: Tx;
  finance: Actor;
  ago: (days: number) => string;
  today: string;
  /** Six domestic customers (CNY) and one overseas customer billed in US dollars. */
  customers: string[];
  exportCustomer: string;
  suppliers: { electronics: string; packaging: string; valves: string; freight: string };
  /** Account ids by chart code. */
  account: (code: string) => string;
}

type Line = [description: string, quantity: string, unitPrice: string, taxCode: string | null];

interface DocSpec {
  kind: InvoiceKind;
  partner: string;
  daysAgo: number;
  /** Days after the invoice date it falls due (default: the payment term's due date). */
  dueIn?: number;
  term?: string;
  currency?: string;
  reference?: string;
  /** Expense account of every line (supplier bills); default: the role's account. */
  accountId?: string;
  lines: Line[];
}

async function postedDocument(b: DemoBooks, spec: DocSpec): Promise<InvoiceView> {
  const invoiceDate = b.ago(spec.daysAgo);
  const draft = await createInvoice(b.tx, b.finance, {
    kind: spec.kind,
    partnerId: spec.partner,
    invoiceDate,
    dueDate: spec.dueIn === undefined ? undefined : b.ago(spec.daysAgo - spec.dueIn),
    paymentTermCode: spec.term ?? (spec.dueIn === undefined ? 'NET30' : null),
    currency: spec.currency,
    reference: spec.reference,
    lines: spec.lines.map(([description, quantity, unitPrice, taxCode]) => ({
      description,
      quantity,
      unitPrice,
      taxCode,
      accountId: spec.accountId ?? null,
    })),
  });
  return postInvoice(b.tx, b.finance, { invoiceId: draft.id });
}

/** A receipt (inbound) or supplier payment (outbound) through the bank, settling `invoice` with `settle`. */
async function pay(
  b: DemoBooks,
  direction: 'inbound' | 'outbound',
  invoice: InvoiceView,
  daysAgo: number,
  amount: string,
  settle = amount,
  reference = '',
): Promise<void> {
  await createPayment(b.tx, b.finance, {
    direction,
    partnerId: invoice.partnerId,
    paymentDate: b.ago(daysAgo),
    accountId: b.account('1002'),
    amount,
    reference,
    allocations: [{ invoiceId: invoice.id, amount: settle }],
  });
}

/**
 * Customer invoices with VAT 13 %, due dates spread so that on the seeding day the AR aging has every
 * bucket filled (not yet due, 1–30, 31–60, 61–90, over 90 days), receipts in full and in part, one
 * receipt above the invoice (the rest stays as the customer's credit), a credit note (红字发票) for a
 * return, and an export invoice in US dollars paid when the dollar was lower (a realised exchange loss).
 */
export async function seedCustomerDocuments(b: DemoBooks): Promise<void> {
  const [c1, c2, c3, c4, c5, c6] = b.customers;
  const sale = (partner: string, daysAgo: number, lines: Line[], extra: Partial<DocSpec> = {}) =>
    postedDocument(b, { kind: 'customer_invoice', partner, daysAgo, lines, ...extra });
  const full = (inv: InvoiceView, daysAgo: number, reference: string) =>
    pay(b, 'inbound', inv, daysAgo, inv.total, inv.total, reference);

  // Over 90 days: a 15-day term long past, half paid.
  const led = await sale(c1, 116, [['LED 显示屏 P2.5 户内全彩屏（㎡）', '80', '3580', 'VAT13-OUT']], {
    dueIn: 15,
    reference: '合同 XC-2026-031',
  });
  await pay(b, 'inbound', led, 60, '200000.00', '200000.00', '电汇 部分货款');
  const sensors = await sale(c2, 110, [
    ['工业温度传感器 PT100', '600', '168', 'VAT13-OUT'],
    ['信号变送器 4–20mA', '200', '222', 'VAT13-OUT'],
  ]);
  await full(sensors, 75, '电汇');
  // 61–90 days: valves, 100 of them returned damaged (a partial credit note).
  const valves = await sale(c3, 95, [['不锈钢球阀 DN50 PN16', '2000', '164', 'VAT13-OUT']]);
  const valveLine = valves.lines[0] as { id: string };
  await createCreditNote(b.tx, b.finance, valves.id, {
    reason: '运输破损退货 100 只 Damaged in transit, 100 returned',
    lines: [{ invoiceLineId: valveLine.id, quantity: '100' }],
    post: true,
  });
  // 31–60 days.
  await sale(c4, 80, [['五层瓦楞纸箱 K=K 600×400×400', '65000', '2.5', 'VAT13-OUT']]);
  // 1–30 days: one open, one paid on its due date.
  await sale(c5, 50, [
    ['A4 复印纸 70g（箱）', '1200', '68', 'VAT13-OUT'],
    ['激光硒鼓 CF226A', '160', '76.25', 'VAT13-OUT'],
  ]);
  const counters = await sale(c1, 40, [['LED 条形屏 P4 户外（㎡）', '40', '2965', 'VAT13-OUT']]);
  await full(counters, 12, '电汇');
  // Not yet due; one paid early and rounded up, the rest left as the customer's credit.
  await sale(c6, 20, [['工业温湿度传感器 SHT-30', '1100', '140', 'VAT13-OUT']], { term: 'EOM30' });
  const film = await sale(c2, 35, [['PE 缠绕膜 50cm×300m（卷）', '2400', '32', 'VAT13-OUT']], {
    term: 'NET60',
  });
  await pay(b, 'inbound', film, 15, '90000.00', film.total, '电汇 含预付');
  await sale(c4, 5, [['重型纸箱 K=A 800×600×500', '12800', '5.1063', 'VAT13-OUT']]);

  // Export, zero-rated, invoiced at 7.1380 and received at 7.0950 CNY per dollar.
  await rate(b, b.ago(85), '7.1380');
  await rate(b, b.ago(48), '7.0950');
  await rate(b, b.today, '7.0820');
  const exportSale = await sale(
    b.exportCustomer,
    85,
    [['LED display modules P3.91 outdoor (pcs)', '1600', '26.75', 'VAT0-OUT']],
    { currency: 'USD', reference: 'PI-2026-US-007' },
  );
  await full(exportSale, 48, 'SWIFT MT103');
}

async function rate(b: DemoBooks, date: string, value: string): Promise<void> {
  await createExchangeRate(b.tx, b.finance, { currency: 'USD', date, rate: value });
}

/**
 * Supplier bills: goods shipped by the supplier straight to our customer (直运, so their cost is cost
 * of goods sold at once) and freight (VAT 9 %, selling expenses); paid in full, in part, or still open.
 */
export async function seedSupplierDocuments(b: DemoBooks): Promise<void> {
  const s = b.suppliers;
  const cogs = b.account('5401');
  const bill = (partner: string, daysAgo: number, lines: Line[], extra: Partial<DocSpec> = {}) =>
    postedDocument(b, {
      kind: 'supplier_bill',
      partner,
      daysAgo,
      lines,
      accountId: cogs,
      ...extra,
    });
  const paid = (inv: InvoiceView, daysAgo: number, amount = inv.total) =>
    pay(b, 'outbound', inv, daysAgo, amount, amount, '网银付款');

  await paid(await bill(s.electronics, 118, [['LED 全彩模组 P2.5 320×160', '2600', '85', 'VAT13-IN']]), 88);
  await paid(
    await bill(s.electronics, 100, [
      ['PT100 铂电阻探头', '650', '118', 'VAT13-IN'],
      ['4–20mA 变送模块', '210', '168.095', 'VAT13-IN'],
    ]),
    70,
  );
  const valves = await bill(s.valves, 98, [['不锈钢球阀 DN50 PN16', '2000', '124', 'VAT13-IN']], {
    term: 'NET60',
  });
  await paid(valves, 40, '150000.00');
  await bill(s.freight, 100, [['公路运输费 上海—苏州 整车', '8', '1075', 'VAT9-IN']], {
    accountId: b.account('5601'),
  });
  await paid(await bill(s.packaging, 82, [['五层瓦楞纸箱 K=K', '65000', '1.9077', 'VAT13-IN']]), 50);
  await paid(await bill(s.electronics, 70, [['户外 LED 模组 P3.91', '1600', '147.5', 'VAT13-IN']]), 35);
  await bill(s.electronics, 55, [['温湿度传感器 SHT-30 组件', '1100', '107.27', 'VAT13-IN']]);
  await paid(await bill(s.packaging, 45, [['PE 缠绕膜 50cm', '2400', '24.5', 'VAT13-IN']]), 14);
  await bill(s.electronics, 22, [['LED 条形屏模组 P4', '40', '2240', 'VAT13-IN']]);
  await bill(s.packaging, 12, [['重型纸箱 K=A', '12800', '3.95', 'VAT13-IN']]);
  await bill(s.freight, 30, [['城配运输费（月结）', '1', '6850', 'VAT9-IN']], {
    accountId: b.account('5601'),
  });
}
