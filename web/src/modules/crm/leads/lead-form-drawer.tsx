import { Alert, Button, Drawer, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { DictionarySelect } from '../shared/dictionary.tsx';
import type { Lead, LeadInput } from '../types.ts';
import { useCreateLead } from './queries.ts';

/** New lead by hand: who, which company, how to reach them, where it came from. */
export function LeadFormDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (lead: Lead) => void;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [form] = Form.useForm();
  const create = useCreateLead();

  const submit = async () => {
    // antd shows the field errors itself; a rejected check must not become an unhandled rejection.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const input: LeadInput = {
      contactName: values.contactName.trim(),
      companyName: values.companyName?.trim() ?? '',
      phone: values.phone?.trim() ?? '',
      email: values.email?.trim() || null,
      regionCode: values.regionCode?.trim().toUpperCase() || null,
      sourceCode: values.sourceCode ?? null,
      message: values.message ?? '',
    };
    create.mutate(input, {
      onSuccess: (lead) => {
        form.resetFields();
        onCreated(lead);
      },
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('crm.leads.newTitle')}
      size={isPhone ? '100%' : 520}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending} data-testid="lead-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {create.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, create.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item
          name="contactName"
          label={t('crm.leads.contactName')}
          rules={[{ required: true, whitespace: true, message: t('crm.common.required') }]}
        >
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="companyName" label={t('crm.leads.companyName')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('crm.leads.phone')}>
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('crm.leads.email')}
          rules={[{ type: 'email', message: t('crm.common.emailInvalid') }]}
        >
          <Input maxLength={254} inputMode="email" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('crm.leads.region')}
          extra={t('crm.leads.regionHint')}
          rules={[
            { pattern: /^[A-Za-z]{2}(-[A-Za-z0-9]{1,3}){0,2}$/, message: t('crm.leads.regionInvalid') },
          ]}
        >
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item name="sourceCode" label={t('crm.leads.source')}>
          <DictionarySelect name="lead_source" />
        </Form.Item>
        <Form.Item name="message" label={t('crm.leads.message')}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
