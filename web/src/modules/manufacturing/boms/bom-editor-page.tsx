import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Decimal } from 'decimal.js';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { decimalPattern, QTY } from '../../catalog/shared/numbers.ts';
import { ProductSelect } from '../../catalog/shared/pickers.tsx';
import { useBom, useCreateBom, useUpdateBom } from '../queries.ts';
import type { Bom, BomFieldsInput, BomLineInput } from '../types.ts';

const COST = decimalPattern(6);
const SCRAP = /^\d{1,2}(\.\d{1,3})?$/;

interface LineValues {
  componentId?: string;
  label?: string;
  qty?: string;
  scrapPct?: string;
  substituteOfPosition?: number | null;
  notes?: string;
}

interface Values {
  productId?: string;
  code?: string;
  outputQty: string;
  leadTimeDays: number;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  labourCostPerUnit: string;
  overheadCostPerUnit: string;
  notes?: string;
  lines: LineValues[];
}

/** '1.0000' → '1': what a person would type. */
const plain = (value: string) => new Decimal(value).toFixed();

function initialValues(bom: Bom | undefined): Partial<Values> {
  if (!bom)
    return { outputQty: '1', leadTimeDays: 1, labourCostPerUnit: '0', overheadCostPerUnit: '0', lines: [{}] };
  return {
    productId: bom.productId,
    code: bom.code,
    outputQty: plain(bom.outputQty),
    leadTimeDays: bom.leadTimeDays,
    validFrom: bom.validFrom ? dayjs(bom.validFrom) : null,
    validTo: bom.validTo ? dayjs(bom.validTo) : null,
    labourCostPerUnit: plain(bom.labourCostPerUnit),
    overheadCostPerUnit: plain(bom.overheadCostPerUnit),
    notes: bom.notes,
    lines: bom.lines.map((line) => ({
      componentId: line.componentId,
      label: `${line.sku} · ${line.productName}`,
      qty: plain(line.qty),
      scrapPct: plain(line.scrapPct),
      substituteOfPosition: line.substituteOfPosition,
      notes: line.notes,
    })),
  };
}

/** The form's values as the API takes them; positions are the lines' order. */
function toInput(values: Values): BomFieldsInput & { lines: BomLineInput[] } {
  const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
  return {
    ...(values.code?.trim() ? { code: values.code.trim() } : {}),
    outputQty: values.outputQty.trim(),
    leadTimeDays: values.leadTimeDays,
    validFrom: day(values.validFrom),
    validTo: day(values.validTo),
    labourCostPerUnit: values.labourCostPerUnit.trim(),
    overheadCostPerUnit: values.overheadCostPerUnit.trim(),
    notes: values.notes?.trim() ?? '',
    lines: values.lines.map((line, index) => ({
      position: index + 1,
      componentId: line.componentId as string,
      qty: (line.qty ?? '').trim(),
      scrapPct: line.scrapPct?.trim() || '0',
      substituteOfPosition: line.substituteOfPosition ?? null,
      ...(line.notes?.trim() ? { notes: line.notes.trim() } : {}),
    })),
  };
}

function LinesEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const lines: LineValues[] = Form.useWatch('lines', form) ?? [];
  const required = { required: true, message: t('catalog.common.required') };
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={`#${index + 1}`}
              extra={
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  danger
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                  aria-label={t('manufacturing.bom.removeLine')}
                />
              }
              data-testid={`bom-line-${index}`}
            >
              <Row gutter={8} align="top">
                <Col xs={24} md={8}>
                  <Form.Item
                    name={[field.name, 'componentId']}
                    label={t('manufacturing.production.component')}
                    rules={[required]}
                  >
                    <ProductSelect
                      initialLabel={lines[index]?.label}
                      data-testid={`bom-line-component-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[field.name, 'qty']}
                    label={t('manufacturing.common.qty')}
                    rules={[required, { pattern: QTY, message: t('catalog.common.decimalInvalid') }]}
                  >
                    <Input inputMode="decimal" data-testid={`bom-line-qty-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={3}>
                  <Form.Item
                    name={[field.name, 'scrapPct']}
                    label={t('manufacturing.bom.scrapPct')}
                    rules={[{ pattern: SCRAP, message: t('manufacturing.bom.scrapInvalid') }]}
                  >
                    <Input inputMode="decimal" suffix="%" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}>
                  <Form.Item
                    name={[field.name, 'substituteOfPosition']}
                    label={t('manufacturing.bom.substituteOf')}
                  >
                    <Select
                      allowClear
                      options={fields
                        .filter((other) => other.name !== field.name)
                        .map((other) => ({ value: other.name + 1, label: `#${other.name + 1}` }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[field.name, 'notes']} label={t('manufacturing.common.notes')}>
                    <Input maxLength={2000} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="bom-add-line">
            {t('manufacturing.bom.addLine')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

function BomForm({ bom, copy }: { bom?: Bom; copy?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const editing = Boolean(bom && !copy);
  const create = useCreateBom();
  const update = useUpdateBom(bom?.id ?? '');
  const save = editing ? update : create;
  const required = { required: true, message: t('catalog.common.required') };
  const submit = (values: Values) => {
    const input = toInput(values);
    if (editing && bom)
      update.mutate(
        { version: bom.version, ...input },
        { onSuccess: (saved) => navigate(`/manufacturing/boms/${saved.id}`) },
      );
    else
      create.mutate(
        // A new revision keeps the product; its code is the product's unless given.
        { productId: (values.productId ?? bom?.productId) as string, ...input },
        { onSuccess: (saved) => navigate(`/manufacturing/boms/${saved.id}`) },
      );
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues(bom)}
      onFinish={submit}
      requiredMark="optional"
    >
      {save.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="productId" label={t('manufacturing.common.product')} rules={[required]}>
              <ProductSelect
                disabled={Boolean(bom)}
                initialLabel={bom ? `${bom.sku} · ${bom.productName}` : undefined}
                data-testid="bom-product"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="code"
              label={t('manufacturing.bom.code')}
              extra={editing ? undefined : t('manufacturing.bom.codeHint')}
            >
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="outputQty"
              label={t('manufacturing.bom.outputQty')}
              rules={[required, { pattern: QTY, message: t('catalog.common.decimalInvalid') }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="leadTimeDays" label={t('manufacturing.bom.leadTime')} rules={[required]}>
              <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="validFrom" label={t('manufacturing.bom.validFrom')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="validTo" label={t('manufacturing.bom.validTo')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="labourCostPerUnit"
              label={t('manufacturing.bom.labourPerUnit')}
              rules={[{ pattern: COST, message: t('catalog.common.decimalInvalid') }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="overheadCostPerUnit"
              label={t('manufacturing.bom.overheadPerUnit')}
              rules={[{ pattern: COST, message: t('catalog.common.decimalInvalid') }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="notes" label={t('manufacturing.common.notes')}>
              <Input.TextArea rows={1} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Typography.Title level={5}>{t('manufacturing.bom.lines')}</Typography.Title>
      <LinesEditor />
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={() => navigate(bom ? `/manufacturing/boms/${bom.id}` : '/manufacturing/boms')}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="bom-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

function EditorShell({ title, back, children }: { title: string; back: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={back} style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('manufacturing.bom.back')}
      </Link>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </>
  );
}

/** A new BOM, or (`?from=<id>`) the next revision of a product's BOM, starting from that one's lines. */
export function NewBomPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const source = useBom(from);
  if (from && source.isPending) return <Skeleton active />;
  if (from && source.isError) return <Result status="warning" title={errorMessage(t, source.error)} />;
  return (
    <EditorShell
      title={from ? t('manufacturing.bom.newRevision') : t('manufacturing.bom.new')}
      back={from ? `/manufacturing/boms/${from}` : '/manufacturing/boms'}
    >
      <BomForm bom={source.data} copy />
    </EditorShell>
  );
}

/** Edit a draft BOM: header fields and all lines (they replace the old ones). */
export function EditBomPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const bom = useBom(id);
  if (bom.isPending) return <Skeleton active />;
  if (bom.isError) return <Result status="warning" title={errorMessage(t, bom.error)} />;
  return (
    <EditorShell
      title={t('manufacturing.bom.editTitle', { code: bom.data.code, revision: bom.data.revision })}
      back={`/manufacturing/boms/${id}`}
    >
      <BomForm bom={bom.data} />
    </EditorShell>
  );
}
