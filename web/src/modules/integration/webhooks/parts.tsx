import { Button, Descriptions, Empty, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format.ts';
import { useDelivery } from './queries.ts';
import type { DeliveryState, WebhookState } from './types.ts';

const DELIVERY_COLOR: Record<DeliveryState, string> = { pending: 'blue', succeeded: 'green', dead: 'red' };

export function DeliveryStateTag({ state }: { state: DeliveryState }) {
  const { t } = useTranslation();
  return <Tag color={DELIVERY_COLOR[state]}>{t(`webhooks.deliveryState.${state}`)}</Tag>;
}

export function WebhookStateTag({ state }: { state: WebhookState }) {
  const { t } = useTranslation();
  return <Tag color={state === 'active' ? 'green' : 'default'}>{t(`webhooks.state.${state}`)}</Tag>;
}

/** The attempts of one delivery: when, the answer or the error, how long. */
export function AttemptLog({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) {
  const { t } = useTranslation();
  const detail = useDelivery(webhookId, deliveryId);
  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  const log = detail.data?.log ?? [];
  if (log.length === 0) return <Empty description={t('webhooks.noAttempts')} />;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={log.map((a) => ({
        key: String(a.attempt),
        label: `#${a.attempt} · ${formatDateTime(a.createdAt)}`,
        children: (
          <span data-testid="attempt">
            {a.statusCode !== null ? (
              <Tag color={a.statusCode < 300 ? 'green' : 'red'}>HTTP {a.statusCode}</Tag>
            ) : null}
            {a.error ? <Typography.Text type="danger">{a.error}</Typography.Text> : null}
            <Typography.Text type="secondary"> · {a.durationMs} ms</Typography.Text>
            {a.responseExcerpt ? (
              <Typography.Paragraph code ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                {a.responseExcerpt}
              </Typography.Paragraph>
            ) : null}
          </span>
        ),
      }))}
    />
  );
}

export function LoadMore({
  more,
  loading,
  onClick,
}: {
  more: boolean;
  loading: boolean;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  if (!more) return null;
  return (
    <Button block loading={loading} onClick={onClick} style={{ marginTop: 12 }}>
      {t('common.loadMore')}
    </Button>
  );
}
