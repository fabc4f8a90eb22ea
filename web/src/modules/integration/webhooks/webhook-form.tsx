import { Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEventTypes } from './queries.ts';
import type { WebhookInput } from './types.ts';

interface Values {
  url: string;
  eventTypes: string[];
  description?: string;
  filterField?: string;
  filterEquals?: string;
}

/** Create or edit a subscription: URL, event types (or all), an optional "payload field equals" filter. */
export function WebhookForm({
  open,
  initial,
  busy,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  initial?: WebhookInput;
  busy: boolean;
  onSubmit: (input: WebhookInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const types = useEventTypes();
  const options = [
    { value: '*', label: t('webhooks.allEvents') },
    ...(types.data?.items ?? []).map((e) => ({ value: e.type, label: `${e.type} — ${e.description}` })),
  ];
  const submit = (v: Values) =>
    onSubmit({
      url: v.url.trim(),
      eventTypes: v.eventTypes,
      description: v.description?.trim() ?? '',
      filter: v.filterField ? { field: v.filterField.trim(), equals: v.filterEquals ?? '' } : null,
    });
  return (
    <Modal
      open={open}
      title={initial ? t('webhooks.edit') : t('webhooks.new')}
      okText={t('common.save')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          url: initial?.url,
          eventTypes: initial?.eventTypes ?? ['*'],
          description: initial?.description,
          filterField: initial?.filter?.field,
          filterEquals: initial?.filter?.equals === undefined ? undefined : String(initial.filter?.equals),
        }}
      >
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          rules={[{ required: true, type: 'url' }]}
          extra={t('webhooks.urlHint')}
        >
          <Input placeholder="https://example.com/hooks/tandem" data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="eventTypes" label={t('webhooks.eventTypes')} rules={[{ required: true }]}>
          <Select mode="multiple" options={options} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.description')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label={t('webhooks.filter')} extra={t('webhooks.filterHint')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="filterField" noStyle>
              <Input style={{ width: '50%' }} placeholder="customerId" />
            </Form.Item>
            <Form.Item name="filterEquals" noStyle>
              <Input style={{ width: '50%' }} placeholder={t('webhooks.filterValue')} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
