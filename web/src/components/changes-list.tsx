import { ArrowRightOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldChange } from '../api/types.ts';

const MAX_LENGTH = 80;

function ValueText({ value, removed = false }: { value: unknown; removed?: boolean }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') {
    return <Typography.Text type="secondary">{t('common.emptyValue')}</Typography.Text>;
  }
  let text: string;
  if (typeof value === 'boolean') text = value ? t('common.yes') : t('common.no');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  const short = text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
  return (
    <Typography.Text delete={removed} type={removed ? 'secondary' : undefined} title={text}>
      {short}
    </Typography.Text>
  );
}

/** An audit row's changes, one line per field: `field: before → after`. */
export function ChangesList({ changes }: { changes: Record<string, FieldChange> | null | undefined }) {
  const { t } = useTranslation();
  const fields = Object.entries(changes ?? {});
  if (fields.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {fields.map(([field, change]) => (
        <Flex key={field} gap={6} align="baseline" wrap style={{ lineHeight: 1.6 }}>
          <Typography.Text code>{field}</Typography.Text>
          <ValueText value={change?.before} removed />
          <ArrowRightOutlined style={{ fontSize: 11, color: '#8c8c8c' }} />
          <ValueText value={change?.after} />
        </Flex>
      ))}
    </Flex>
  );
}
