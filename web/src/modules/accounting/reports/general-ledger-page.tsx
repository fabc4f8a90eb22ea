import { Alert, Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useGeneralLedger } from '../report-queries.ts';
import { AccountSelect, useAccountName } from '../shared/account-select.tsx';
import { DownloadButtons } from '../shared/download-buttons.tsx';
import type { LedgerLine } from '../types.ts';
import { RangeControls, useReportRange } from './range.tsx';

/** 明细账: an account's posted lines over a range with the running balance; a voucher opens its entry. */
export function GeneralLedgerPage() {
  const { t } = useTranslation();
  const { range, accountId, update } = useReportRange();
  const ledger = useGeneralLedger(accountId ? { ...range, accountId } : null);
  const data = ledger.data;
  const nameOf = useAccountName();
  const money = (value: string) => (Number(value) ? formatAmount(value) : '');

  const columns: TableColumnsType<LedgerLine> = [
    { title: t('accounting.voucher.date'), dataIndex: 'date', render: (d: string) => formatDate(d) },
    {
      title: t('accounting.entry.voucher'),
      dataIndex: 'voucher',
      render: (voucher: string, line) => (
        <Link to={`/accounting/entries/${line.entryId}`} data-testid="gl-voucher">
          {voucher}
        </Link>
      ),
    },
    {
      title: t('accounting.voucher.summary'),
      key: 'summary',
      render: (_, line) => (
        <span style={{ display: 'inline-block', minWidth: 120 }}>{line.description || line.memo}</span>
      ),
    },
    { title: t('accounting.voucher.debit'), dataIndex: 'debit', align: 'right', render: money },
    { title: t('accounting.voucher.credit'), dataIndex: 'credit', align: 'right', render: money },
    {
      title: t('accounting.reports.balance'),
      dataIndex: 'balance',
      align: 'right',
      render: (value: string) => formatAmount(value),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounting.reports.generalLedger')}
        subtitle={
          data
            ? `${data.code} ${nameOf(data.accountId, data.name)}`
            : t('accounting.reports.generalLedgerHint')
        }
        extra={
          <DownloadButtons
            path="/reports/general-ledger"
            query={{ ...range, accountId }}
            disabled={!accountId}
          />
        }
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <AccountSelect
            anyAccount
            value={accountId}
            onChange={(value) => update({ accountId: value })}
            style={{ minWidth: 220, flex: '1 1 240px', maxWidth: 360 }}
            data-testid="gl-account"
          />
          <RangeControls range={range} onChange={(next) => update(next)} />
        </Flex>
        {ledger.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, ledger.error)} style={{ marginBottom: 16 }} />
        ) : null}
        {data?.truncated ? (
          <Alert
            type="info"
            showIcon
            title={t('accounting.reports.truncated')}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {!accountId ? (
          <Empty description={t('accounting.reports.pickAccount')} />
        ) : (
          <Table<LedgerLine>
            rowKey={(line) => `${line.entryId}-${line.date}-${line.debit}-${line.credit}-${line.balance}`}
            columns={columns}
            dataSource={data?.lines ?? []}
            loading={ledger.isFetching}
            pagination={false}
            size="small"
            scroll={{ x: 'max-content' }}
            data-testid="general-ledger"
            summary={() =>
              data ? (
                <>
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={3}>
                      <Typography.Text strong>{t('accounting.reports.openingBalance')}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} colSpan={2} />
                    <Table.Summary.Cell index={5} align="right">
                      {formatAmount(data.opening)}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={3}>
                      <Typography.Text strong>{t('accounting.reports.closingBalance')}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      <Typography.Text strong>{formatAmount(data.totalDebit)}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      <Typography.Text strong>{formatAmount(data.totalCredit)}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">
                      <Typography.Text strong data-testid="gl-closing">
                        {formatAmount(data.closing)}
                      </Typography.Text>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                </>
              ) : null
            }
          />
        )}
      </ContentCard>
    </>
  );
}
