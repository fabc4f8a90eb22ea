import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Row,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Decimal } from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatQty, QTY } from '../../catalog/shared/numbers.ts';
import { ProductSelect } from '../../catalog/shared/pickers.tsx';
import { useProcurementNeeds, useSafetyLevels, useSaveSafetyLevel } from '../queries.ts';
import { ProductCell } from '../shared/stock-tables.tsx';
import { useDefaultWarehouse, useWarehouseName, WarehouseSelect } from '../shared/warehouse-select.tsx';
import type { ProcurementNeed, SafetyLevel } from '../types.ts';

function SetLevelForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ productId: string; warehouseId: string; safetyQty: string }>();
  const save = useSaveSafetyLevel();
  const warehouse = useDefaultWarehouse();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ warehouseId: warehouse?.id }}
      onFinish={(values) =>
        save.mutate(
          { ...values, safetyQty: values.safetyQty.trim() },
          { onSuccess: () => form.resetFields(['productId', 'safetyQty']) },
        )
      }
    >
      {save.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, save.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Row gutter={8} align="bottom">
        <Col xs={24} md={9}>
          <Form.Item
            name="productId"
            label={t('inventory.stock.product')}
            rules={[{ required: true, message: t('catalog.common.required') }]}
          >
            <ProductSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item
            name="warehouseId"
            label={t('inventory.stock.warehouse')}
            rules={[{ required: true, message: t('catalog.common.required') }]}
          >
            <WarehouseSelect />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name="safetyQty"
            label={t('inventory.safety.qty')}
            rules={[
              { required: true, message: t('catalog.common.required') },
              { pattern: QTY, message: t('catalog.common.decimalInvalid') },
            ]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item>
            <Button type="primary" htmlType="submit" block loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

function Needs() {
  const { t } = useTranslation();
  const needs = useProcurementNeeds('open');
  const warehouseName = useWarehouseName();
  const columns: TableColumnsType<ProcurementNeed> = [
    {
      title: t('inventory.stock.product'),
      key: 'product',
      render: (_, need) => <ProductCell id={need.productId} sku={need.sku} name={need.productName} />,
    },
    {
      title: t('inventory.stock.warehouse'),
      dataIndex: 'warehouseId',
      responsive: ['md'],
      render: (id: string) => warehouseName(id),
    },
    {
      title: t('inventory.moves.qty'),
      dataIndex: 'qty',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('inventory.needs.method'),
      dataIndex: 'method',
      render: (m: string) => <Tag>{t(`catalog.procure.${m}`, { defaultValue: m })}</Tag>,
    },
    {
      title: t('inventory.needs.neededBy'),
      dataIndex: 'neededBy',
      render: (d: string | null) => formatDate(d) || t('common.none'),
    },
    {
      title: t('inventory.picking.origin'),
      dataIndex: 'originNumber',
      responsive: ['sm'],
      render: (v: string | null) => v ?? t('common.none'),
    },
  ];
  if (needs.isError) return <Alert type="warning" showIcon title={errorMessage(t, needs.error)} />;
  return (
    <Table<ProcurementNeed>
      rowKey="id"
      columns={columns}
      dataSource={flattenPages(needs.data)}
      loading={needs.isFetching}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
    />
  );
}

/** Safety stock per product and warehouse (below it, the warehouse is alerted) and the open shortages. */
export function SafetyLevelsPage() {
  const { t } = useTranslation();
  const [warehouseId, setWarehouseId] = useState<string | undefined>();
  const levels = useSafetyLevels({ warehouseId });
  const warehouseName = useWarehouseName();
  const canManage = useHasPermission('inventory.safety.manage');
  const canSeeNeeds = useHasPermission('inventory.need.read');
  const columns: TableColumnsType<SafetyLevel> = [
    {
      title: t('inventory.stock.product'),
      key: 'product',
      render: (_, level) => <ProductCell id={level.productId} sku={level.sku} name={level.productName} />,
    },
    {
      title: t('inventory.stock.warehouse'),
      dataIndex: 'warehouseId',
      render: (id: string) => warehouseName(id),
    },
    {
      title: t('inventory.safety.qty'),
      dataIndex: 'safetyQty',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('inventory.stock.available'),
      dataIndex: 'available',
      align: 'right',
      render: (available: string | null, level) => {
        if (available === null || available === undefined) return t('common.none');
        const below = new Decimal(available).lt(level.safetyQty);
        return (
          <Typography.Text type={below ? 'danger' : undefined} strong={below}>
            {formatQty(available)}
            {below ? ` · ${t('inventory.safety.below')}` : ''}
          </Typography.Text>
        );
      },
    },
  ];
  return (
    <>
      <PageHeader title={t('inventory.safety.title')} subtitle={t('inventory.safety.subtitle')} />
      <Flex vertical gap={16}>
        {canManage ? (
          <Card size="small" title={t('inventory.safety.set')}>
            <SetLevelForm />
          </Card>
        ) : null}
        <ContentCard>
          <WarehouseSelect
            allowClear
            placeholder={t('inventory.stock.warehouse')}
            value={warehouseId}
            onChange={setWarehouseId}
            style={{ minWidth: 200, marginBottom: 16 }}
          />
          {levels.isError ? (
            <Alert type="error" showIcon title={errorMessage(t, levels.error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Table<SafetyLevel>
            rowKey={(level) => `${level.productId}:${level.warehouseId}`}
            columns={columns}
            dataSource={flattenPages(levels.data)}
            loading={levels.isFetching}
            pagination={false}
            size="middle"
            scroll={{ x: 'max-content' }}
            data-testid="safety-table"
          />
        </ContentCard>
        {canSeeNeeds ? (
          <Card size="small" title={t('inventory.needs.title')}>
            <Needs />
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
