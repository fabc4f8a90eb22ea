import { Button, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
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

/**
 * The attempts of one delivery, oldest first: when, the answer or the error, how long. Numbered by position:
 * the server's attempt counter starts again after a replay. A plain list, so it wraps at phone width.
 */
export function AttemptLog({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) {
  const { t } = useTranslation();
  const detail = useDelivery(webhookId, deliveryId);
  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  const log = detail.data?.log ?? [];
  if (log.length === 0) return <Empty description={t('webhooks.noAttempts')} />;
  return (
    <Flex vertical gap={8} style={{ width: 0, minWidth: '100%' }}>
      {log.map((a, i) => (
        <div key={a.createdAt} data-testid="attempt" style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text type="secondary">
            #{i + 1} · {formatDateTime(a.createdAt)} · {a.durationMs} ms{' '}
          </Typography.Text>
          {a.statusCode !== null ? (
            <Tag color={a.statusCode < 300 ? 'green' : 'red'}>HTTP {a.statusCode}</Tag>
          ) : null}
          {a.error ? <Typography.Text type="danger">{a.error}</Typography.Text> : null}
          {a.responseExcerpt ? (
            <Typography.Paragraph code ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
              {a.responseExcerpt}
            </Typography.Paragraph>
          ) : null}
        </div>
      ))}
    </Flex>
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
