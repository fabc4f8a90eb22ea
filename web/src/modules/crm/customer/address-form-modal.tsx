import { Alert, Checkbox, Col, Form, Input, Modal, Radio, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import type { Address, AddressInput, AddressKind } from '../types.ts';

const KINDS: AddressKind[] = ['billing', 'shipping', 'other'];
// The server's rules (src/modules/crm/customer/contract.ts), checked here first so the message is ours.
const COUNTRY = /^[A-Za-z]{2}$/;
const REGION = /^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/;
const PHONE = /^[0-9+()\-\s.\uFF10-\uFF19\uFF08\uFF09\uFF0B\uFF0D]{3,40}$/;
const CN_POSTAL = /^\d{6}$/;

type Values = Partial<Record<Exclude<keyof AddressInput, 'isDefault'>, string>> & { isDefault?: boolean };
const FIELDS: Array<keyof Values> = [
  'kind',
  'isDefault',
  'countryCode',
  'regionCode',
  'city',
  'line1',
  'line2',
  'postalCode',
  'contactName',
  'phone',
];

function toInput(values: Values): AddressInput {
  const text = (value?: string) => value?.trim() ?? '';
  return {
    kind: (values.kind as AddressKind | undefined) ?? 'billing',
    isDefault: values.isDefault ?? false,
    countryCode: text(values.countryCode).toUpperCase() || 'CN',
    regionCode: text(values.regionCode).toUpperCase() || null,
    city: text(values.city),
    line1: text(values.line1),
    line2: text(values.line2),
    postalCode: text(values.postalCode),
    contactName: text(values.contactName),
    phone: text(values.phone),
  };
}

function initialValues(address: Address | undefined, kind: AddressKind): Values {
  if (!address) return { kind, isDefault: false, countryCode: 'CN' };
  return {
    kind: address.kind,
    isDefault: address.isDefault ?? false,
    countryCode: address.countryCode ?? 'CN',
    regionCode: address.regionCode ?? '',
    city: address.city ?? '',
    line1: address.line1,
    line2: address.line2 ?? '',
    postalCode: address.postalCode ?? '',
    contactName: address.contactName ?? '',
    phone: address.phone ?? '',
  };
}

/** Server field paths ("/line1", "line1") of a 400 validation answer, for marking those fields. */
function invalidFields(err: unknown): Array<keyof Values> {
  if (!isApiError(err) || err.code !== 'validation' || !Array.isArray(err.details.issues)) return [];
  const paths = (err.details.issues as Array<{ path?: string }>).map((issue) =>
    String(issue.path ?? '').replace(/^\//, ''),
  );
  return FIELDS.filter((field) => paths.includes(field));
}

/** Add or edit one address of a customer; `error` is the last failed save (shown translated). */
export function AddressFormModal({
  open,
  address,
  defaultKind,
  pending,
  error,
  onCancel,
  onSave,
}: {
  open: boolean;
  address?: Address;
  /** The kind a new address starts with. */
  defaultKind: AddressKind;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSave: (input: AddressInput) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const country = Form.useWatch('countryCode', form);
  const required = { required: true, whitespace: true, message: t('crm.common.required') };

  useEffect(() => {
    const fields = invalidFields(error);
    if (fields.length > 0)
      form.setFields(fields.map((name) => ({ name, errors: [t('crm.addresses.serverInvalid')] })));
  }, [error, form, t]);

  return (
    <Modal
      open={open}
      title={address ? t('crm.addresses.editTitle') : t('crm.addresses.newTitle')}
      onCancel={onCancel}
      onOk={() =>
        form.validateFields().then(
          (values) => onSave(toInput(values)),
          () => undefined, // the form shows what is wrong next to each field
        )
      }
      okText={t('common.save')}
      confirmLoading={pending}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(address, defaultKind)}
        data-testid="address-form"
      >
        <Form.Item name="kind" label={t('crm.customers.addressKind')} rules={[required]}>
          <Radio.Group
            optionType="button"
            options={KINDS.map((kind) => ({ value: kind, label: t(`crm.addressKind.${kind}`) }))}
            style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
          />
        </Form.Item>
        <Form.Item name="isDefault" valuePropName="checked">
          <Checkbox>{t('crm.addresses.isDefault')}</Checkbox>
        </Form.Item>
        <Row gutter={8}>
          <Col xs={8} sm={6}>
            <Form.Item
              name="countryCode"
              label={t('crm.addresses.country')}
              rules={[required, { pattern: COUNTRY, message: t('crm.addresses.countryInvalid') }]}
            >
              <Input maxLength={2} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col xs={16} sm={9}>
            <Form.Item
              name="regionCode"
              label={t('crm.leads.region')}
              rules={[{ pattern: REGION, message: t('crm.leads.regionInvalid') }]}
            >
              <Input maxLength={6} placeholder="CN-SH" style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={9}>
            <Form.Item name="city" label={t('crm.customers.city')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="line1" label={t('crm.customers.line1')} rules={[required]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="line2" label={t('crm.addresses.line2')}>
          <Input maxLength={300} />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="postalCode"
              label={t('crm.customers.postalCode')}
              rules={[
                {
                  // Only Chinese postal codes have a fixed shape worth checking (6 digits).
                  validator: (_, value?: string) =>
                    !value?.trim() ||
                    String(country ?? '').toUpperCase() !== 'CN' ||
                    CN_POSTAL.test(value.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('crm.addresses.postalInvalid'))),
                },
              ]}
            >
              <Input maxLength={20} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="contactName" label={t('crm.customers.addressContact')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="phone"
              label={t('crm.customers.phone')}
              rules={[{ pattern: PHONE, message: t('crm.addresses.phoneInvalid') }]}
            >
              <Input maxLength={40} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
