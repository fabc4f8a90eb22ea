import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Empty, Flex, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenPages, useAuditLog } from '../api/audit-log.ts';
import { errorMessage } from '../api/errors.ts';
import { ActionTag, ActorName } from './audit-display.tsx';
import { ChangesList } from './changes-list.tsx';
import { formatDateTime } from './format.ts';
import { useIsPhone } from './use-is-phone.ts';

interface RecordRef {
  /** Audit entity name, as the server writes it (e.g. `user`, `sales_order`). */
  entity: string;
  entityId: string;
}

/** Who changed this record, when, and what: a timeline over GET /audit-log?entity=&entityId=. */
export function RecordHistoryTimeline({
  entity,
  entityId,
  enabled = true,
}: RecordRef & { enabled?: boolean }) {
  const { t } = useTranslation();
  const history = useAuditLog({ entity, entityId }, enabled);
  const entries = flattenPages(history.data);

  if (history.isPending) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (history.isError) return <Alert type="error" showIcon title={errorMessage(t, history.error)} />;
  if (entries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;

  return (
    <Flex vertical gap={8}>
      <Timeline
        items={entries.map((entry) => ({
          key: entry.id,
          color: entry.action.endsWith('delete') ? 'red' : entry.action.endsWith('create') ? 'green' : 'blue',
          content: (
            <Flex vertical gap={4}>
              <Flex gap={8} align="center" wrap>
                <ActionTag action={entry.action} />
                <ActorName actor={entry.actor} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(entry.at)}
                </Typography.Text>
              </Flex>
              <ChangesList changes={entry.changes} />
              {entry.reason ? <Typography.Text type="secondary">{entry.reason}</Typography.Text> : null}
            </Flex>
          ),
        }))}
      />
      {history.hasNextPage ? (
        <Button onClick={() => history.fetchNextPage()} loading={history.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
}

/** A "History" button that opens the record's change history in a drawer; put it on every record page. */
export function RecordHistory({ entity, entityId }: RecordRef) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<HistoryOutlined />} onClick={() => setOpen(true)} data-testid="record-history">
        {t('history.button')}
      </Button>
      <Drawer
        title={t('history.title')}
        open={open}
        onClose={() => setOpen(false)}
        size={isPhone ? '100%' : 480}
        destroyOnHidden
      >
        <RecordHistoryTimeline entity={entity} entityId={entityId} enabled={open} />
      </Drawer>
    </>
  );
}
