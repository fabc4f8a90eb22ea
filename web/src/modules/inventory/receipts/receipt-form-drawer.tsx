import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Drawer, Flex, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { decimalPattern, QTY } from '../../catalog/shared/numbers.ts';
import { ProductSelect } from '../../catalog/shared/pickers.tsx';
import { type ReceiptInput, useCreateReceipt } from '../queries.ts';
import { useDefaultWarehouse, WarehouseSelect } from '../shared/warehouse-select.tsx';
import type { Picking } from '../types.ts';

const COST = decimalPattern(6);

interface Values {
  warehouseId: string;
  scheduledDate?: Dayjs | null;
  lines: { productId: string; qty: string; unitCost: string; lotNo?: string; expiryDate?: Dayjs | null }[];
}

/** A manual goods receipt: what is expected in, at which cost, optionally with lots. */
export function ReceiptFormDrawer({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (receipt: Picking) => void;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const create = useCreateReceipt();
  const warehouse = useDefaultWarehouse();
  // The warehouses may arrive after the drawer opened: fill the default in then, unless one was chosen.
  useEffect(() => {
    if (open && warehouse && !form.getFieldValue('warehouseId'))
      form.setFieldValue('warehouseId', warehouse.id);
  }, [open, warehouse, form]);
  const required = { required: true, whitespace: true, message: t('catalog.common.required') };
  const submit = async () => {
    // antd shows the field errors itself; a rejected check must not become an unhandled rejection.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const input: ReceiptInput = {
      warehouseId: values.warehouseId,
      scheduledDate: values.scheduledDate ? values.scheduledDate.format('YYYY-MM-DD') : null,
      lines: values.lines.map((line) => ({
        productId: line.productId,
        qty: line.qty.trim(),
        unitCost: line.unitCost.trim(),
        ...(line.lotNo?.trim() ? { lotNo: line.lotNo.trim() } : {}),
        ...(line.expiryDate ? { expiryDate: line.expiryDate.format('YYYY-MM-DD') } : {}),
      })),
    };
    create.mutate(input, {
      onSuccess: (receipt) => {
        form.resetFields();
        onSaved(receipt);
      },
    });
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('inventory.receipts.newTitle')}
      size={isPhone ? '100%' : 760}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={submit} data-testid="receipt-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {create.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, create.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ warehouseId: warehouse?.id, lines: [{ qty: '1', unitCost: '0' }] }}
        requiredMark="optional"
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="warehouseId"
              label={t('inventory.stock.warehouse')}
              rules={[{ required: true, message: t('catalog.common.required') }]}
            >
              <WarehouseSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="scheduledDate" label={t('inventory.picking.scheduled')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  extra={
                    <Button
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('catalog.common.remove')}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Row gutter={8}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, 'productId']}
                        label={t('inventory.stock.product')}
                        rules={[{ required: true, message: t('catalog.common.required') }]}
                      >
                        <ProductSelect />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[field.name, 'qty']}
                        label={t('inventory.moves.qty')}
                        rules={[required, { pattern: QTY, message: t('catalog.common.decimalInvalid') }]}
                      >
                        <Input inputMode="decimal" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[field.name, 'unitCost']}
                        label={t('inventory.adjust.unitCost')}
                        rules={[required, { pattern: COST, message: t('catalog.common.decimalInvalid') }]}
                      >
                        <Input inputMode="decimal" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={12}>
                      <Form.Item name={[field.name, 'lotNo']} label={t('inventory.stock.lot')}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={12}>
                      <Form.Item name={[field.name, 'expiryDate']} label={t('inventory.stock.expiry')}>
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ qty: '1', unitCost: '0' })}
                style={{ width: 'fit-content' }}
              >
                {t('inventory.receipts.addLine')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
