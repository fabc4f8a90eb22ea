import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Result, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useSession } from '../../../app/auth/session.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useDefaultWarehouse, WarehouseSelect } from '../../inventory/shared/warehouse-select.tsx';
import { usePurchaseOrder, useSavePurchaseOrder, useSupplierPrices } from '../queries.ts';
import { SupplierSelect } from '../shared/supplier-select.tsx';
import type { Order, OrderInput } from '../types.ts';
import { type DraftLine, lineIsValid, newDraftLine, OrderLinesEditor } from './order-lines-editor.tsx';

interface Header {
  supplierId: string | null;
  supplierLabel?: string;
  currency: string;
  warehouseId: string | null;
  orderDate: Dayjs | null;
  expectedDate: Dayjs | null;
  notes: string;
}

function headerOf(order: Order | undefined, currency: string): Header {
  return {
    supplierId: order?.supplierId ?? null,
    supplierLabel: order ? `${order.supplierCode} · ${order.supplierName}` : undefined,
    currency: order?.currency ?? currency,
    warehouseId: order?.warehouseId ?? null,
    orderDate: order ? dayjs(order.orderDate) : dayjs(),
    expectedDate: order?.expectedDate ? dayjs(order.expectedDate) : null,
    notes: order?.notes ?? '',
  };
}

function linesOf(order: Order | undefined): DraftLine[] {
  if (!order) return [newDraftLine()];
  return order.lines.map((line) => ({
    key: line.id,
    productId: line.productId,
    productLabel: `${line.sku} · ${line.productName}`,
    qty: line.qty,
    unitPrice: line.unitPrice,
    taxCode: line.taxCode,
  }));
}

/** The form of a draft (or sent) purchase order; the supplier is fixed once the order exists. */
function OrderEditor({ order }: { order?: Order }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const session = useSession();
  const save = useSavePurchaseOrder(order);
  const defaultWarehouse = useDefaultWarehouse();
  const [header, setHeader] = useState<Header>(() => headerOf(order, session.company.currency));
  const [lines, setLines] = useState<DraftLine[]>(() => linesOf(order));
  const prices = useSupplierPrices(
    { supplierId: header.supplierId ?? undefined },
    Boolean(header.supplierId),
  );
  const warehouseId = header.warehouseId ?? defaultWarehouse?.id ?? null;
  const today = dayjs().format('YYYY-MM-DD');
  const valid = Boolean(header.supplierId && warehouseId) && lines.every(lineIsValid);
  const patch = (changes: Partial<Header>) => setHeader((old) => ({ ...old, ...changes }));

  const submit = () => {
    if (!header.supplierId || !warehouseId) return;
    const input: OrderInput = {
      supplierId: header.supplierId,
      warehouseId,
      orderDate: header.orderDate?.format('YYYY-MM-DD'),
      expectedDate: header.expectedDate ? header.expectedDate.format('YYYY-MM-DD') : null,
      notes: header.notes.trim(),
      lines: lines.map((line) => ({
        productId: line.productId as string,
        qty: line.qty,
        unitPrice: line.unitPrice || undefined,
        taxCode: line.taxCode,
      })),
    };
    save.mutate(input, {
      onSuccess: (saved) => {
        message.success(t('purchasing.order.saved', { number: saved.number }));
        navigate(`/purchasing/orders/${saved.id}`);
      },
    });
  };

  const back = order ? `/purchasing/orders/${order.id}` : '/purchasing/orders';
  return (
    <>
      <Link to={back} style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {order ? order.number : t('purchasing.orders.backToList')}
      </Link>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {order ? t('purchasing.order.editTitle', { number: order.number }) : t('purchasing.orders.new')}
          </Typography.Title>
        }
        styles={{ body: { padding: isPhone ? 12 : 20 } }}
      >
        {save.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, save.error)}
            style={{ marginBottom: 16 }}
            data-testid="po-save-error"
          />
        ) : null}
        <Form layout="vertical">
          <Flex gap={12} wrap>
            <Form.Item label={t('purchasing.order.supplier')} required style={{ flex: '1 1 240px' }}>
              <SupplierSelect
                value={header.supplierId ?? undefined}
                initialLabel={header.supplierLabel}
                disabled={Boolean(order)}
                placeholder={t('purchasing.order.pickSupplier')}
                onPicked={(supplier) => patch({ supplierId: supplier.id, currency: supplier.currency })}
                style={{ width: '100%' }}
                data-testid="po-supplier"
              />
            </Form.Item>
            <Form.Item label={t('purchasing.order.warehouse')} required style={{ flex: '1 1 200px' }}>
              <WarehouseSelect
                value={warehouseId ?? undefined}
                onChange={(value) => patch({ warehouseId: value })}
                style={{ width: '100%' }}
                data-testid="po-warehouse"
              />
            </Form.Item>
            <Form.Item label={t('purchasing.order.orderDate')} style={{ flex: '0 1 170px' }}>
              <DatePicker
                value={header.orderDate}
                onChange={(value) => patch({ orderDate: value })}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item
              label={t('purchasing.order.expectedDate')}
              tooltip={t('purchasing.order.expectedHint')}
              style={{ flex: '0 1 170px' }}
            >
              <DatePicker
                value={header.expectedDate}
                onChange={(value) => patch({ expectedDate: value })}
                style={{ width: '100%' }}
                data-testid="po-expected-input"
              />
            </Form.Item>
          </Flex>
          <Form.Item label={t('purchasing.order.lines')} required>
            <OrderLinesEditor
              lines={lines}
              onChange={setLines}
              prices={flattenPages(prices.data)}
              currency={header.currency}
              today={today}
            />
          </Form.Item>
          <Form.Item label={t('purchasing.common.notes')}>
            <Input.TextArea
              rows={2}
              maxLength={2000}
              value={header.notes}
              onChange={(event) => patch({ notes: event.target.value })}
            />
          </Form.Item>
        </Form>
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={() => navigate(back)}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!valid}
            loading={save.isPending}
            onClick={submit}
            data-testid="po-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      </Card>
    </>
  );
}

export function NewPurchaseOrderPage() {
  return <OrderEditor />;
}

export function EditPurchaseOrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = usePurchaseOrder(id);
  if (order.isPending) return <Skeleton active />;
  if (order.isError) return <Result status="warning" title={errorMessage(t, order.error)} />;
  if (!['draft', 'sent'].includes(order.data.state))
    return <Result status="info" title={t('purchasing.order.notEditable')} />;
  return <OrderEditor order={order.data} key={order.data.version} />;
}
