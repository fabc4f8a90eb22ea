import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http, isApiError } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { queryClient } from '../../../app/query-client.ts';
import { DuplicateList } from '../shared/duplicate-list.tsx';
import type { Contact, DuplicateCandidate } from '../types.ts';
import { customerKey, useCustomerContacts } from './queries.ts';

const CHANNELS = ['phone', 'email', 'wechat', 'visit', 'sms'] as const;

interface ContactValues {
  name: string;
  title?: string;
  phone?: string;
  email?: string;
  wechat?: string;
  preferredChannel?: string;
}

function NewContactModal({
  customerId,
  open,
  onClose,
}: {
  customerId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContactValues>();
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => http.post<Contact>('/contacts', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKey(customerId) }),
  });

  const submit = async (ignoreDuplicates: boolean) => {
    const values = await form.validateFields();
    const body = {
      customerId,
      name: values.name.trim(),
      title: values.title?.trim() ?? '',
      phones: values.phone?.trim() ? [values.phone.trim()] : [],
      email: values.email?.trim() || null,
      wechat: values.wechat?.trim() || null,
      preferredChannel: values.preferredChannel ?? null,
      ignoreDuplicates,
    };
    create.mutate(body, {
      onSuccess: () => {
        setCandidates(null);
        form.resetFields();
        onClose();
      },
      onError: (err) => {
        if (isApiError(err) && err.code === 'crm.duplicate_suspected')
          setCandidates((err.details.candidates as DuplicateCandidate[] | undefined) ?? []);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('crm.contacts.newTitle')}
      onCancel={() => {
        setCandidates(null);
        create.reset();
        onClose();
      }}
      onOk={() => submit(candidates !== null)}
      okText={candidates ? t('crm.duplicates.createAnyway') : t('common.save')}
      okButtonProps={{ danger: candidates !== null }}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {candidates ? (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Alert type="warning" showIcon title={t('crm.duplicates.suspected')} />
          <DuplicateList candidates={candidates} />
        </Flex>
      ) : null}
      {create.isError && !candidates ? (
        <Alert type="error" showIcon title={errorMessage(t, create.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" onValuesChange={() => candidates && setCandidates(null)}>
        <Form.Item
          name="name"
          label={t('crm.contacts.name')}
          rules={[{ required: true, whitespace: true, message: t('crm.common.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label={t('crm.contacts.role')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('crm.contacts.phone')}>
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('crm.contacts.email')}
          rules={[{ type: 'email', message: t('crm.common.emailInvalid') }]}
        >
          <Input maxLength={254} inputMode="email" />
        </Form.Item>
        <Form.Item name="wechat" label={t('crm.contacts.wechat')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="preferredChannel" label={t('crm.contacts.preferredChannel')}>
          <Select
            allowClear
            options={CHANNELS.map((value) => ({ value, label: t(`crm.channel.${value}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The customer's contacts (people), with "add contact". */
export function ContactsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const contacts = useCustomerContacts(customerId);
  const canCreate = useHasPermission('crm.contact.create');
  const [adding, setAdding] = useState(false);
  const columns: TableColumnsType<Contact> = [
    { title: t('crm.contacts.name'), dataIndex: 'name' },
    {
      title: t('crm.contacts.role'),
      dataIndex: 'title',
      render: (title?: string) => title || t('common.none'),
    },
    {
      title: t('crm.contacts.phone'),
      dataIndex: 'phones',
      render: (phones?: string[]) => phones?.join(', ') || t('common.none'),
    },
    {
      title: t('crm.contacts.email'),
      dataIndex: 'email',
      render: (email?: string | null) => email || t('common.none'),
    },
    {
      title: t('crm.contacts.preferredChannel'),
      dataIndex: 'preferredChannel',
      responsive: ['md'],
      render: (channel?: string | null) =>
        channel ? t(`crm.channel.${channel}`, { defaultValue: channel }) : t('common.none'),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end" gap={8} wrap>
        <Button
          icon={<DownloadOutlined />}
          href={`/api/v1/contacts/export.vcf?customerId=${encodeURIComponent(customerId)}`}
        >
          {t('crm.contacts.vcard')}
        </Button>
        {canCreate ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('crm.contacts.new')}
          </Button>
        ) : null}
      </Flex>
      {contacts.isError ? <Alert type="error" showIcon title={errorMessage(t, contacts.error)} /> : null}
      <Table<Contact>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={contacts.data?.items ?? []}
        loading={contacts.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <NewContactModal customerId={customerId} open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}
