import { Alert, Card, Col, DatePicker, Flex, Row, Statistic, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useBalanceSheet } from '../report-queries.ts';
import { DownloadButtons } from '../shared/download-buttons.tsx';
import { sum } from '../shared/money.ts';
import { useReportRange } from './range.tsx';
import { StatementTable } from './statement-table.tsx';

/** 资产负债表 at a date: assets against liabilities and equity (with the profit not closed yet). */
export function BalanceSheetPage() {
  const { t } = useTranslation();
  const { date, update } = useReportRange();
  const report = useBalanceSheet(date);
  const data = report.data;
  // The ledger behind a balance: everything up to the date.
  const range = { from: '1970-01-01', to: date };
  return (
    <>
      <PageHeader
        title={t('accounting.reports.balanceSheet')}
        extra={<DownloadButtons path="/reports/balance-sheet" query={{ date }} />}
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <DatePicker
          allowClear={false}
          value={dayjs(date)}
          onChange={(value) => value && update({ date: value.format('YYYY-MM-DD') })}
          data-testid="report-date"
        />
        {data ? (
          <Tag color={data.balanced ? 'green' : 'red'} data-testid="bs-balanced">
            {data.balanced ? t('accounting.reports.balanced') : t('accounting.reports.notBalanced')}
          </Tag>
        ) : null}
      </Flex>
      {report.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, report.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small">
            <StatementTable
              title={t('accounting.reports.assets')}
              rows={data?.assets ?? []}
              total={data?.totalAssets ?? '0'}
              range={range}
              loading={report.isFetching}
              testId="bs-assets"
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16}>
            <Card size="small">
              <StatementTable
                title={t('accounting.reports.liabilities')}
                rows={data?.liabilities ?? []}
                total={data?.totalLiabilities ?? '0'}
                range={range}
                loading={report.isFetching}
                testId="bs-liabilities"
              />
            </Card>
            <Card size="small">
              <StatementTable
                title={t('accounting.reports.equity')}
                rows={data?.equity ?? []}
                total={data?.totalEquity ?? '0'}
                range={range}
                loading={report.isFetching}
                testId="bs-equity"
              />
              <Flex gap={32} wrap style={{ marginTop: 12 }}>
                <Statistic
                  title={t('accounting.reports.unclosedProfit')}
                  value={data ? formatAmount(data.unclosedProfit) : '—'}
                />
                <Statistic
                  title={t('accounting.reports.liabilitiesAndEquity')}
                  value={
                    data
                      ? formatAmount(
                          sum([data.totalLiabilities, data.totalEquity, data.unclosedProfit]).toFixed(2),
                        )
                      : '—'
                  }
                  data-testid="bs-liabilities-equity"
                />
              </Flex>
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}
