import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/session.tsx';
import { OwnerSelect } from '../shared/owner-select.tsx';
import { CUSTOMER_STATUSES, type CustomerListFilters } from '../types.ts';
import { useSavedViews } from './saved-views.ts';

interface Props {
  value: CustomerListFilters;
  onChange: (patch: Partial<CustomerListFilters>) => void;
  onReplace: (filters: CustomerListFilters) => void;
}

const FULL = { width: '100%' } as const;

function SaveViewButton({ onSave }: { onSave: (name: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  return (
    <>
      <Button icon={<SaveOutlined />} onClick={() => setOpen(true)} data-testid="save-view">
        {t('crm.customers.saveView')}
      </Button>
      <Modal
        open={open}
        title={t('crm.customers.saveView')}
        okButtonProps={{ disabled: !name.trim() }}
        onOk={() => {
          onSave(name.trim());
          setOpen(false);
          setName('');
        }}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Input
          autoFocus
          value={name}
          maxLength={60}
          placeholder={t('crm.customers.viewName')}
          onChange={(event) => setName(event.target.value)}
        />
      </Modal>
    </>
  );
}

/** Search, status, owner, tag and pool filters, plus named views kept in this browser. */
export function CustomerFilters({ value, onChange, onReplace }: Props) {
  const { t } = useTranslation();
  const { user, company } = useSession();
  const saved = useSavedViews(user.id, company.id);
  const [current, setCurrent] = useState<string | undefined>();

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        defaultValue={value.q}
        key={value.q ?? ''}
        placeholder={t('crm.customers.searchPlaceholder')}
        enterButton={t('common.search')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ maxWidth: 520 }}
        data-testid="customer-search"
      />
      <Flex gap={8} wrap>
        <Select
          allowClear
          placeholder={t('crm.customers.status')}
          value={value.status}
          onChange={(status) => onChange({ status })}
          options={CUSTOMER_STATUSES.map((status) => ({
            value: status,
            label: t(`crm.customerStatus.${status}`),
          }))}
          style={{ minWidth: 120, flex: '1 1 120px', maxWidth: 180 }}
        />
        <OwnerSelect
          placeholder={t('crm.customers.owner')}
          value={value.ownerUserId}
          onChange={(ownerUserId) => onChange({ ownerUserId })}
          style={{ minWidth: 140, flex: '1 1 140px', maxWidth: 240 }}
        />
        <Input
          allowClear
          placeholder={t('crm.customers.tag')}
          defaultValue={value.tag}
          key={`tag-${value.tag ?? ''}`}
          onPressEnter={(event) => onChange({ tag: event.currentTarget.value.trim() || undefined })}
          onBlur={(event) => onChange({ tag: event.currentTarget.value.trim() || undefined })}
          style={{ minWidth: 110, flex: '1 1 110px', maxWidth: 160 }}
        />
        <Select
          allowClear
          placeholder={t('crm.customers.pool')}
          value={value.pool}
          onChange={(pool) => onChange({ pool })}
          options={[
            { value: 'true', label: t('crm.customers.inPool') },
            { value: 'false', label: t('crm.customers.owned') },
          ]}
          style={{ minWidth: 110, flex: '1 1 110px', maxWidth: 160 }}
        />
      </Flex>
      <Flex gap={8} wrap align="center">
        <Select
          allowClear
          placeholder={t('crm.customers.savedViews')}
          value={current}
          onChange={(name?: string) => {
            setCurrent(name);
            const view = saved.views.find((item) => item.name === name);
            onReplace(view ? view.filters : {});
          }}
          options={saved.views.map((view) => ({ value: view.name, label: view.name }))}
          notFoundContent={t('crm.customers.noSavedViews')}
          style={{ ...FULL, maxWidth: 220, flex: '1 1 160px' }}
          data-testid="saved-views"
        />
        <SaveViewButton
          onSave={(name) => {
            saved.save(name, value);
            setCurrent(name);
          }}
        />
        {current ? (
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('crm.customers.deleteView')}
            onClick={() => {
              saved.remove(current);
              setCurrent(undefined);
            }}
          />
        ) : null}
        <Button
          onClick={() => {
            setCurrent(undefined);
            onReplace({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
    </Flex>
  );
}
