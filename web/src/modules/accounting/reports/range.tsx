import { DatePicker, Flex } from 'antd';
import dayjs from 'dayjs';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import type { Range } from '../report-queries.ts';
import { PeriodSelect } from '../shared/period-select.tsx';

const KEYS = ['from', 'to', 'accountId', 'date'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The report's range from the URL (so a drill-down link is bookmarkable); this month by default. */
export function useReportRange(): {
  range: Range;
  accountId?: string;
  date: string;
  update: (patch: Partial<Record<(typeof KEYS)[number], string | undefined>>) => void;
} {
  const [values, update] = useUrlFilters(KEYS);
  const from =
    values.from && DATE.test(values.from) ? values.from : dayjs().startOf('month').format('YYYY-MM-DD');
  const to = values.to && DATE.test(values.to) ? values.to : dayjs().endOf('month').format('YYYY-MM-DD');
  const date = values.date && DATE.test(values.date) ? values.date : dayjs().format('YYYY-MM-DD');
  return { range: { from, to }, accountId: values.accountId, date, update };
}

/** A period picker (fills the month) and a from–to range for any span. */
export function RangeControls({ range, onChange }: { range: Range; onChange: (range: Range) => void }) {
  return (
    <Flex gap={8} wrap>
      <PeriodSelect
        allowClear
        value={undefined}
        onPicked={(period) => onChange({ from: period.startDate, to: period.endDate })}
        style={{ minWidth: 120, flex: '0 1 150px' }}
        data-testid="report-period"
      />
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(range.from), dayjs(range.to)]}
        onChange={(values) => {
          const [start, end] = values ?? [];
          if (start && end) onChange({ from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') });
        }}
        style={{ flex: '1 1 240px', maxWidth: 300 }}
        data-testid="report-range"
      />
    </Flex>
  );
}

/** The link from a report figure to the account's ledger over the same range. */
export function ledgerPath(accountId: string, range: Range): string {
  return `/accounting/reports/general-ledger?accountId=${accountId}&from=${range.from}&to=${range.to}`;
}
