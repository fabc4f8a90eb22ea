import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useSession } from '../../../app/auth/session.tsx';
import { CustomerSelect } from '../shared/customer-select.tsx';
import { useCreateOpportunity } from './queries.ts';

interface Values {
  name: string;
  customerId: string;
  amount?: string;
  expectedCloseDate?: Dayjs | null;
}

/** A new opportunity for a customer, in the first stage of the pipeline. */
export function NewOpportunityModal({
  open,
  onClose,
  pipelineId,
}: {
  open: boolean;
  onClose: () => void;
  pipelineId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateOpportunity();
  const currency = useSession().company.currency;
  const submit = async () => {
    // antd shows the field errors itself; a rejected check must not become an unhandled rejection.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    create.mutate(
      {
        name: values.name.trim(),
        customerId: values.customerId,
        amount: values.amount?.trim() || '0',
        currency,
        expectedCloseDate: values.expectedCloseDate ? values.expectedCloseDate.format('YYYY-MM-DD') : null,
        ...(pipelineId ? { pipelineId } : {}),
      },
      {
        onSuccess: () => {
          form.resetFields();
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('crm.pipeline.newTitle')}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      destroyOnHidden
    >
      {create.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, create.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('crm.pipeline.opportunityName')}
          rules={[{ required: true, whitespace: true, message: t('crm.common.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="customerId"
          label={t('crm.pipeline.customer')}
          rules={[{ required: true, message: t('crm.common.required') }]}
        >
          <CustomerSelect placeholder={t('crm.customers.searchPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('crm.pipeline.amount')}
          rules={[{ pattern: /^\d{1,16}(\.\d{1,2})?$/, message: t('crm.common.moneyInvalid') }]}
        >
          <Input inputMode="decimal" prefix={currency} />
        </Form.Item>
        <Form.Item name="expectedCloseDate" label={t('crm.pipeline.expectedClose')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
