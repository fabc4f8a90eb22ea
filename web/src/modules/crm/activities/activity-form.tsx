import { Alert, DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { ACTIVITY_KINDS, type ActivityInput, type ActivityKind } from '../types.ts';
import { useLogActivity } from './queries.ts';

export interface ActivityLinks {
  customerId?: string;
  leadId?: string;
  opportunityId?: string;
  contactId?: string;
}

interface Values {
  kind: ActivityKind;
  subject: string;
  body?: string;
  when?: Dayjs | null;
  done?: boolean;
}

/** Tasks, meetings and visits are usually planned ahead; calls, emails and notes are logged after the fact. */
function isPlanned(kind: ActivityKind): boolean {
  return kind === 'task' || kind === 'meeting' || kind === 'visit';
}

/** Log a call, meeting, visit, email, note or task, linked to whatever the page is about. */
export function ActivityFormModal({
  open,
  onClose,
  links,
  defaultKind = 'call',
}: {
  open: boolean;
  onClose: () => void;
  links: ActivityLinks;
  defaultKind?: ActivityKind;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const log = useLogActivity();
  const kind = Form.useWatch('kind', form) ?? defaultKind;
  const scheduled = kind === 'meeting' || kind === 'visit';

  const submit = async () => {
    // antd shows the field errors itself; a rejected check must not become an unhandled rejection.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const when = values.when ? values.when.toISOString() : null;
    const input: ActivityInput = {
      kind: values.kind,
      subject: values.subject.trim(),
      body: values.body ?? '',
      ...links,
      // A task is due at the time; a meeting or visit starts at it; a call or note just happened.
      dueAt: values.kind === 'task' ? when : null,
      startsAt: scheduled ? when : null,
      done: Boolean(values.done),
    };
    log.mutate(input, {
      onSuccess: () => {
        form.resetFields();
        onClose();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('crm.activities.logTitle')}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={log.isPending}
      onCancel={() => {
        log.reset();
        onClose();
      }}
      destroyOnHidden
      data-testid="activity-form"
    >
      {log.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, log.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: defaultKind, done: !isPlanned(defaultKind) }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) form.setFieldValue('done', !isPlanned(changed.kind));
        }}
      >
        <Form.Item name="kind" label={t('crm.activities.kind')}>
          <Select
            options={ACTIVITY_KINDS.map((value) => ({ value, label: t(`crm.activityKind.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('crm.activities.subject')}
          rules={[{ required: true, whitespace: true, message: t('crm.common.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('crm.activities.body')}>
          <Input.TextArea rows={3} maxLength={10_000} />
        </Form.Item>
        {kind === 'task' || scheduled ? (
          <Form.Item
            name="when"
            label={t(kind === 'task' ? 'crm.activities.dueAt' : 'crm.activities.startsAt')}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item name="done" label={t('crm.activities.alreadyDone')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
