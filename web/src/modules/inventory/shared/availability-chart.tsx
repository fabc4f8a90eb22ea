import { Alert, Empty, Flex, Skeleton, Statistic, Typography } from 'antd';
import type { Decimal } from 'decimal.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { EChart } from '../../../components/echart.tsx';
import { formatQty, sign, toDecimal } from '../../catalog/shared/numbers.ts';
import { useAvailability } from '../queries.ts';
import type { Availability } from '../types.ts';

// ECharts draws numbers: the decimal strings become numbers here only to place bars and points.
// Every figure a person reads (the statistics, the tooltip) is formatted from the strings.
function chartOption(data: Availability, labels: Record<'incoming' | 'outgoing' | 'projected', string>) {
  const dates = data.days.map((day) => day.date.slice(5));
  const tooltipRows = (index: number) => {
    const day = data.days[index];
    return [
      `<b>${day.date}</b>`,
      `${labels.incoming}: ${formatQty(day.incoming)}`,
      `${labels.outgoing}: ${formatQty(day.outgoing)}`,
      `${labels.projected}: ${formatQty(day.projected)}`,
    ].join('<br/>');
  };
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, data: [labels.incoming, labels.outgoing, labels.projected] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => tooltipRows(params[0]?.dataIndex ?? 0),
    },
    xAxis: { type: 'category', data: dates },
    yAxis: { type: 'value' },
    series: [
      {
        name: labels.incoming,
        type: 'bar',
        stack: 'flow',
        color: '#52c41a',
        data: data.days.map((d) => Number(d.incoming)),
      },
      {
        name: labels.outgoing,
        type: 'bar',
        stack: 'flow',
        color: '#faad14',
        data: data.days.map((d) => -Number(d.outgoing)),
      },
      {
        name: labels.projected,
        type: 'line',
        step: 'end',
        color: '#1677ff',
        data: data.days.map((d) => Number(d.projected)),
        markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#ff4d4f' } },
      },
    ],
  };
}

/** On hand, reserved and available now, and the projected available per day (GET /stock/availability). */
export function AvailabilityChart({
  productId,
  warehouseId,
  days = 30,
  uomCode,
  height = 260,
}: {
  productId: string | null;
  warehouseId: string | null;
  days?: number;
  uomCode?: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const availability = useAvailability(productId, warehouseId, days);
  const data = availability.data;
  const option = useMemo(
    () =>
      data
        ? chartOption(data, {
            incoming: t('inventory.availability.incoming'),
            outgoing: t('inventory.availability.outgoing'),
            projected: t('inventory.availability.projected'),
          })
        : null,
    [data, t],
  );
  if (!productId || !warehouseId) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  if (availability.isPending) return <Skeleton active />;
  if (availability.isError)
    return <Alert type="error" showIcon title={errorMessage(t, availability.error)} />;
  const unit = uomCode ? ` ${uomCode}` : '';
  const lowest = (data?.days ?? []).reduce<Decimal | null>((low, day) => {
    const projected = toDecimal(day.projected);
    return projected && (!low || projected.lt(low)) ? projected : low;
  }, null);
  return (
    <Flex vertical gap={12} data-testid="availability">
      <Flex gap={24} wrap>
        <Statistic title={t('inventory.stock.onHand')} value={`${formatQty(data?.onHand)}${unit}`} />
        <Statistic title={t('inventory.stock.reserved')} value={`${formatQty(data?.reserved)}${unit}`} />
        <Statistic
          title={t('inventory.stock.available')}
          value={`${formatQty(data?.available)}${unit}`}
          styles={{ content: { color: sign(data?.available) > 0 ? '#389e0d' : '#cf1322' } }}
        />
      </Flex>
      {lowest?.isNegative() ? (
        <Alert
          type="warning"
          showIcon
          title={t('inventory.availability.goesShort', { qty: formatQty(lowest.toFixed()) })}
        />
      ) : null}
      {option ? <EChart option={option} height={height} testId="availability-chart" /> : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('inventory.availability.horizon', { days: data?.horizonDays ?? days })}
      </Typography.Text>
    </Flex>
  );
}
