import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { LoadMore, WebhookStateTag } from './parts.tsx';
import { useCreateWebhook, useWebhooks } from './queries.ts';
import { SecretModal } from './secret-modal.tsx';
import type { Webhook } from './types.ts';
import { WebhookForm } from './webhook-form.tsx';

/** The company's webhook subscriptions; "new webhook" shows the signing secret once. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useWebhooks();
  const create = useCreateWebhook();
  const canManage = useHasPermission('integration.webhook.manage');
  const [formOpen, setFormOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const columns: TableColumnsType<Webhook> = [
    {
      title: t('webhooks.url'),
      dataIndex: 'url',
      render: (url: string, w) => (
        <span>
          <Link to={`/integration/webhooks/${w.id}`} style={{ wordBreak: 'break-all' }}>
            {url}
          </Link>
          {w.description ? (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {w.description}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('webhooks.eventTypes'),
      dataIndex: 'eventTypes',
      responsive: ['md'],
      render: (types: string[]) =>
        types.map((x) => <Tag key={x}>{x === '*' ? t('webhooks.allEvents') : x}</Tag>),
    },
    {
      title: t('webhooks.stateLabel'),
      dataIndex: 'state',
      render: (s: Webhook['state']) => <WebhookStateTag state={s} />,
    },
    { title: t('webhooks.streak'), dataIndex: 'failureStreak', responsive: ['sm'], align: 'right' },
  ];
  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        subtitle={t('webhooks.subtitle')}
        extra={
          <>
            <Link to="/integration/webhooks/dead-letters">
              <Button>{t('webhooks.deadLetters')}</Button>
            </Link>
            <Link to="/integration/events">
              <Button>{t('webhooks.events')}</Button>
            </Link>
            {canManage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setFormOpen(true)}
                data-testid="webhook-new"
              >
                {t('webhooks.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ContentCard>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={flattenPages(list.data)}
          loading={list.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        <LoadMore
          more={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        />
      </ContentCard>
      <WebhookForm
        open={formOpen}
        busy={create.isPending}
        onCancel={() => setFormOpen(false)}
        onSubmit={(input) =>
          create.mutate(input, {
            onSuccess: (made) => {
              setFormOpen(false);
              setSecret(made.secret);
            },
            onError: (err) => void message.error(errorMessage(t, err)),
          })
        }
      />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}
