import { Alert, App, Flex, Input, Modal, Table, type TableColumnsType, Typography } from 'antd';
import { Decimal } from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { formatQty, QTY } from '../../catalog/shared/numbers.ts';
import { useReturnToSupplier } from '../queries.ts';
import { testId } from '../shared/test-id.ts';
import type { Order, OrderLine } from '../types.ts';

/** What of a line may still go back: received − returned. */
function returnable(line: OrderLine): Decimal {
  return Decimal.max(new Decimal(line.qtyReceived).minus(line.qtyReturned), 0);
}

/** Send received goods back to the supplier: a quantity per line (empty or 0: nothing) and a reason. */
export function ReturnModal({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useReturnToSupplier(order);
  const lines = order.lines.filter((line) => returnable(line).gt(0));
  const [qty, setQty] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const chosen = lines.filter((line) => QTY.test(qty[line.id] ?? '') && new Decimal(qty[line.id]).gt(0));
  const typedWrong = lines.some((line) => {
    const value = qty[line.id] ?? '';
    return value !== '' && (!QTY.test(value) || new Decimal(value).gt(returnable(line)));
  });
  const valid = chosen.length > 0 && !typedWrong && reason.trim() !== '';

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
      title: t('purchasing.return.returnable'),
      key: 'returnable',
      align: 'right',
      render: (_, line) => formatQty(returnable(line).toFixed()),
    },
    {
      title: t('purchasing.return.qty'),
      key: 'qty',
      render: (_, line) => (
        <Input
          inputMode="decimal"
          style={{ width: 90 }}
          value={qty[line.id] ?? ''}
          placeholder="0"
          onChange={(event) => setQty((old) => ({ ...old, [line.id]: event.target.value.trim() }))}
          data-testid={`return-qty-${line.sku}`}
        />
      ),
    },
  ];

  return (
    <Modal
      open
      width={620}
      title={t('purchasing.return.title', { number: order.number })}
      okText={t('purchasing.return.submit')}
      okButtonProps={{ disabled: !valid, danger: true, ...testId('return-save') }}
      confirmLoading={send.isPending}
      onCancel={onClose}
      onOk={() =>
        send.mutate(
          { reason: reason.trim(), lines: chosen.map((line) => ({ lineId: line.id, qty: qty[line.id] })) },
          {
            onSuccess: () => {
              message.success(t('purchasing.return.done'));
              onClose();
            },
          },
        )
      }
      destroyOnHidden
    >
      {send.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, send.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<OrderLine>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={lines}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Input.TextArea
        rows={2}
        maxLength={500}
        style={{ marginTop: 12 }}
        placeholder={t('purchasing.return.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        data-testid="return-reason"
      />
    </Modal>
  );
}
