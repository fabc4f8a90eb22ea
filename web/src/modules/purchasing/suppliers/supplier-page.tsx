import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useSupplier } from '../queries.ts';
import { PricesTable } from './prices-table.tsx';
import { SupplierDrawer } from './supplier-drawer.tsx';

/** A supplier: its party, purchasing terms and its prices per product. */
export function SupplierPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { id = '' } = useParams();
  const supplier = useSupplier(id);
  const canManage = useHasPermission('purchasing.supplier.manage');
  const canSeeCustomer = useHasPermission('crm.customer.read');
  const [editing, setEditing] = useState(false);
  if (supplier.isPending) return <Skeleton active />;
  if (supplier.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, supplier.error)}
        extra={
          <Button onClick={() => navigate('/purchasing/suppliers')}>
            {t('purchasing.suppliers.backToList')}
          </Button>
        }
      />
    );
  const s = supplier.data;
  return (
    <>
      <Link to="/purchasing/suppliers" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('purchasing.suppliers.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex vertical gap={6} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="supplier-title">
              {s.name}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <Tag>{s.code}</Tag>
              {s.active ? (
                <Tag color="green">{t('purchasing.supplier.activeTag')}</Tag>
              ) : (
                <Tag>{t('purchasing.supplier.inactiveTag')}</Tag>
              )}
              {canSeeCustomer ? (
                <Link to={`/crm/customers/${s.partyId}`}>
                  {t('purchasing.supplier.partyLink', { code: s.partyCode })}
                </Link>
              ) : null}
            </Flex>
          </Flex>
          <Flex gap={8} wrap>
            <Button onClick={() => navigate(`/purchasing/orders?q=${encodeURIComponent(s.code)}`)}>
              {t('purchasing.supplier.orders')}
            </Button>
            {canManage ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="supplier-edit">
                {t('purchasing.common.edit')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('purchasing.supplier.currency')}>{s.currency}</Descriptions.Item>
          <Descriptions.Item label={t('purchasing.supplier.leadTime')}>
            {t('purchasing.price.days', { count: s.leadTimeDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.supplier.paymentTerm')}>
            {s.paymentTermCode ?? t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.supplier.taxId')}>
            {s.taxId ?? t('common.none')}
          </Descriptions.Item>
          {s.notes ? (
            <Descriptions.Item label={t('purchasing.common.notes')}>{s.notes}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('purchasing.price.title')}>
        <PricesTable supplierId={s.id} />
      </Card>
      {editing ? <SupplierDrawer supplier={s} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
