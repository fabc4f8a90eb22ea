import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { Decimal } from 'decimal.js';
import { useTranslation } from 'react-i18next';
import { AMOUNT } from '../shared/money.ts';

export interface DraftLine {
  key: number;
  dueDate: string;
  amount: string;
  note: string;
}

let nextKey = 1;
export const draftLine = (dueDate = dayjs().add(30, 'day').format('YYYY-MM-DD'), amount = ''): DraftLine => ({
  key: nextKey++,
  dueDate,
  amount,
  note: '',
});

/** A line is ready when it has a date and a positive amount with at most two decimals. */
export const lineReady = (l: DraftLine) =>
  Boolean(l.dueDate) && AMOUNT.test(l.amount.trim()) && Number(l.amount) > 0;

export function linesTotal(lines: DraftLine[]): string {
  return lines
    .filter(lineReady)
    .reduce((s, l) => s.plus(l.amount.trim()), new Decimal(0))
    .toFixed(2);
}

/** The instalments of a plan: date, amount and a note each; wraps on a phone. */
export function PlanLinesEditor({
  lines,
  onChange,
}: {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
}) {
  const { t } = useTranslation();
  const set = (key: number, patch: Partial<DraftLine>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  return (
    <Flex vertical gap={8} data-testid="plan-lines">
      {lines.map((line, i) => (
        <Flex key={line.key} gap={8} wrap align="center">
          <Typography.Text type="secondary" style={{ width: 24 }}>
            {i + 1}
          </Typography.Text>
          <DatePicker
            value={line.dueDate ? dayjs(line.dueDate) : null}
            onChange={(d) => set(line.key, { dueDate: d ? d.format('YYYY-MM-DD') : '' })}
            allowClear={false}
            data-testid={`plan-line-date-${i}`}
          />
          <Input
            value={line.amount}
            onChange={(e) => set(line.key, { amount: e.target.value })}
            placeholder={t('accounting.collections.amount')}
            status={line.amount && !lineReady(line) ? 'error' : undefined}
            inputMode="decimal"
            style={{ width: 140 }}
            data-testid={`plan-line-amount-${i}`}
          />
          <Input
            value={line.note}
            onChange={(e) => set(line.key, { note: e.target.value })}
            placeholder={t('accounting.collections.note')}
            maxLength={200}
            style={{ flex: '1 1 160px', minWidth: 120 }}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('accounting.collections.removeLine')}
            disabled={lines.length <= 1}
            onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
          />
        </Flex>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => onChange([...lines, draftLine()])}
        style={{ alignSelf: 'flex-start' }}
        data-testid="plan-add-line"
      >
        {t('accounting.collections.addLine')}
      </Button>
    </Flex>
  );
}
