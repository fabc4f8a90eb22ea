import { CheckOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { useRequisitionAction } from '../queries.ts';
import type { Requisition } from '../types.ts';

/** Where a requisition comes from: the sales order number (linked), MRP, a reorder rule or by hand. */
export function RequisitionOrigin({ requisition }: { requisition: Requisition }) {
  const { t } = useTranslation();
  const canSeeSales = useHasPermission('sales.order.read');
  const kind = t(`purchasing.origin.${requisition.originType}`, { defaultValue: requisition.originType });
  const number = requisition.originNumber;
  const link =
    requisition.originType === 'sales_order' && requisition.originId && canSeeSales
      ? `/sales/orders/${requisition.originId}`
      : null;
  return (
    <Flex vertical style={{ minWidth: 100 }} data-testid="requisition-origin">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {kind}
      </Typography.Text>
      {number ? link ? <Link to={link}>{number}</Link> : <span>{number}</span> : null}
    </Flex>
  );
}

/** approve (draft) and cancel (draft or approved), for people who may create requisitions. */
export function RequisitionButtons({ requisition, size }: { requisition: Requisition; size?: 'small' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useRequisitionAction();
  const canChange = useHasPermission('purchasing.requisition.create');
  if (!canChange || !['draft', 'approved'].includes(requisition.state)) return null;
  const busy = (name: string) =>
    action.isPending &&
    action.variables?.requisition.id === requisition.id &&
    action.variables?.action === name;
  const run = (name: 'approve' | 'cancel') =>
    action.mutate(
      { requisition, action: name },
      {
        onSuccess: () =>
          message.success(
            name === 'approve' ? t('purchasing.requisition.approved') : t('purchasing.requisition.cancelled'),
          ),
        onError: (err) => message.error(errorMessage(t, err)),
      },
    );
  return (
    <Flex gap={4} wrap>
      {requisition.state === 'draft' ? (
        <Button
          size={size}
          icon={<CheckOutlined />}
          loading={busy('approve')}
          onClick={() => run('approve')}
          data-testid="requisition-approve"
        >
          {t('purchasing.requisition.approve')}
        </Button>
      ) : null}
      <Popconfirm title={t('purchasing.requisition.cancelConfirm')} onConfirm={() => run('cancel')}>
        <Button
          size={size}
          danger
          icon={<CloseCircleOutlined />}
          loading={busy('cancel')}
          data-testid="requisition-cancel"
        >
          {t('purchasing.requisition.cancel')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
