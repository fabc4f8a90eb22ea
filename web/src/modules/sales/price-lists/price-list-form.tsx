import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Skeleton,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useSession } from '../../../app/auth/session.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { usePriceList, useSavePriceList } from '../../catalog/queries.ts';
import { PERCENT, PRICE, QTY } from '../../catalog/shared/numbers.ts';
import { CategorySelect, ProductSelect } from '../../catalog/shared/pickers.tsx';
import type { PriceList, PriceListInput, PriceRule } from '../../catalog/types.ts';
import { CustomerPicker } from '../shared/customer-picker.tsx';

type Target = 'everyone' | 'customer' | 'group';
type RuleTarget = 'product' | 'category' | 'all';

interface RuleValues {
  target: RuleTarget;
  productId?: string;
  categoryId?: string;
  minQty: string;
  mode: 'price' | 'discount';
  price?: string;
  discountPercent?: string;
  validity?: [Dayjs | null, Dayjs | null] | null;
}

interface FormValues {
  code: string;
  nameZh?: string;
  nameEn?: string;
  currency: string;
  target: Target;
  customerId?: string;
  customerGroup?: string;
  priority: number;
  validity?: [Dayjs | null, Dayjs | null] | null;
  active: boolean;
  rules: RuleValues[];
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const range = (from?: string | null, to?: string | null): [Dayjs | null, Dayjs | null] | null =>
  from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;

function toRule(rule: RuleValues): PriceRule {
  return {
    productId: rule.target === 'product' ? (rule.productId ?? null) : null,
    categoryId: rule.target === 'category' ? (rule.categoryId ?? null) : null,
    minQty: rule.minQty?.trim() || '0',
    price: rule.mode === 'price' ? (rule.price?.trim() ?? null) : null,
    discountPercent: rule.mode === 'discount' ? (rule.discountPercent?.trim() ?? null) : null,
    validFrom: day(rule.validity?.[0]),
    validTo: day(rule.validity?.[1]),
  };
}

function toInput(values: FormValues): PriceListInput {
  const name: Record<string, string> = {};
  if (values.nameZh?.trim()) name['zh-CN'] = values.nameZh.trim();
  if (values.nameEn?.trim()) name.en = values.nameEn.trim();
  return {
    code: values.code.trim(),
    name,
    currency: values.currency.trim().toUpperCase(),
    customerId: values.target === 'customer' ? (values.customerId ?? null) : null,
    customerGroup: values.target === 'group' ? (values.customerGroup?.trim() ?? null) : null,
    priority: values.priority ?? 0,
    validFrom: day(values.validity?.[0]),
    validTo: day(values.validity?.[1]),
    active: values.active,
    rules: (values.rules ?? []).map(toRule),
  };
}

function fromList(list: PriceList | undefined, currency: string): Partial<FormValues> {
  if (!list) return { currency, target: 'everyone', priority: 0, active: true, rules: [] };
  return {
    code: list.code,
    nameZh: list.name['zh-CN'] ?? '',
    nameEn: list.name.en ?? '',
    currency: list.currency,
    target: list.customerId ? 'customer' : list.customerGroup ? 'group' : 'everyone',
    customerId: list.customerId ?? undefined,
    customerGroup: list.customerGroup ?? undefined,
    priority: list.priority,
    validity: range(list.validFrom, list.validTo),
    active: list.active,
    rules: (list.rules ?? []).map((rule) => ({
      target: rule.productId ? 'product' : rule.categoryId ? 'category' : 'all',
      productId: rule.productId ?? undefined,
      categoryId: rule.categoryId ?? undefined,
      minQty: rule.minQty,
      mode: rule.price !== null && rule.price !== undefined ? 'price' : 'discount',
      price: rule.price ?? undefined,
      discountPercent: rule.discountPercent ?? undefined,
      validity: range(rule.validFrom, rule.validTo),
    })),
  };
}

function RuleCard({ name, onRemove }: { name: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<FormValues>();
  const target = Form.useWatch(['rules', name, 'target'], form);
  const mode = Form.useWatch(['rules', name, 'mode'], form);
  const required = { required: true, message: t('catalog.common.required') };
  return (
    <Card
      size="small"
      data-testid="price-rule"
      extra={
        <Button
          size="small"
          icon={<DeleteOutlined />}
          aria-label={t('catalog.common.remove')}
          onClick={onRemove}
        />
      }
      title={t('catalog.priceLists.rule', { n: name + 1 })}
    >
      <Row gutter={8}>
        <Col xs={24} md={10}>
          <Form.Item name={[name, 'target']} label={t('catalog.priceLists.appliesTo')}>
            <Radio.Group
              optionType="button"
              size="small"
              options={(['product', 'category', 'all'] as const).map((value) => ({
                value,
                label: t(`catalog.priceLists.ruleTarget.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          {target === 'product' ? (
            <Form.Item name={[name, 'productId']} label={t('catalog.priceLists.product')} rules={[required]}>
              <ProductSelect />
            </Form.Item>
          ) : target === 'category' ? (
            <Form.Item name={[name, 'categoryId']} label={t('catalog.product.category')} rules={[required]}>
              <CategorySelect />
            </Form.Item>
          ) : null}
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name={[name, 'minQty']}
            label={t('catalog.priceLists.minQty')}
            rules={[{ pattern: QTY, message: t('catalog.common.decimalInvalid') }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'mode']} label={t('catalog.priceLists.mode')}>
            <Radio.Group
              size="small"
              options={[
                { value: 'price', label: t('catalog.priceLists.fixed') },
                { value: 'discount', label: t('catalog.priceLists.discount') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          {mode === 'discount' ? (
            <Form.Item
              name={[name, 'discountPercent']}
              label="%"
              rules={[required, { pattern: PERCENT, message: t('catalog.common.percentInvalid') }]}
            >
              <Input inputMode="decimal" suffix="%" />
            </Form.Item>
          ) : (
            <Form.Item
              name={[name, 'price']}
              label={t('catalog.priceLists.price')}
              rules={[required, { pattern: PRICE, message: t('catalog.common.decimalInvalid') }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'validity']} label={t('catalog.priceLists.validity')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

function ListForm({
  list,
  onSaved,
  onClose,
}: {
  list?: PriceList;
  onSaved: (list: PriceList) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [form] = Form.useForm<FormValues>();
  const save = useSavePriceList(list);
  const target = Form.useWatch('target', form);
  const required = { required: true, whitespace: true, message: t('catalog.common.required') };
  const submit = async () => {
    // antd shows the field errors itself; a rejected check must not become an unhandled rejection.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    save.mutate(toInput(values), { onSuccess: onSaved });
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={fromList(list, session.company.currency)}
      requiredMark="optional"
    >
      {save.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="code" label={t('catalog.priceLists.code')} rules={[required]}>
            <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="nameZh" label={t('catalog.product.nameZh')} rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="nameEn" label={t('catalog.product.nameEn')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="currency" label={t('catalog.product.currency')} rules={[required]}>
            <Input maxLength={3} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="priority" label={t('catalog.priceLists.priority')}>
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="validity" label={t('catalog.priceLists.validity')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="target" label={t('catalog.priceLists.for')}>
            <Radio.Group
              optionType="button"
              options={(['everyone', 'customer', 'group'] as const).map((value) => ({
                value,
                label: t(`catalog.priceLists.target.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          {target === 'customer' ? (
            <Form.Item
              name="customerId"
              label={t('catalog.priceLists.customer')}
              rules={[{ required: true, message: t('catalog.common.required') }]}
            >
              <CustomerPicker />
            </Form.Item>
          ) : target === 'group' ? (
            <Form.Item
              name="customerGroup"
              label={t('catalog.priceLists.group')}
              rules={[required]}
              extra={t('catalog.priceLists.groupHint')}
            >
              <Input maxLength={60} />
            </Form.Item>
          ) : null}
        </Col>
      </Row>
      <Form.Item name="active" valuePropName="checked">
        <Checkbox>{t('catalog.product.active')}</Checkbox>
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('catalog.priceLists.rules')}
      </Divider>
      <Form.List name="rules">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12}>
            {fields.map((field) => (
              <RuleCard key={field.key} name={field.name} onRemove={() => remove(field.name)} />
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ target: 'product', minQty: '0', mode: 'price' })}
              style={{ width: 'fit-content' }}
              data-testid="add-rule"
            >
              {t('catalog.priceLists.addRule')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Flex justify="flex-end" gap={8} style={{ marginTop: 24 }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" onClick={submit} loading={save.isPending} data-testid="price-list-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** New price list (`listId` null) or editing one with its rules, which PATCH replaces as a whole. */
export function PriceListDrawer({
  open,
  listId,
  onClose,
  onSaved,
}: {
  open: boolean;
  listId: string | null;
  onClose: () => void;
  onSaved: (list: PriceList) => void;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const list = usePriceList(open ? listId : null);
  const loading = Boolean(listId) && list.isPending;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={
        listId
          ? t('catalog.priceLists.editTitle', { code: list.data?.code ?? '' })
          : t('catalog.priceLists.newTitle')
      }
      size={isPhone ? '100%' : 820}
      destroyOnHidden
      data-testid="price-list-form"
    >
      {list.isError ? <Alert type="error" showIcon title={errorMessage(t, list.error)} /> : null}
      {loading ? (
        <Skeleton active />
      ) : list.isError ? null : (
        <ListForm key={listId ?? 'new'} list={list.data} onSaved={onSaved} onClose={onClose} />
      )}
    </Drawer>
  );
}
