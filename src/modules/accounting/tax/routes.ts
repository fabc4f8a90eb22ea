import type { FastifyInstance } from 'fastify';
import { route } from '../../../platform/http/route.ts';
import { cashFlowStatement } from '../cash-flow/cash-flow.ts';
import { answer, numberColumn as num, textColumn as text } from '../report/answer.ts';
import { RangeQuery } from '../report/contract.ts';
import { CashFlowOut, TaxReportOut } from './contract.ts';
import { taxReport } from './tax-report.ts';

const tags = ['accounting'];

/** The VAT report and the cash-flow statement (?format=csv|xlsx like the other reports). */
export function taxRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/reports/tax',
    summary: 'VAT by rate for a period: output and input base and tax, VAT payable (?format=csv|xlsx)',
    tags,
    access: 'accounting.report.read',
    query: RangeQuery,
    response: TaxReportOut,
    handler: async ({ db, query, reply }, actor) =>
      answer(reply, query.format, await taxReport(db.orm, actor, query.from, query.to), {
        name: 'tax',
        columns: [
          text('side', 'Side'),
          text('rate', 'Rate %'),
          num('base', 'Taxable base'),
          num('tax', 'Tax'),
        ],
        rows: (r) => [
          ...r.output.map((x) => ({ side: 'Output', ...x })),
          { side: 'Output', rate: 'Total', base: r.outputBase, tax: r.outputTax },
          ...r.input.map((x) => ({ side: 'Input', ...x })),
          { side: 'Input', rate: 'Total', base: r.inputBase, tax: r.inputTax },
          { side: 'VAT payable', tax: r.payable },
        ],
      }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/reports/cash-flow',
    summary: 'Cash-flow statement (现金流量表, direct method) for a period (?format=csv|xlsx)',
    tags,
    access: 'accounting.report.read',
    query: RangeQuery,
    response: CashFlowOut,
    handler: async ({ db, query, reply }, actor) =>
      answer(reply, query.format, await cashFlowStatement(db.orm, actor, query.from, query.to), {
        name: 'cash-flow',
        columns: [
          text('activity', 'Activity'),
          text('item', 'Item'),
          num('inflow', 'Inflow'),
          num('outflow', 'Outflow'),
          num('net', 'Net'),
        ],
        rows: (r) => [
          { item: 'Opening cash', net: r.openingCash },
          ...r.rows,
          { activity: 'operating', item: 'Net operating', net: r.netOperating },
          { activity: 'investing', item: 'Net investing', net: r.netInvesting },
          { activity: 'financing', item: 'Net financing', net: r.netFinancing },
          { item: 'Net change', net: r.netChange },
          { item: 'Closing cash', net: r.closingCash },
        ],
      }),
  });
}
