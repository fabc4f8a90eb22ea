import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Radio, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { CustomerPicker } from '../../sales/shared/customer-picker.tsx';
import { useSaveSupplier } from '../queries.ts';
import type { Supplier, SupplierInput } from '../types.ts';

interface Values {
  name?: string;
  taxId?: string;
  partyId?: string;
  code?: string;
  currency?: string;
  paymentTermCode?: string;
  leadTimeDays: number;
  active: boolean;
  notes?: string;
}

/** Create a supplier (a new party, or an existing customer that also supplies) or edit its terms. */
export function SupplierDrawer({
  supplier,
  onClose,
  onSaved,
}: {
  supplier?: Supplier;
  onClose: () => void;
  onSaved?: (saved: Supplier) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const save = useSaveSupplier(supplier);
  const canPickCustomer = useHasPermission('crm.customer.read');
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [form] = Form.useForm<Values>();

  const submit = (values: Values) => {
    const terms = {
      code: values.code?.trim() || undefined,
      currency: values.currency?.trim().toUpperCase() || undefined,
      paymentTermCode: values.paymentTermCode?.trim() || null,
      leadTimeDays: values.leadTimeDays,
      notes: values.notes?.trim() ?? '',
    };
    const input: SupplierInput = supplier
      ? { ...terms, active: values.active }
      : mode === 'existing'
        ? { ...terms, partyId: values.partyId }
        : { ...terms, party: { name: (values.name ?? '').trim(), taxId: values.taxId?.trim() || null } };
    save.mutate(input, {
      onSuccess: (saved) => {
        message.success(t('purchasing.supplier.saved', { code: saved.code }));
        onSaved?.(saved);
        onClose();
      },
    });
  };

  return (
    <Drawer
      open
      width={isPhone ? '100%' : 480}
      title={
        supplier ? t('purchasing.supplier.editTitle', { name: supplier.name }) : t('purchasing.suppliers.new')
      }
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="supplier-save"
        >
          {t('common.save')}
        </Button>
      }
    >
      {save.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          code: supplier?.code,
          currency: supplier?.currency,
          paymentTermCode: supplier?.paymentTermCode ?? undefined,
          leadTimeDays: supplier?.leadTimeDays ?? 7,
          active: supplier?.active ?? true,
          notes: supplier?.notes,
        }}
      >
        {supplier ? null : (
          <>
            {canPickCustomer ? (
              <Form.Item>
                <Radio.Group
                  value={mode}
                  onChange={(event) => setMode(event.target.value)}
                  optionType="button"
                  options={[
                    { value: 'new', label: t('purchasing.supplier.newParty') },
                    { value: 'existing', label: t('purchasing.supplier.existingCustomer') },
                  ]}
                  data-testid="supplier-mode"
                />
              </Form.Item>
            ) : null}
            {mode === 'existing' ? (
              <Form.Item
                name="partyId"
                label={t('purchasing.supplier.customer')}
                rules={[{ required: true, message: t('purchasing.common.required') }]}
              >
                <CustomerPicker
                  placeholder={t('purchasing.supplier.pickCustomer')}
                  data-testid="supplier-party"
                />
              </Form.Item>
            ) : (
              <Flex gap={12} wrap>
                <Form.Item
                  name="name"
                  label={t('purchasing.supplier.name')}
                  rules={[{ required: true, whitespace: true, message: t('purchasing.common.required') }]}
                  style={{ flex: '1 1 240px' }}
                >
                  <Input maxLength={200} data-testid="supplier-name" />
                </Form.Item>
                <Form.Item name="taxId" label={t('purchasing.supplier.taxId')} style={{ flex: '1 1 180px' }}>
                  <Input maxLength={40} />
                </Form.Item>
              </Flex>
            )}
          </>
        )}
        <Flex gap={12} wrap>
          <Form.Item
            name="code"
            label={t('purchasing.supplier.code')}
            tooltip={t('purchasing.supplier.codeHint')}
            style={{ flex: '1 1 140px' }}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="currency"
            label={t('purchasing.supplier.currency')}
            rules={[{ pattern: /^[A-Za-z]{3}$/, message: t('purchasing.supplier.currencyInvalid') }]}
            style={{ flex: '0 1 110px' }}
          >
            <Input maxLength={3} placeholder="CNY" />
          </Form.Item>
          <Form.Item
            name="leadTimeDays"
            label={t('purchasing.supplier.leadTime')}
            style={{ flex: '0 1 130px' }}
          >
            <InputNumber
              min={0}
              max={3650}
              precision={0}
              style={{ width: '100%' }}
              data-testid="supplier-lead"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="paymentTermCode" label={t('purchasing.supplier.paymentTerm')}>
          <Input maxLength={40} />
        </Form.Item>
        {supplier ? (
          <Form.Item name="active" label={t('purchasing.supplier.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
        <Form.Item name="notes" label={t('purchasing.common.notes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
