import { Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../components/format.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useAccountMap } from '../shared/account-select.tsx';
import { usePersonNames } from '../shared/people.ts';
import type { Entry, EntryLine } from '../types.ts';

// Only the voucher is printed: the app's menu, header and buttons are hidden on paper.
const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .voucher-sheet, .voucher-sheet * { visibility: visible !important; }
  .voucher-sheet { position: fixed; left: 0; top: 0; width: 100%; padding: 0 !important; }
  .voucher-sheet .ant-table { font-size: 12px; }
  .voucher-sheet .ant-table-cell { border-color: #000 !important; }
}`;

/**
 * A journal entry laid out as a Chinese accounting voucher (记账凭证): voucher word and number, date,
 * attachments, 摘要 / 会计科目 / 借方 / 贷方 lines with totals, and 制单 / 审核 / 记账 at the foot.
 */
export function Voucher({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const accounts = useAccountMap();
  const nameOf = usePersonNames();
  const none = t('common.none');

  const columns: TableColumnsType<EntryLine> = [
    {
      title: t('accounting.voucher.summary'),
      key: 'summary',
      render: (_, line) => (
        <span style={{ display: 'inline-block', minWidth: 90 }}>{line.description || entry.memo}</span>
      ),
    },
    {
      title: t('accounting.voucher.account'),
      key: 'account',
      render: (_, line) => {
        const name = line.accountName ?? accounts.get(line.accountId)?.name;
        return (
          <Flex vertical style={{ minWidth: 120 }}>
            <span>
              <Typography.Text strong>{line.accountCode}</Typography.Text> {name ? pick(name) : ''}
            </span>
            {line.partnerName ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {line.partnerName}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      },
    },
    {
      title: t('accounting.voucher.debit'),
      dataIndex: 'debit',
      align: 'right',
      render: (value: string) => (Number(value) ? formatAmount(value) : ''),
    },
    {
      title: t('accounting.voucher.credit'),
      dataIndex: 'credit',
      align: 'right',
      render: (value: string) => (Number(value) ? formatAmount(value) : ''),
    },
  ];

  return (
    <div className="voucher-sheet" data-testid="voucher">
      <style>{PRINT_CSS}</style>
      <Typography.Title level={4} style={{ textAlign: 'center', letterSpacing: 4, marginTop: 0 }}>
        {t('accounting.voucher.title')}
      </Typography.Title>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text>
          {t('accounting.voucher.date')}: {formatDate(entry.date)}
        </Typography.Text>
        <Typography.Text strong data-testid="voucher-number">
          {entry.voucher ?? t('accounting.entry.draftVoucher')}
        </Typography.Text>
        <Typography.Text>
          {t('accounting.voucher.attachments', { count: entry.attachmentsCount })}
        </Typography.Text>
      </Flex>
      <Table<EntryLine>
        rowKey="lineNo"
        columns={columns}
        dataSource={entry.lines}
        pagination={false}
        size="small"
        bordered
        scroll={{ x: 'max-content' }}
        data-testid="voucher-lines"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>{t('accounting.voucher.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong data-testid="voucher-total-debit">
                {formatAmount(entry.totalDebit)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong data-testid="voucher-total-credit">
                {formatAmount(entry.totalCredit)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Flex justify="space-between" wrap gap={12} style={{ marginTop: 12 }} data-testid="voucher-signatures">
        <span>
          {t('accounting.voucher.poster')}: {nameOf(entry.posterId, entry.posterName) ?? none}
        </span>
        <span>
          {t('accounting.voucher.reviewer')}: {nameOf(entry.reviewerId, entry.reviewerName) ?? none}
        </span>
        <span>
          {t('accounting.voucher.preparer')}: {nameOf(entry.preparerId, entry.preparerName) ?? none}
        </span>
      </Flex>
    </div>
  );
}
