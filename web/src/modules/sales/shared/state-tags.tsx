import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderState, QuoteState } from '../types.ts';

const QUOTE_COLORS: Record<QuoteState, string> = {
  draft: 'default',
  sent: 'blue',
  accepted: 'green',
  rejected: 'red',
  expired: 'orange',
  superseded: 'default',
  cancelled: 'default',
};

const ORDER_COLORS: Record<OrderState, string> = {
  draft: 'default',
  awaiting_approval: 'gold',
  confirmed: 'blue',
  partly_delivered: 'cyan',
  delivered: 'green',
  closed: 'default',
  cancelled: 'red',
};

export function QuoteStateTag({ state }: { state: QuoteState }) {
  const { t } = useTranslation();
  return (
    <Tag color={QUOTE_COLORS[state]} data-testid="quote-state">
      {t(`sales.quoteState.${state}`, { defaultValue: state })}
    </Tag>
  );
}

export function OrderStateTag({ state }: { state: OrderState }) {
  const { t } = useTranslation();
  return (
    <Tag color={ORDER_COLORS[state]} data-testid="order-state">
      {t(`sales.orderState.${state}`, { defaultValue: state })}
    </Tag>
  );
}
