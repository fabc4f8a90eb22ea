import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http, isApiError } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { queryClient } from '../../../app/query-client.ts';
import { DuplicateList } from '../shared/duplicate-list.tsx';
import type { Contact, Customer, DuplicateCandidate } from '../types.ts';
import { customerKey, useCustomerContacts } from './queries.ts';
import { downloadVcards, vcardErrorMessage } from './vcard.ts';
import { VcardImportModal } from './vcard-import-modal.tsx';

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
    // A failed check is shown beside the fields; it must not escape as an unhandled rejection.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
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

/** The customer's contacts (people), with "add contact" and vCard import and export. */
export function ContactsTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const customerId = customer.id;
  const contacts = useCustomerContacts(customerId);
  // A merged customer takes no new contacts (the server answers crm.customer_merged).
  const canCreate = useHasPermission('crm.contact.create') && !customer.mergedIntoId;
  const canMove = useHasPermission('crm.contact.update');
  const [dialog, setDialog] = useState<'add' | 'import' | null>(null);
  const [exporting, setExporting] = useState(false);
  const exportVcards = () => {
    setExporting(true);
    downloadVcards(customerId, `${customer.code || 'contacts'}.vcf`)
      .catch((err) => message.error(vcardErrorMessage(t, err)))
      .finally(() => setExporting(false));
  };
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
          loading={exporting}
          onClick={exportVcards}
          data-testid="vcard-export"
        >
          {t('crm.contacts.vcard')}
        </Button>
        {canCreate ? (
          <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="vcard-import">
            {t('crm.vcard.importButton')}
          </Button>
        ) : null}
        {canCreate ? (
          <Button icon={<PlusOutlined />} onClick={() => setDialog('add')}>
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
        data-testid="contacts-table"
      />
      <NewContactModal customerId={customerId} open={dialog === 'add'} onClose={() => setDialog(null)} />
      <VcardImportModal
        open={dialog === 'import'}
        customerId={customerId}
        customerName={customer.name}
        mayAttach={canMove}
        onClose={() => setDialog(null)}
      />
    </Flex>
  );
}
