import { Alert, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useTrialBalance } from '../report-queries.ts';
import { useAccountName } from '../shared/account-select.tsx';
import { DownloadButtons } from '../shared/download-buttons.tsx';
import type { TrialBalanceAmounts, TrialBalanceRow } from '../types.ts';
import { ledgerPath, RangeControls, useReportRange } from './range.tsx';

type Key = keyof TrialBalanceAmounts;

function depthOf(row: TrialBalanceRow, byId: Map<string, TrialBalanceRow>): number {
  let depth = 0;
  let parent = row.parentId ? byId.get(row.parentId) : undefined;
  while (parent && depth < 10) {
    depth += 1;
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return depth;
}

/** 科目余额表: opening, period and closing debit/credit per account; a figure opens the account's ledger. */
export function TrialBalancePage() {
  const { t } = useTranslation();
  const { range, update } = useReportRange();
  const report = useTrialBalance(range);
  const nameOf = useAccountName();
  const rows = report.data?.rows ?? [];
  const byId = new Map(rows.map((row) => [row.accountId, row]));
  const amount = (key: Key) => ({
    title: t(`accounting.reports.${key.endsWith('Debit') ? 'debit' : 'credit'}`),
    dataIndex: key,
    align: 'right' as const,
    render: (value: string, row: TrialBalanceRow) =>
      Number(value) ? (
        <Link to={ledgerPath(row.accountId, range)} data-testid={`tb-${key}`}>
          {formatAmount(value)}
        </Link>
      ) : (
        ''
      ),
  });
  const columns: TableColumnsType<TrialBalanceRow> = [
    {
      title: t('accounting.account.code'),
      dataIndex: 'code',
      fixed: 'left',
      render: (code: string, row) => (
        <span style={{ paddingInlineStart: depthOf(row, byId) * 12, whiteSpace: 'nowrap' }}>{code}</span>
      ),
    },
    {
      title: t('accounting.account.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <span style={{ display: 'inline-block', minWidth: 100 }}>{nameOf(row.accountId, name)}</span>
      ),
    },
    {
      title: t('accounting.reports.opening'),
      children: [amount('openingDebit'), amount('openingCredit')],
    },
    { title: t('accounting.reports.movement'), children: [amount('periodDebit'), amount('periodCredit')] },
    { title: t('accounting.reports.closing'), children: [amount('closingDebit'), amount('closingCredit')] },
  ];
  const totals = report.data?.totals;
  const keys: Key[] = [
    'openingDebit',
    'openingCredit',
    'periodDebit',
    'periodCredit',
    'closingDebit',
    'closingCredit',
  ];

  return (
    <>
      <PageHeader
        title={t('accounting.reports.trialBalance')}
        subtitle={t('accounting.reports.trialBalanceHint')}
        extra={<DownloadButtons path="/reports/trial-balance" query={{ ...range }} />}
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <RangeControls range={range} onChange={(next) => update(next)} />
        </Flex>
        {report.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, report.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<TrialBalanceRow>
          rowKey="accountId"
          columns={columns}
          dataSource={rows}
          loading={report.isFetching}
          pagination={false}
          size="small"
          bordered
          scroll={{ x: 'max-content' }}
          data-testid="trial-balance"
          summary={() =>
            totals ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>{t('accounting.voucher.total')}</Typography.Text>
                </Table.Summary.Cell>
                {keys.map((key, index) => (
                  <Table.Summary.Cell key={key} index={index + 2} align="right">
                    <Typography.Text strong>{formatAmount(totals[key])}</Typography.Text>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      </ContentCard>
    </>
  );
}
