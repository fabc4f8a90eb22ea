import { Alert, Segmented, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { formatMoney } from '../shared/format.ts';
import type { ForecastRow } from '../types.ts';
import { useForecast } from './queries.ts';

/** Weighted forecast (amount × probability) of open opportunities, by month of expected close or by owner. */
export function ForecastView() {
  const { t, i18n } = useTranslation();
  const [groupBy, setGroupBy] = useState<'month' | 'owner'>('month');
  const forecast = useForecast(groupBy);
  const columns: TableColumnsType<ForecastRow> = [
    {
      title: t(groupBy === 'month' ? 'crm.forecast.month' : 'crm.forecast.owner'),
      dataIndex: 'label',
      render: (label: string | null, row) =>
        label ?? row.key ?? t(groupBy === 'month' ? 'crm.forecast.noDate' : 'crm.forecast.noOwner'),
    },
    { title: t('crm.forecast.count'), dataIndex: 'count', align: 'right' },
    {
      title: t('crm.forecast.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (amount: string, row) => formatMoney(amount, row.currency, i18n.language),
    },
    {
      title: t('crm.forecast.weighted'),
      dataIndex: 'weightedAmount',
      align: 'right',
      render: (amount: string, row) => <strong>{formatMoney(amount, row.currency, i18n.language)}</strong>,
    },
  ];
  return (
    <>
      <Segmented
        value={groupBy}
        onChange={(value) => setGroupBy(value as 'month' | 'owner')}
        options={[
          { value: 'month', label: t('crm.forecast.byMonth') },
          { value: 'owner', label: t('crm.forecast.byOwner') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {forecast.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, forecast.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<ForecastRow>
        rowKey={(row) => `${row.key ?? 'none'}-${row.currency}`}
        columns={columns}
        dataSource={forecast.data?.items ?? []}
        loading={forecast.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="small"
        data-testid="forecast-table"
      />
    </>
  );
}
