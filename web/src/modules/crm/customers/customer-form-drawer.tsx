import { Alert, Button, Col, Drawer, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useSession } from '../../../app/auth/session.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { DictionarySelect } from '../shared/dictionary.tsx';
import { DuplicateList } from '../shared/duplicate-list.tsx';
import { CUSTOMER_STATUSES, type Customer, type CustomerInput, type DuplicateCandidate } from '../types.ts';
import { AddressFields } from './address-fields.tsx';
import { useSaveCustomer } from './queries.ts';

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;

function toInput(values: Record<string, unknown>): CustomerInput {
  const text = (key: string) => {
    const value = typeof values[key] === 'string' ? (values[key] as string).trim() : '';
    return value || null;
  };
  return {
    kind: (values.kind as CustomerInput['kind']) ?? 'company',
    name: String(values.name ?? '').trim(),
    shortName: text('shortName'),
    taxId: text('taxId'),
    industryCode: (values.industryCode as string | undefined) ?? null,
    sourceCode: (values.sourceCode as string | undefined) ?? null,
    tags: (values.tags as string[] | undefined) ?? [],
    status: (values.status as CustomerInput['status']) ?? 'prospect',
    creditLimit: text('creditLimit'),
    notes: String(values.notes ?? ''),
    addresses: ((values.addresses as CustomerInput['addresses'] | undefined) ?? []).map((address) => ({
      ...address,
      city: address.city ?? '',
      postalCode: address.postalCode ?? '',
      contactName: address.contactName ?? '',
      phone: address.phone ?? '',
    })),
  };
}

function initialValues(customer?: Customer) {
  if (!customer) return { kind: 'company', status: 'prospect', tags: [], addresses: [] };
  return {
    kind: customer.kind,
    name: customer.name,
    shortName: customer.shortName ?? '',
    taxId: customer.taxId ?? '',
    industryCode: customer.industryCode ?? undefined,
    sourceCode: customer.sourceCode ?? undefined,
    tags: customer.tags ?? [],
    status: customer.status,
    creditLimit: customer.creditLimit ?? '',
    notes: customer.notes ?? '',
  };
}

/**
 * New customer (or, with `customer`, editing one): the form, and on 409 crm.duplicate_suspected the
 * likely duplicates with their reasons and "create anyway".
 */
export function CustomerFormDrawer({
  open,
  onClose,
  onSaved,
  customer,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (customer: Customer) => void;
  customer?: Customer;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [form] = Form.useForm();
  const create = useSaveCustomer(customer);
  const session = useSession();
  const currency = customer?.currency ?? session.company.currency;
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);

  const submit = async (ignoreDuplicates: boolean) => {
    // antd shows the field errors itself; a rejected check must not become an unhandled rejection.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    create.mutate(
      { ...toInput(values), ...(customer ? {} : { currency }), ignoreDuplicates },
      {
        onSuccess: (saved) => {
          setCandidates(null);
          form.resetFields();
          onSaved(saved);
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'crm.duplicate_suspected')
            setCandidates((err.details.candidates as DuplicateCandidate[] | undefined) ?? []);
        },
      },
    );
  };

  const close = () => {
    setCandidates(null);
    create.reset();
    onClose();
  };
  const otherError = create.isError && !candidates ? errorMessage(t, create.error) : null;

  return (
    <Drawer
      open={open}
      onClose={close}
      title={customer ? t('crm.customers.editTitle', { name: customer.name }) : t('crm.customers.newTitle')}
      size={isPhone ? '100%' : 640}
      destroyOnHidden
      data-testid="customer-form"
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={close}>{t('common.cancel')}</Button>
          {candidates ? (
            <Button
              danger
              onClick={() => submit(true)}
              loading={create.isPending}
              data-testid="create-anyway"
            >
              {t(customer ? 'crm.duplicates.saveAnyway' : 'crm.duplicates.createAnyway')}
            </Button>
          ) : (
            <Button
              type="primary"
              onClick={() => submit(false)}
              loading={create.isPending}
              data-testid="customer-save"
            >
              {t('common.save')}
            </Button>
          )}
        </Flex>
      }
    >
      {candidates ? (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <Alert
            type="warning"
            showIcon
            title={t('crm.duplicates.suspected')}
            description={t('crm.duplicates.explain')}
          />
          <DuplicateList candidates={candidates} />
          <Typography.Link onClick={() => setCandidates(null)}>
            {t('crm.duplicates.backToForm')}
          </Typography.Link>
        </Flex>
      ) : null}
      {otherError ? <Alert type="error" showIcon title={otherError} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(customer)}
        onValuesChange={() => candidates && setCandidates(null)}
        requiredMark="optional"
      >
        <Form.Item name="kind" label={t('crm.customers.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'company', label: t('crm.customerKind.company') },
              { value: 'person', label: t('crm.customerKind.person') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('crm.customers.name')}
          rules={[{ required: true, whitespace: true, message: t('crm.common.required') }]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="shortName" label={t('crm.customers.shortName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="taxId" label={t('crm.customers.taxId')} extra={t('crm.customers.taxIdHint')}>
              <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="industryCode" label={t('crm.customers.industry')}>
              <DictionarySelect name="industry" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="sourceCode" label={t('crm.customers.source')}>
              <DictionarySelect name="lead_source" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('crm.customers.status')}>
              <Select
                options={CUSTOMER_STATUSES.map((status) => ({
                  value: status,
                  label: t(`crm.customerStatus.${status}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="creditLimit"
              label={t('crm.customers.creditLimit')}
              rules={[{ pattern: MONEY, message: t('crm.common.moneyInvalid') }]}
            >
              <Input inputMode="decimal" prefix={currency} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tags" label={t('crm.customers.tags')}>
          <Select mode="tags" tokenSeparators={[',', '，']} maxCount={30} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="notes" label={t('crm.customers.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        {customer ? null : <AddressFields />}
      </Form>
    </Drawer>
  );
}
