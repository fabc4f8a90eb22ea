import { z } from 'zod';

const Money = z.string();
const TaxRow = z.object({ rate: z.string(), base: Money, tax: Money });

export const TaxReportOut = z
  .object({
    from: z.string(),
    to: z.string(),
    output: z.array(TaxRow),
    input: z.array(TaxRow),
    outputBase: Money,
    outputTax: Money,
    inputBase: Money,
    inputTax: Money,
    payable: Money,
  })
  .meta({ id: 'TaxReport' });

export const CashFlowOut = z
  .object({
    from: z.string(),
    to: z.string(),
    openingCash: Money,
    rows: z.array(
      z.object({
        item: z.string(),
        activity: z.enum(['operating', 'investing', 'financing']),
        inflow: Money,
        outflow: Money,
        net: Money,
      }),
    ),
    netOperating: Money,
    netInvesting: Money,
    netFinancing: Money,
    netChange: Money,
    closingCash: Money,
  })
  .meta({ id: 'CashFlowStatement' });
