import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BillState, OrderState, RequisitionState } from '../types.ts';

const ORDER_COLORS: Record<OrderState, string> = {
  draft: 'default',
  sent: 'blue',
  awaiting_approval: 'gold',
  confirmed: 'geekblue',
  partly_received: 'cyan',
  received: 'green',
  billed: 'purple',
  closed: 'default',
  cancelled: 'red',
};

const REQUISITION_COLORS: Record<RequisitionState, string> = {
  draft: 'default',
  approved: 'blue',
  ordered: 'green',
  cancelled: 'red',
};

const BILL_COLORS: Record<BillState, string> = {
  matched: 'green',
  match_blocked: 'red',
  variance_approved: 'gold',
  posted: 'blue',
  cancelled: 'default',
};

export function PurchaseOrderStateTag({ state }: { state: OrderState }) {
  const { t } = useTranslation();
  return (
    <Tag color={ORDER_COLORS[state]} data-testid="po-state" data-state={state}>
      {t(`purchasing.orderState.${state}`, { defaultValue: state })}
    </Tag>
  );
}

export function RequisitionStateTag({ state }: { state: RequisitionState }) {
  const { t } = useTranslation();
  return (
    <Tag color={REQUISITION_COLORS[state]} data-testid="requisition-state" data-state={state}>
      {t(`purchasing.requisitionState.${state}`, { defaultValue: state })}
    </Tag>
  );
}

export function BillStateTag({ state }: { state: BillState }) {
  const { t } = useTranslation();
  return (
    <Tag color={BILL_COLORS[state]} data-testid="bill-state" data-state={state}>
      {t(`purchasing.billState.${state}`, { defaultValue: state })}
    </Tag>
  );
}
