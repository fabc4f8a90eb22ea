import { CalendarOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useRevokeCalendarFeed, useRotateCalendarFeed } from './queries.ts';

/**
 * "Subscribe to calendar": makes a private iCalendar URL and shows it once (the server keeps only
 * its hash); making a new one switches the old one off.
 */
export function CalendarFeedButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const rotate = useRotateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const url = rotate.data?.url;

  const close = () => {
    setOpen(false);
    rotate.reset(); // the URL is not kept anywhere once the dialog closes
  };

  return (
    <>
      <Button icon={<CalendarOutlined />} onClick={() => setOpen(true)} data-testid="calendar-feed">
        {t('crm.calendar.subscribe')}
      </Button>
      <Modal open={open} title={t('crm.calendar.title')} onCancel={close} footer={null} destroyOnHidden>
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('crm.calendar.explain')}</Typography.Paragraph>
          {url ? (
            <>
              <Alert type="warning" showIcon title={t('crm.calendar.shownOnce')} />
              <Typography.Paragraph
                copyable={{ text: url }}
                code
                style={{ wordBreak: 'break-all', margin: 0 }}
                data-testid="calendar-url"
              >
                {url}
              </Typography.Paragraph>
            </>
          ) : null}
          {rotate.isError ? <Alert type="error" showIcon title={errorMessage(t, rotate.error)} /> : null}
          <Flex gap={8} wrap justify="flex-end">
            <Button
              danger
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(undefined, {
                  onSuccess: () => {
                    rotate.reset();
                    message.success(t('crm.calendar.revoked'));
                  },
                  onError: (err) => message.error(errorMessage(t, err)),
                })
              }
            >
              {t('crm.calendar.revoke')}
            </Button>
            <Button type="primary" loading={rotate.isPending} onClick={() => rotate.mutate()}>
              {url ? t('crm.calendar.rotate') : t('crm.calendar.create')}
            </Button>
          </Flex>
        </Flex>
      </Modal>
    </>
  );
}
