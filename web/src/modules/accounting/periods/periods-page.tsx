import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCloseYear, useFiscalYears, usePeriodAction, usePeriods } from '../ledger-queries.ts';
import { periodLabel } from '../shared/period-select.tsx';
import type { FiscalYear, Period } from '../types.ts';

function PeriodStateTag({ state }: { state: Period['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={state === 'open' ? 'green' : 'default'}
      icon={state === 'open' ? <UnlockOutlined /> : <LockOutlined />}
    >
      {t(`accounting.periodState.${state}`)}
    </Tag>
  );
}

/** One fiscal year's months with close / reopen, and the year-end close (P&L into retained earnings). */
function YearCard({ year, fiscal, periods }: { year: number; fiscal?: FiscalYear; periods: Period[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canClose = useHasPermission('accounting.period.close');
  const action = usePeriodAction();
  const closeYear = useCloseYear();
  const fail = (err: unknown) => message.error(errorMessage(t, err));
  const yearClosed = fiscal?.state === 'closed';
  const columns: TableColumnsType<Period> = [
    {
      title: t('accounting.period.month'),
      key: 'month',
      render: (_, period) => (
        <Link to={`/accounting/entries?periodId=${period.id}`} data-testid="period-label">
          {periodLabel(period)}
        </Link>
      ),
    },
    {
      title: t('accounting.period.dates'),
      key: 'dates',
      responsive: ['sm'],
      render: (_, period) => `${formatDate(period.startDate)} – ${formatDate(period.endDate)}`,
    },
    {
      title: t('accounting.period.state'),
      dataIndex: 'state',
      render: (state: Period['state']) => (
        <span data-testid="period-state">
          <PeriodStateTag state={state} />
        </span>
      ),
    },
    ...(canClose
      ? [
          {
            title: '',
            key: 'action',
            align: 'right' as const,
            render: (_: unknown, period: Period) => {
              const next = period.state === 'open' ? 'close' : 'reopen';
              const pending = action.isPending && action.variables?.period.id === period.id;
              return (
                <Popconfirm
                  title={t(`accounting.period.${next}Confirm`, { period: periodLabel(period) })}
                  onConfirm={() =>
                    action.mutate(
                      { period, action: next },
                      {
                        onSuccess: () =>
                          message.success(
                            t(
                              next === 'close'
                                ? 'accounting.period.closedDone'
                                : 'accounting.period.reopened',
                            ),
                          ),
                        onError: fail,
                      },
                    )
                  }
                >
                  <Button size="small" loading={pending} data-testid={`period-${next}`}>
                    {t(`accounting.period.${next}`)}
                  </Button>
                </Popconfirm>
              );
            },
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={t('accounting.period.year', { year })}
      extra={
        canClose && fiscal && !yearClosed ? (
          <Popconfirm
            title={t('accounting.period.closeYearConfirm', { year })}
            description={t('accounting.period.closeYearHint')}
            onConfirm={() =>
              closeYear.mutate(fiscal, {
                onSuccess: () => message.success(t('accounting.period.yearClosed', { year })),
                onError: fail,
              })
            }
          >
            <Button size="small" danger loading={closeYear.isPending} data-testid="close-year">
              {t('accounting.period.closeYear')}
            </Button>
          </Popconfirm>
        ) : yearClosed ? (
          <Flex gap={8} align="center">
            <Tag>{t('accounting.period.yearIsClosed')}</Tag>
            {fiscal?.closingEntryId ? (
              <Link to={`/accounting/entries/${fiscal.closingEntryId}`}>
                {t('accounting.period.closingEntry')}
              </Link>
            ) : null}
          </Flex>
        ) : null
      }
    >
      <Table<Period>
        rowKey="id"
        columns={columns}
        dataSource={periods}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}

/** Fiscal periods by year, newest first; monthly periods are made when something is dated in them. */
export function PeriodsPage() {
  const { t } = useTranslation();
  const periods = usePeriods();
  const fiscalYears = useFiscalYears();
  const years = new Map<number, Period[]>();
  for (const period of [...(periods.data ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate)))
    years.set(period.year, [...(years.get(period.year) ?? []), period]);
  return (
    <>
      <PageHeader title={t('accounting.periods.title')} subtitle={t('accounting.periods.subtitle')} />
      {periods.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, periods.error)} style={{ marginBottom: 16 }} />
      ) : null}
      {periods.isPending ? <Skeleton active /> : null}
      {periods.data && years.size === 0 ? <Empty description={t('accounting.periods.none')} /> : null}
      <Flex vertical gap={16} data-testid="periods">
        {[...years.entries()].map(([year, list]) => (
          <YearCard
            key={year}
            year={year}
            fiscal={fiscalYears.data?.find((item) => item.year === year)}
            periods={list}
          />
        ))}
      </Flex>
    </>
  );
}
