import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import type { Range } from '../report-queries.ts';
import { useAccountName } from '../shared/account-select.tsx';
import type { StatementRow } from '../types.ts';
import { ledgerPath } from './range.tsx';

/** One section of a financial statement (income, assets…): account, amount, and the section total. */
export function StatementTable({
  title,
  rows,
  total,
  range,
  loading,
  testId,
}: {
  title: string;
  rows: StatementRow[];
  total: string;
  range: Range;
  loading: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const nameOf = useAccountName();
  const columns: TableColumnsType<StatementRow> = [
    {
      title,
      key: 'account',
      render: (_, row) => (
        <span>
          <Typography.Text type="secondary">{row.code}</Typography.Text> {nameOf(row.accountId, row.name)}
        </span>
      ),
    },
    {
      title: t('accounting.reports.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (amount: string, row) => (
        <Link to={ledgerPath(row.accountId, range)}>{formatAmount(amount)}</Link>
      ),
    },
  ];
  return (
    <Table<StatementRow>
      rowKey="accountId"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      size="small"
      data-testid={testId}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>
              {t('accounting.reports.sectionTotal', { section: title })}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Typography.Text strong>{formatAmount(total)}</Typography.Text>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
