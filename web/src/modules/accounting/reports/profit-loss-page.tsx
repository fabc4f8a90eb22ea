import { Alert, Card, Col, Flex, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useProfitAndLoss } from '../report-queries.ts';
import { DownloadButtons } from '../shared/download-buttons.tsx';
import { RangeControls, useReportRange } from './range.tsx';
import { StatementTable } from './statement-table.tsx';

/** 利润表: income and expenses over a range and the net profit; an amount opens the account's ledger. */
export function ProfitLossPage() {
  const { t } = useTranslation();
  const { range, update } = useReportRange();
  const report = useProfitAndLoss(range);
  const data = report.data;
  return (
    <>
      <PageHeader
        title={t('accounting.reports.profitAndLoss')}
        extra={<DownloadButtons path="/reports/profit-and-loss" query={{ ...range }} />}
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <RangeControls range={range} onChange={(next) => update(next)} />
      </Flex>
      {report.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, report.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small">
            <StatementTable
              title={t('accounting.reports.income')}
              rows={data?.income ?? []}
              total={data?.totalIncome ?? '0'}
              range={range}
              loading={report.isFetching}
              testId="pl-income"
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small">
            <StatementTable
              title={t('accounting.reports.expenses')}
              rows={data?.expenses ?? []}
              total={data?.totalExpenses ?? '0'}
              range={range}
              loading={report.isFetching}
              testId="pl-expenses"
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small">
            <Statistic
              title={t('accounting.reports.netProfit')}
              value={data ? formatAmount(data.netProfit) : '—'}
              data-testid="pl-net-profit"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
