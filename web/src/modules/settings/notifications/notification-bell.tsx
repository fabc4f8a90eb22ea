import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { formatDateTime } from '../../../components/format.ts';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
  useUnreadCount,
} from '../queries.ts';
import type { Notification } from '../types.ts';

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount().data ?? 0;
  const notifications = useNotifications(open);
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  const items = notifications.data?.items ?? [];

  const openItem = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
    if (item.link?.startsWith('/')) {
      setOpen(false);
      navigate(item.link);
    }
  };

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))', maxHeight: 420, overflow: 'auto' }}>
      {notifications.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : notifications.isError ? (
        <Typography.Text type="danger">{errorMessage(t, notifications.error)}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              style={{ cursor: item.link ? 'pointer' : 'default', paddingInline: 4 }}
              onClick={() => openItem(item)}
              actions={
                item.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        type="link"
                        size="small"
                        onClick={(event) => {
                          event.stopPropagation();
                          markRead.mutate(item.id);
                        }}
                      >
                        {t('notifications.markRead')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Flex gap={6} align="center">
                    {item.readAt ? null : <Badge status="processing" />}
                    <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                  </Flex>
                }
                description={
                  <>
                    {item.body ? <div>{item.body}</div> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(item.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <Flex justify="space-between" align="center">
          {t('notifications.title')}
          {unread > 0 ? (
            <Button
              type="link"
              size="small"
              onClick={() => markAllRead.mutate()}
              loading={markAllRead.isPending}
            >
              {t('notifications.markAllRead')}
            </Button>
          ) : null}
        </Flex>
      }
      content={content}
      open={open}
      onOpenChange={setOpen}
    >
      <Button
        type="text"
        aria-label={t('notifications.open', { count: unread })}
        data-testid="notification-bell"
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
