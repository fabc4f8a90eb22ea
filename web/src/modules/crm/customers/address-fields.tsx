import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';

const KINDS = ['billing', 'shipping', 'other'] as const;

/** The customer's addresses (billing, shipping, several), as a Form.List named `addresses`. */
export function AddressFields() {
  const { t } = useTranslation();
  return (
    <Form.List name="addresses">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={t('crm.customers.address')}
              extra={
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('crm.common.remove')}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <Row gutter={8}>
                <Col xs={24} sm={8}>
                  <Form.Item
                    name={[field.name, 'kind']}
                    label={t('crm.customers.addressKind')}
                    initialValue="billing"
                  >
                    <Select
                      options={KINDS.map((kind) => ({ value: kind, label: t(`crm.addressKind.${kind}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'city']} label={t('crm.customers.city')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'postalCode']} label={t('crm.customers.postalCode')}>
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name={[field.name, 'line1']}
                label={t('crm.customers.line1')}
                rules={[{ required: true, whitespace: true, message: t('crm.common.required') }]}
              >
                <Input maxLength={300} />
              </Form.Item>
              <Row gutter={8}>
                <Col xs={12}>
                  <Form.Item name={[field.name, 'contactName']} label={t('crm.customers.addressContact')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={12}>
                  <Form.Item name={[field.name, 'phone']} label={t('crm.customers.phone')}>
                    <Input maxLength={40} inputMode="tel" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: 'billing' })}>
            {t('crm.customers.addAddress')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
