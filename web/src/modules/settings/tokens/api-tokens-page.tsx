import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useSession } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import {
  type ApiToken,
  type NewApiToken,
  useApiTokens,
  useCreateApiToken,
  useRevokeApiToken,
} from './queries.ts';

const EXPIRY_DAYS = [30, 90, 365] as const;

function stateOf(token: ApiToken): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() < Date.now()) return 'expired';
  return 'active';
}

/**
 * The signed-in person's API tokens for integrations: a token acts as its owner with one of their roles,
 * optionally narrowed to scopes (permission patterns), and is limited per minute (429 beyond). The secret
 * is shown once, right after creation.
 */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const list = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [formOpen, setFormOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; scopes: string[]; expiry: number | 'never' }>();

  const scopeOptions = session.permissions.map((p) => ({ value: p, label: p }));
  const columns: TableColumnsType<ApiToken> = [
    {
      title: t('apiTokens.name'),
      dataIndex: 'name',
      render: (name: string, token) => (
        <span>
          {name}
          <Typography.Text type="secondary" code style={{ display: 'block' }}>
            {token.prefix}…
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('apiTokens.scopes'),
      dataIndex: 'scopes',
      responsive: ['md'],
      render: (scopes: string[] | null) =>
        scopes ? scopes.map((s) => <Tag key={s}>{s}</Tag>) : t('apiTokens.allOfRole'),
    },
    {
      title: t('apiTokens.lastUsed'),
      dataIndex: 'lastUsedAt',
      responsive: ['sm'],
      render: (at: string | null) => (at ? formatDateTime(at) : t('apiTokens.never')),
    },
    {
      title: t('apiTokens.expires'),
      dataIndex: 'expiresAt',
      responsive: ['lg'],
      render: (at: string | null) => (at ? formatDateTime(at) : t('apiTokens.never')),
    },
    {
      title: t('apiTokens.stateLabel'),
      key: 'state',
      render: (_, token) => {
        const state = stateOf(token);
        return <Tag color={state === 'active' ? 'green' : 'default'}>{t(`apiTokens.state.${state}`)}</Tag>;
      },
    },
    {
      key: 'actions',
      render: (_, token) =>
        stateOf(token) === 'active' ? (
          <Popconfirm
            title={t('apiTokens.revokeConfirm')}
            onConfirm={() =>
              revoke.mutate(token.id, {
                onSuccess: () => void message.success(t('apiTokens.revoked')),
                onError: (err) => void message.error(errorMessage(t, err)),
              })
            }
          >
            <Button danger size="small" data-testid={`token-revoke-${token.name}`}>
              {t('apiTokens.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  const submit = (values: { name: string; scopes: string[]; expiry: number | 'never' }) => {
    const input: NewApiToken = { name: values.name };
    if (values.scopes?.length) input.scopes = values.scopes;
    if (values.expiry !== 'never') input.expiresInDays = values.expiry;
    create.mutate(input, {
      onSuccess: (made) => {
        setFormOpen(false);
        form.resetFields();
        setSecret(made.token);
      },
      onError: (err) => void message.error(errorMessage(t, err)),
    });
  };

  return (
    <>
      <PageHeader
        title={t('apiTokens.title')}
        subtitle={t('apiTokens.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormOpen(true)}
            data-testid="token-new"
          >
            {t('apiTokens.new')}
          </Button>
        }
      />
      <ContentCard>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('apiTokens.usage')}
        </Typography.Paragraph>
      </ContentCard>
      <Modal
        open={formOpen}
        title={t('apiTokens.new')}
        okText={t('apiTokens.create')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setFormOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ scopes: [], expiry: 90 }}>
          <Form.Item
            name="name"
            label={t('apiTokens.name')}
            rules={[{ required: true, max: 100, whitespace: true }]}
          >
            <Input placeholder={t('apiTokens.namePlaceholder')} data-testid="token-name" />
          </Form.Item>
          <Form.Item name="scopes" label={t('apiTokens.scopes')} extra={t('apiTokens.scopesHint')}>
            <Select
              mode="tags"
              options={scopeOptions}
              tokenSeparators={[',', ' ']}
              data-testid="token-scopes"
            />
          </Form.Item>
          <Form.Item name="expiry" label={t('apiTokens.expires')}>
            <Select
              options={[
                ...EXPIRY_DAYS.map((d) => ({ value: d, label: t('apiTokens.days', { count: d }) })),
                { value: 'never', label: t('apiTokens.never') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={secret !== null}
        title={t('apiTokens.secretTitle')}
        onOk={() => setSecret(null)}
        onCancel={() => setSecret(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon title={t('apiTokens.secretOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph code copyable data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
          {secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
