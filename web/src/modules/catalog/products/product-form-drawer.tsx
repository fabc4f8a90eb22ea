import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Divider, Drawer, Flex, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useSession } from '../../../app/auth/session.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useSaveProduct } from '../queries.ts';
import { decimalPattern, PRICE } from '../shared/numbers.ts';
import { CategorySelect, TaxCodeSelect, UnitSelect } from '../shared/pickers.tsx';
import { PRODUCT_KINDS, type Product, type ProductInput, type ProductUnit } from '../types.ts';

const FACTOR = decimalPattern(10);
const MEASURE = decimalPattern(6);

interface FormValues {
  sku: string;
  nameZh?: string;
  nameEn?: string;
  description?: string;
  categoryId?: string;
  kind: Product['kind'];
  uomCode: string;
  saleUomCode?: string;
  barcode?: string;
  salePrice: string;
  currency: string;
  taxCode?: string;
  procureMethod: Product['procureMethod'];
  lotTracked: boolean;
  expiryTracked: boolean;
  weightKg?: string;
  volumeM3?: string;
  active: boolean;
  units?: ProductUnit[];
}

function text(value: string | undefined | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed ? trimmed : null;
}

function toInput(values: FormValues): ProductInput {
  const name: Record<string, string> = {};
  if (text(values.nameZh)) name['zh-CN'] = (values.nameZh as string).trim();
  if (text(values.nameEn)) name.en = (values.nameEn as string).trim();
  return {
    sku: values.sku.trim(),
    name,
    description: values.description?.trim() ?? '',
    categoryId: values.categoryId ?? null,
    kind: values.kind,
    uomCode: values.uomCode,
    saleUomCode: values.saleUomCode ?? null,
    barcode: text(values.barcode),
    salePrice: values.salePrice.trim(),
    currency: values.currency.trim().toUpperCase(),
    taxCode: values.taxCode ?? null,
    procureMethod: values.procureMethod,
    lotTracked: values.lotTracked,
    // Expiry is tracked per lot, so it needs lots.
    expiryTracked: values.lotTracked && values.expiryTracked,
    weightKg: text(values.weightKg),
    volumeM3: text(values.volumeM3),
    active: values.active,
    units: (values.units ?? []).map((unit) => ({
      uomCode: unit.uomCode,
      factor: String(unit.factor).trim(),
      barcode: text(unit.barcode),
    })),
  };
}

function initialValues(product: Product | undefined, currency: string): Partial<FormValues> {
  if (!product)
    return {
      kind: 'stocked',
      uomCode: 'PCS',
      salePrice: '0',
      currency,
      procureMethod: 'buy',
      lotTracked: false,
      expiryTracked: false,
      active: true,
      units: [],
    };
  return {
    sku: product.sku,
    nameZh: product.name['zh-CN'] ?? product.name.zh ?? '',
    nameEn: product.name.en ?? '',
    description: product.description ?? '',
    categoryId: product.categoryId ?? undefined,
    kind: product.kind,
    uomCode: product.uomCode,
    saleUomCode: product.saleUomCode ?? undefined,
    barcode: product.barcode ?? '',
    salePrice: product.salePrice,
    currency: product.currency,
    taxCode: product.taxCode ?? undefined,
    procureMethod: product.procureMethod,
    lotTracked: product.lotTracked,
    expiryTracked: product.expiryTracked,
    weightKg: product.weightKg ?? '',
    volumeM3: product.volumeM3 ?? '',
    active: product.active,
    units: product.units ?? [],
  };
}

function PackagingList() {
  const { t } = useTranslation();
  return (
    <Form.List name="units">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top" wrap={false}>
              <Col flex="1 1 120px">
                <Form.Item
                  name={[field.name, 'uomCode']}
                  rules={[{ required: true, message: t('catalog.common.required') }]}
                >
                  <UnitSelect placeholder={t('catalog.product.packUnit')} />
                </Form.Item>
              </Col>
              <Col flex="1 1 90px">
                <Form.Item
                  name={[field.name, 'factor']}
                  rules={[
                    { required: true, message: t('catalog.common.required') },
                    { pattern: FACTOR, message: t('catalog.common.decimalInvalid') },
                  ]}
                >
                  <Input inputMode="decimal" placeholder={t('catalog.product.packFactor')} />
                </Form.Item>
              </Col>
              <Col flex="1 1 120px">
                <Form.Item name={[field.name, 'barcode']}>
                  <Input placeholder={t('catalog.product.barcode')} />
                </Form.Item>
              </Col>
              <Col flex="none">
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('catalog.common.remove')}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ factor: '' })}
            style={{ width: 'fit-content' }}
          >
            {t('catalog.product.addPackaging')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** New product, or editing one: names in both languages, units and packaging, price, tax, tracking. */
export function ProductFormDrawer({
  open,
  onClose,
  onSaved,
  product,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (product: Product) => void;
  product?: Product;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const session = useSession();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveProduct(product);
  const lotTracked = Form.useWatch('lotTracked', form);
  const required = { required: true, whitespace: true, message: t('catalog.common.required') };

  const submit = async () => {
    // antd shows the field errors itself; a rejected check must not become an unhandled rejection.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    save.mutate(toInput(values), {
      onSuccess: (saved) => {
        form.resetFields();
        onSaved(saved);
      },
    });
  };
  const close = () => {
    save.reset();
    onClose();
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      title={product ? t('catalog.products.editTitle', { sku: product.sku }) : t('catalog.products.newTitle')}
      size={isPhone ? '100%' : 720}
      destroyOnHidden
      data-testid="product-form"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={submit} loading={save.isPending} data-testid="product-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {save.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(product, session.company.currency)}
        requiredMark="optional"
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="sku" label={t('catalog.product.sku')} rules={[required]}>
              <Input maxLength={64} autoFocus style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="barcode" label={t('catalog.product.barcode')}>
              <Input maxLength={64} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="nameZh"
              label={t('catalog.product.nameZh')}
              dependencies={['nameEn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    text(value) || text(getFieldValue('nameEn'))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('catalog.product.nameRequired'))),
                }),
              ]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="nameEn" label={t('catalog.product.nameEn')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('catalog.product.kind')}>
              <Radio.Group
                optionType="button"
                options={PRODUCT_KINDS.map((kind) => ({ value: kind, label: t(`catalog.kind.${kind}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="categoryId" label={t('catalog.product.category')}>
              <CategorySelect />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="uomCode"
              label={t('catalog.product.uom')}
              rules={[required]}
              extra={t('catalog.product.uomHint')}
            >
              <UnitSelect disabled={Boolean(product)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="saleUomCode" label={t('catalog.product.saleUom')}>
              <UnitSelect allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="procureMethod" label={t('catalog.product.procureMethod')}>
              <Select
                options={[
                  { value: 'buy', label: t('catalog.procure.buy') },
                  { value: 'make', label: t('catalog.procure.make') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="salePrice"
              label={t('catalog.product.salePrice')}
              rules={[required, { pattern: PRICE, message: t('catalog.common.decimalInvalid') }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="currency" label={t('catalog.product.currency')} rules={[required]}>
              <Input maxLength={3} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="taxCode" label={t('catalog.product.taxCode')}>
              <TaxCodeSelect />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="weightKg"
              label={t('catalog.product.weightKg')}
              rules={[{ pattern: MEASURE, message: t('catalog.common.decimalInvalid') }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="volumeM3"
              label={t('catalog.product.volumeM3')}
              rules={[{ pattern: MEASURE, message: t('catalog.common.decimalInvalid') }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Flex gap={16} wrap style={{ paddingTop: isPhone ? 0 : 30, marginBottom: 16 }}>
              <Form.Item name="lotTracked" valuePropName="checked" noStyle>
                <Checkbox>{t('catalog.product.lotTracked')}</Checkbox>
              </Form.Item>
              <Form.Item name="expiryTracked" valuePropName="checked" noStyle>
                <Checkbox disabled={!lotTracked}>{t('catalog.product.expiryTracked')}</Checkbox>
              </Form.Item>
              <Form.Item name="active" valuePropName="checked" noStyle>
                <Checkbox>{t('catalog.product.active')}</Checkbox>
              </Form.Item>
            </Flex>
          </Col>
        </Row>
        <Form.Item name="description" label={t('catalog.product.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('catalog.product.packaging')}
        </Divider>
        <PackagingList />
      </Form>
    </Drawer>
  );
}
