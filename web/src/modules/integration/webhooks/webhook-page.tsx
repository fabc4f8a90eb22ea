import {
  App,
  Button,
  Descriptions,
  Flex,
  Popconfirm,
  Segmented,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { AttemptLog, DeliveryStateTag, LoadMore, WebhookStateTag } from './parts.tsx';
import {
  useDeleteWebhook,
  useDeliveries,
  useReplay,
  useReplayDead,
  useRotateSecret,
  useUpdateWebhook,
  useWebhook,
} from './queries.ts';
import { SecretModal } from './secret-modal.tsx';
import type { Delivery, DeliveryState } from './types.ts';
import { WebhookForm } from './webhook-form.tsx';

/** One webhook: its settings, on/off, secret rotation, and the delivery log with replay. */
export function WebhookPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = useParams().id ?? '';
  const hook = useWebhook(id);
  const [state, setState] = useState<DeliveryState | 'all'>('all');
  const deliveries = useDeliveries(id, state === 'all' ? undefined : state);
  const update = useUpdateWebhook(id);
  const rotate = useRotateSecret(id);
  const replay = useReplay();
  const replayDead = useReplayDead(id);
  const remove = useDeleteWebhook();
  const canManage = useHasPermission('integration.webhook.manage');
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const fail = (err: unknown) => void message.error(errorMessage(t, err));
  const w = hook.data;
  const columns: TableColumnsType<Delivery> = [
    { title: t('webhooks.event'), dataIndex: 'eventType', render: (x: string) => <Tag>{x}</Tag> },
    {
      title: t('webhooks.stateLabel'),
      dataIndex: 'state',
      render: (s: DeliveryState) => <DeliveryStateTag state={s} />,
    },
    { title: t('webhooks.attempts'), dataIndex: 'attempts', align: 'right', responsive: ['sm'] },
    {
      title: t('webhooks.lastStatus'),
      dataIndex: 'lastStatus',
      responsive: ['md'],
      render: (s: number | null, d) => s ?? d.lastError ?? '—',
    },
    { title: t('webhooks.created'), dataIndex: 'createdAt', responsive: ['md'], render: formatDateTime },
    {
      key: 'replay',
      render: (_: unknown, d) =>
        canManage ? (
          <Button
            size="small"
            disabled={w?.state !== 'active'}
            onClick={() =>
              replay.mutate(
                { webhookId: id, id: d.id },
                { onSuccess: () => void message.success(t('webhooks.replayed')), onError: fail },
              )
            }
          >
            {t('webhooks.replay')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('webhooks.one')}
        subtitle={w?.url}
        extra={
          canManage && w ? (
            <>
              <Button onClick={() => setEditing(true)}>{t('webhooks.edit')}</Button>
              <Popconfirm
                title={t('webhooks.rotateConfirm')}
                onConfirm={() =>
                  rotate.mutate(undefined, { onSuccess: (r) => setSecret(r.secret), onError: fail })
                }
              >
                <Button loading={rotate.isPending}>{t('webhooks.rotate')}</Button>
              </Popconfirm>
              <Button
                disabled={w.state !== 'active'}
                onClick={() =>
                  replayDead.mutate(undefined, {
                    onSuccess: (r) =>
                      void message.success(t('webhooks.replayedCount', { count: r.replayed })),
                    onError: fail,
                  })
                }
              >
                {t('webhooks.replayDead')}
              </Button>
              <Popconfirm
                title={t('webhooks.deleteConfirm')}
                onConfirm={() =>
                  remove.mutate(id, { onSuccess: () => navigate('/integration/webhooks'), onError: fail })
                }
              >
                <Button danger>{t('webhooks.delete')}</Button>
              </Popconfirm>
            </>
          ) : null
        }
      />
      {w ? (
        <ContentCard>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'state',
                label: t('webhooks.stateLabel'),
                children: (
                  <Flex gap={8} align="center">
                    <WebhookStateTag state={w.state} />
                    {canManage ? (
                      <Switch
                        checked={w.state === 'active'}
                        loading={update.isPending}
                        onChange={(active) =>
                          update.mutate({ version: w.version, active }, { onError: fail })
                        }
                      />
                    ) : null}
                  </Flex>
                ),
              },
              { key: 'streak', label: t('webhooks.streak'), children: w.failureStreak },
              {
                key: 'types',
                label: t('webhooks.eventTypes'),
                children: w.eventTypes.map((x) => (x === '*' ? t('webhooks.allEvents') : x)).join(', '),
              },
              {
                key: 'filter',
                label: t('webhooks.filter'),
                children: w.filter ? `${w.filter.field} = ${JSON.stringify(w.filter.equals)}` : '—',
              },
              { key: 'secret', label: t('webhooks.secret'), children: w.secretHint },
              { key: 'reason', label: t('webhooks.disabledReason'), children: w.disabledReason ?? '—' },
            ]}
          />
        </ContentCard>
      ) : null}
      <ContentCard>
        <Segmented
          value={state}
          onChange={(v) => setState(v as DeliveryState | 'all')}
          options={(['all', 'pending', 'succeeded', 'dead'] as const).map((s) => ({
            value: s,
            label: s === 'all' ? t('webhooks.all') : t(`webhooks.deliveryState.${s}`),
          }))}
          style={{ marginBottom: 12 }}
        />
        <Table
          rowKey="id"
          data-testid="webhook-deliveries"
          columns={columns}
          dataSource={flattenPages(deliveries.data)}
          loading={deliveries.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (d) => <AttemptLog webhookId={id} deliveryId={d.id} /> }}
        />
        <LoadMore
          more={deliveries.hasNextPage}
          loading={deliveries.isFetchingNextPage}
          onClick={() => void deliveries.fetchNextPage()}
        />
      </ContentCard>
      {w ? (
        <WebhookForm
          open={editing}
          initial={{ url: w.url, eventTypes: w.eventTypes, description: w.description, filter: w.filter }}
          busy={update.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={(input) =>
            update.mutate(
              { ...input, version: w.version },
              { onSuccess: () => setEditing(false), onError: fail },
            )
          }
        />
      ) : null}
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}
