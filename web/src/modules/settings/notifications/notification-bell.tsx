import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../components/format.ts';
import { useMarkNotificationRead, useNotifications } from '../queries.ts';
import type { Notification } from '../types.ts';

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const items = notifications.data?.items ?? [];
  const unread = items.filter((item) => !item.readAt).length;

  const openItem = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
    if (item.link?.startsWith('/')) {
      setOpen(false);
      navigate(item.link);
    }
  };

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))', maxHeight: 420, overflow: 'auto' }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          dataSource={items}
          loading={notifications.isFetching && !notifications.data}
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
      title={t('notifications.title')}
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
