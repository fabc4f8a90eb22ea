import { parseWithSchema, registerImporter } from '../../../platform/imports/registry.ts';
import { deleteStatementLines, insertStatementLine, StatementRow } from './statement-line.ts';

// The bank's statement export (CSV or XLSX) on the platform import engine: mapping, dry run, per-row
// errors, undo (refused once a line of the batch is matched).
registerImporter<StatementRow>({
  entity: 'accounting.bank_statement_line',
  permission: 'accounting.payment.create',
  columns: [
    { key: 'date', label: { 'zh-CN': '交易日期', en: 'Date' }, required: true, example: '2026-03-31' },
    { key: 'amount', label: { 'zh-CN': '金额', en: 'Amount' }, required: true, example: '1130.00' },
    {
      key: 'counterparty',
      label: { 'zh-CN': '对方户名', en: 'Counterparty' },
      required: false,
      example: '上海示例贸易有限公司',
    },
    {
      key: 'reference',
      label: { 'zh-CN': '摘要', en: 'Reference' },
      required: false,
      example: 'INV-2026-000001',
    },
    { key: 'account', label: { 'zh-CN': '科目代码', en: 'Account code' }, required: true, example: '1002' },
  ],
  parseRow: (raw) => parseWithSchema(StatementRow, raw),
  importRow: async (tx, actor, input, ctx) => ({
    recordId: await insertStatementLine(tx, actor, input, ctx.batchId),
  }),
  undo: deleteStatementLines,
});
