import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { formatQty } from '../../catalog/shared/numbers.ts';
import { useWarehouseName } from '../../inventory/shared/warehouse-select.tsx';
import { useRequisition } from '../queries.ts';
import { RequisitionStateTag } from '../shared/state-tags.tsx';
import { RequisitionButtons, RequisitionOrigin } from './requisition-bits.tsx';

/** One requisition (MRP's proposals link here): what, how many, by when, from where, which PO took it. */
export function RequisitionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const warehouseName = useWarehouseName();
  const { id = '' } = useParams();
  const requisition = useRequisition(id);
  if (requisition.isPending) return <Skeleton active />;
  if (requisition.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, requisition.error)}
        extra={
          <Button onClick={() => navigate('/purchasing/requisitions')}>
            {t('purchasing.requisitions.backToList')}
          </Button>
        }
      />
    );
  const r = requisition.data;
  return (
    <>
      <Link to="/purchasing/requisitions" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('purchasing.requisitions.backToList')}
      </Link>
      <Card>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="requisition-number">
              {r.number}
            </Typography.Title>
            <RequisitionStateTag state={r.state} />
          </Flex>
          <RequisitionButtons requisition={r} />
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('purchasing.lines.product')}>
            {r.sku} · {r.productName}
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.lines.qty')}>{formatQty(r.qty)}</Descriptions.Item>
          <Descriptions.Item label={t('purchasing.order.warehouse')}>
            {warehouseName(r.warehouseId)}
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.requisition.neededBy')}>
            {formatDate(r.neededBy) || t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.requisition.origin')}>
            <RequisitionOrigin requisition={r} />
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.requisition.order')}>
            {r.orderId ? (
              <Link to={`/purchasing/orders/${r.orderId}`}>{t('purchasing.requisition.openOrder')}</Link>
            ) : (
              t('common.none')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.requisition.createdAt')}>
            {formatDateTime(r.createdAt)}
          </Descriptions.Item>
          {r.notes ? (
            <Descriptions.Item label={t('purchasing.common.notes')}>{r.notes}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
    </>
  );
}
