import {
  Alert,
  App,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatPrice, formatQty, PRICE, QTY } from '../../catalog/shared/numbers.ts';
import { useCreateBill } from '../queries.ts';
import { billableQty } from '../shared/quantities.ts';
import { testId } from '../shared/test-id.ts';
import type { Order, OrderLine } from '../types.ts';

interface Entry {
  qty: string;
  unitPrice: string;
}

/**
 * The supplier's bill typed against the order: per line what was received and not billed yet, at the PO
 * price unless the supplier's invoice says otherwise. The server matches it three ways on saving.
 */
export function BillModal({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateBill(order.id);
  const canSeeBills = useHasPermission('purchasing.bill.read');
  const lines = order.lines.filter((line) => billableQty(line).gt(0));
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      lines.map((line) => [line.id, { qty: billableQty(line).toFixed(), unitPrice: line.unitPrice }]),
    ),
  );
  const [reference, setReference] = useState('');
  const [billDate, setBillDate] = useState<Dayjs | null>(dayjs());
  const set = (lineId: string, patch: Partial<Entry>) =>
    setEntries((old) => ({ ...old, [lineId]: { ...old[lineId], ...patch } }));
  const valid = lines.every(
    (line) => QTY.test(entries[line.id].qty) && PRICE.test(entries[line.id].unitPrice),
  );

  const columns: TableColumnsType<OrderLine> = [
    {
      title: t('purchasing.lines.product'),
      key: 'product',
      render: (_, line) => (
        <Flex vertical style={{ minWidth: 110 }}>
          <Typography.Text strong>{line.sku}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {line.productName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('purchasing.bill.billable'),
      key: 'billable',
      align: 'right',
      render: (_, line) => formatQty(billableQty(line).toFixed()),
    },
    {
      title: t('purchasing.lines.qty'),
      key: 'qty',
      render: (_, line) => (
        <Input
          inputMode="decimal"
          style={{ width: 90 }}
          value={entries[line.id].qty}
          status={QTY.test(entries[line.id].qty) ? undefined : 'error'}
          onChange={(event) => set(line.id, { qty: event.target.value.trim() })}
          data-testid={`bill-qty-${line.sku}`}
        />
      ),
    },
    {
      title: t('purchasing.bill.billedPrice'),
      key: 'price',
      render: (_, line) => (
        <Flex vertical gap={2}>
          <Input
            inputMode="decimal"
            style={{ width: 110 }}
            value={entries[line.id].unitPrice}
            status={PRICE.test(entries[line.id].unitPrice) ? undefined : 'error'}
            onChange={(event) => set(line.id, { unitPrice: event.target.value.trim() })}
            data-testid={`bill-price-${line.sku}`}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('purchasing.bill.poPrice')}: {formatPrice(line.unitPrice)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  const save = () =>
    create.mutate(
      {
        reference: reference.trim(),
        billDate: billDate?.format('YYYY-MM-DD'),
        lines: lines.map((line) => ({ orderLineId: line.id, ...entries[line.id] })),
      },
      {
        onSuccess: (bill) => {
          onClose();
          message.success(t('purchasing.bill.created'));
          if (canSeeBills) navigate(`/purchasing/bills/${bill.id}`);
        },
      },
    );

  return (
    <Modal
      open
      width={720}
      title={t('purchasing.bill.newTitle', { number: order.number })}
      okText={t('common.save')}
      okButtonProps={{ disabled: !valid, ...testId('bill-save') }}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={save}
      destroyOnHidden
    >
      {create.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, create.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form layout="vertical">
        <Flex gap={12} wrap>
          <Form.Item label={t('purchasing.bill.reference')} style={{ flex: '1 1 200px', marginBottom: 12 }}>
            <Input
              value={reference}
              maxLength={200}
              onChange={(event) => setReference(event.target.value)}
              data-testid="bill-reference"
            />
          </Form.Item>
          <Form.Item label={t('purchasing.bill.billDate')} style={{ flex: '0 1 180px', marginBottom: 12 }}>
            <DatePicker value={billDate} onChange={setBillDate} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
      <Table<OrderLine>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={lines}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="bill-lines"
      />
    </Modal>
  );
}
