import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { DictionaryLabel } from '../shared/dictionary.tsx';
import { OwnerSelect } from '../shared/owner-select.tsx';
import { LeadStatusTag } from '../shared/status-tags.tsx';
import { useUrlFilters } from '../shared/use-url-filters.ts';
import { LEAD_STATUSES, type Lead } from '../types.ts';
import { LeadFormDrawer } from './lead-form-drawer.tsx';
import { type LeadFilters, useLeads } from './queries.ts';

const FILTER_KEYS = ['q', 'status', 'ownerUserId'] as const;

export function LeadsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [raw, update] = useUrlFilters(FILTER_KEYS);
  const filters = raw as LeadFilters;
  const leads = useLeads(filters);
  const rows = flattenPages(leads.data);
  const [creating, setCreating] = useState(false);
  const canCreate = useHasPermission('crm.lead.create');
  const open = (lead: Lead) => navigate(`/crm/leads/${lead.id}`);

  const columns: TableColumnsType<Lead> = [
    {
      title: t('crm.leads.contactName'),
      dataIndex: 'contactName',
      render: (name: string, lead) => (
        <Flex vertical gap={2}>
          <Typography.Link strong onClick={() => open(lead)}>
            {name}
          </Typography.Link>
          {lead.companyName ? <Typography.Text type="secondary">{lead.companyName}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: t('crm.leads.status'),
      dataIndex: 'status',
      render: (status) => <LeadStatusTag status={status} />,
    },
    {
      title: t('crm.leads.owner'),
      dataIndex: 'ownerName',
      render: (name?: string | null) => name ?? t('crm.leads.unassigned'),
    },
    {
      title: t('crm.leads.source'),
      dataIndex: 'sourceCode',
      responsive: ['md'],
      render: (code?: string | null) => <DictionaryLabel name="lead_source" code={code} />,
    },
    {
      title: t('crm.leads.phone'),
      dataIndex: 'phone',
      responsive: ['lg'],
      render: (phone?: string) => phone || t('common.none'),
    },
    {
      title: t('crm.leads.createdAt'),
      dataIndex: 'createdAt',
      responsive: ['md'],
      render: (at?: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('crm.leads.title')}
        subtitle={t('crm.leads.subtitle')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => leads.refetch()} loading={leads.isRefetching}>
              {t('common.refresh')}
            </Button>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('crm.leads.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            placeholder={t('crm.leads.searchPlaceholder')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ flex: '1 1 220px', maxWidth: 360 }}
            data-testid="lead-search"
          />
          <Select
            allowClear
            placeholder={t('crm.leads.status')}
            value={filters.status}
            onChange={(status) => update({ status })}
            options={LEAD_STATUSES.map((status) => ({ value: status, label: t(`crm.leadStatus.${status}`) }))}
            style={{ flex: '1 1 120px', maxWidth: 180 }}
            data-testid="lead-status-filter"
          />
          <OwnerSelect
            placeholder={t('crm.leads.owner')}
            value={filters.ownerUserId}
            onChange={(ownerUserId) => update({ ownerUserId })}
            style={{ flex: '1 1 140px', maxWidth: 240 }}
          />
        </Flex>
        {leads.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, leads.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Lead>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={leads.isFetching && !leads.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(lead) => ({ onClick: () => open(lead), style: { cursor: 'pointer' } })}
          data-testid="leads-table"
        />
        {leads.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => leads.fetchNextPage()} loading={leads.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
      <LeadFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(lead) => {
          setCreating(false);
          open(lead);
        }}
      />
    </>
  );
}
