import { CloseOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Input, Row, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '../../../api/types.ts';
import { useUserOptions } from '../queries.ts';

export type AuditFilterValues = Pick<AuditQuery, 'entity' | 'entityId' | 'userId' | 'from' | 'to'>;

interface Props {
  value: AuditFilterValues;
  onChange: (patch: Partial<AuditFilterValues>) => void;
  onReset: () => void;
}

/** Entity, user and date filters; dates are whole days in the browser's time zone. */
export function AuditFilters({ value, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const [entity, setEntity] = useState(value.entity ?? '');
  useEffect(() => setEntity(value.entity ?? ''), [value.entity]);

  const hasFilters = Object.values(value).some(Boolean);

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={12} lg={6}>
        <Input.Search
          allowClear
          value={entity}
          placeholder={t('audit.entityPlaceholder')}
          aria-label={t('audit.entity')}
          onChange={(event) => setEntity(event.target.value)}
          onSearch={(text) => onChange({ entity: text.trim() || undefined })}
        />
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          placeholder={t('audit.userPlaceholder')}
          aria-label={t('audit.actor')}
          loading={users.isPending}
          options={users.data ?? []}
          value={value.userId}
          onChange={(userId?: string) => onChange({ userId })}
        />
      </Col>
      <Col xs={12} sm={6} lg={4}>
        <DatePicker
          style={{ width: '100%' }}
          placeholder={t('audit.rangeStart')}
          value={value.from ? dayjs(value.from) : null}
          onChange={(day) => onChange({ from: day ? day.startOf('day').toISOString() : undefined })}
        />
      </Col>
      <Col xs={12} sm={6} lg={4}>
        <DatePicker
          style={{ width: '100%' }}
          placeholder={t('audit.rangeEnd')}
          value={value.to ? dayjs(value.to) : null}
          onChange={(day) => onChange({ to: day ? day.endOf('day').toISOString() : undefined })}
        />
      </Col>
      <Col xs={24} sm={12} lg={4}>
        <Button block onClick={onReset} disabled={!hasFilters}>
          {t('common.reset')}
        </Button>
      </Col>
      {value.entityId ? (
        <Col span={24}>
          <Tag closable closeIcon={<CloseOutlined />} onClose={() => onChange({ entityId: undefined })}>
            {t('audit.entityId')}: {value.entityId}
          </Tag>
        </Col>
      ) : null}
    </Row>
  );
}
