import { Select, type SelectProps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePeriods } from '../ledger-queries.ts';
import type { Period } from '../types.ts';

export function periodLabel(period: Pick<Period, 'year' | 'month'>): string {
  return `${period.year}-${String(period.month).padStart(2, '0')}`;
}

/** Pick a monthly period (newest first); closed ones are marked. */
export function PeriodSelect(
  props: Omit<SelectProps<string>, 'options' | 'loading'> & { onPicked?: (period: Period) => void },
) {
  const { t } = useTranslation();
  const periods = usePeriods();
  const list = [...(periods.data ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));
  const { onPicked, ...rest } = props;
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'title' }}
      loading={periods.isPending}
      placeholder={t('accounting.period.pick')}
      options={list.map((period) => ({
        value: period.id,
        title: periodLabel(period),
        label: (
          <span>
            {periodLabel(period)}{' '}
            {period.state === 'closed' ? (
              <Tag style={{ marginInlineStart: 4 }}>{t('accounting.periodState.closed')}</Tag>
            ) : null}
          </span>
        ),
      }))}
      {...rest}
      onChange={(value, option) => {
        rest.onChange?.(value, option);
        const period = list.find((item) => item.id === value);
        if (period) onPicked?.(period);
      }}
    />
  );
}
