import {
  ArrowLeftOutlined,
  CheckOutlined,
  CloseOutlined,
  PlusOutlined,
  SwapOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { RecordHistory } from '../../../components/record-history.tsx';
import { ActivityFormModal } from '../activities/activity-form.tsx';
import { AssignDialog } from '../shared/assign-dialog.tsx';
import { DictionaryLabel } from '../shared/dictionary.tsx';
import { DuplicateList } from '../shared/duplicate-list.tsx';
import { LeadStatusTag } from '../shared/status-tags.tsx';
import type { Lead, LeadStatus } from '../types.ts';
import { ConvertDialog } from './convert-dialog.tsx';
import { LostReasonDialog } from './lost-dialog.tsx';
import { useAssignLead, useLead, useLeadDuplicates, useUpdateLead } from './queries.ts';

const NEXT: Partial<Record<LeadStatus, LeadStatus>> = { new: 'contacted', contacted: 'qualified' };

function LeadActions({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const update = useUpdateLead(lead.id);
  const canUpdate = useHasPermission('crm.lead.update');
  const canConvert = useHasPermission('crm.lead.convert');
  const canLog = useHasPermission('crm.activity.create');
  const canListUsers = useHasPermission('platform.user.read');
  const assign = useAssignLead(lead);
  const [dialog, setDialog] = useState<'convert' | 'lost' | 'activity' | 'assign' | null>(null);
  const open = lead.status !== 'converted' && lead.status !== 'lost';
  const next = NEXT[lead.status];
  const fail = (err: unknown) => message.error(errorMessage(t, err));

  return (
    <Flex gap={8} wrap>
      {open && canConvert ? (
        <Button
          type="primary"
          icon={<SwapOutlined />}
          onClick={() => setDialog('convert')}
          data-testid="convert-lead"
        >
          {t('crm.convert.button')}
        </Button>
      ) : null}
      {open && canUpdate && next ? (
        <Button
          icon={<CheckOutlined />}
          loading={update.isPending && !dialog}
          onClick={() => update.mutate({ version: lead.version, status: next }, { onError: fail })}
        >
          {t(`crm.leads.markAs.${next}`)}
        </Button>
      ) : null}
      {open && canUpdate ? (
        <Button danger icon={<CloseOutlined />} onClick={() => setDialog('lost')}>
          {t('crm.lost.markLost')}
        </Button>
      ) : null}
      {open && canUpdate && canListUsers ? (
        <Button icon={<UserSwitchOutlined />} onClick={() => setDialog('assign')}>
          {t('crm.assign.button')}
        </Button>
      ) : null}
      {canLog ? (
        <Button icon={<PlusOutlined />} onClick={() => setDialog('activity')}>
          {t('crm.activities.log')}
        </Button>
      ) : null}
      <RecordHistory entity="crm.lead" entityId={lead.id} />
      <ConvertDialog
        lead={lead}
        open={dialog === 'convert'}
        onClose={() => setDialog(null)}
        onConverted={(result) => {
          setDialog(null);
          message.success(t('crm.convert.done'));
          navigate(`/crm/customers/${result.customerId}`);
        }}
      />
      <LostReasonDialog
        open={dialog === 'lost'}
        title={t('crm.lost.leadTitle')}
        pending={update.isPending}
        error={dialog === 'lost' ? update.error : null}
        onCancel={() => setDialog(null)}
        onConfirm={(lostReasonCode) =>
          update.mutate(
            { version: lead.version, status: 'lost', lostReasonCode },
            { onSuccess: () => setDialog(null) },
          )
        }
      />
      <AssignDialog
        open={dialog === 'assign'}
        title={t('crm.assign.titleLead', { name: lead.contactName })}
        allowRules
        pending={assign.isPending}
        error={assign.error}
        onCancel={() => {
          assign.reset();
          setDialog(null);
        }}
        onConfirm={(values) =>
          assign.mutate(values, {
            onSuccess: () => {
              setDialog(null);
              message.success(t('crm.assign.done'));
            },
          })
        }
      />
      <ActivityFormModal
        open={dialog === 'activity'}
        onClose={() => setDialog(null)}
        links={{ leadId: lead.id }}
      />
    </Flex>
  );
}

/** One lead: who, where from, its duplicates, and the convert / lost / follow-up actions. */
export function LeadPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lead = useLead(id);
  const duplicates = useLeadDuplicates(id, lead.isSuccess && lead.data.status !== 'converted');
  const none = t('common.none');

  if (lead.isPending) return <Skeleton active />;
  if (lead.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, lead.error)}
        extra={<Link to="/crm/leads">{t('crm.leads.backToList')}</Link>}
      />
    );
  const data = lead.data;

  return (
    <Flex vertical gap={16}>
      <Link to="/crm/leads">
        <ArrowLeftOutlined /> {t('crm.leads.backToList')}
      </Link>
      <Card>
        <Flex justify="space-between" gap={12} wrap align="flex-start" style={{ marginBottom: 16 }}>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="lead-name">
              {data.contactName}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              {data.companyName ? <Typography.Text>{data.companyName}</Typography.Text> : null}
              <LeadStatusTag status={data.status} />
              <Typography.Text type="secondary">
                {t('crm.leads.owner')}: {data.ownerName ?? t('crm.leads.unassigned')}
              </Typography.Text>
            </Flex>
          </Flex>
          <LeadActions lead={data} />
        </Flex>
        {data.status === 'converted' && data.convertedCustomerId ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              <>
                {t('crm.convert.converted')}{' '}
                <Link to={`/crm/customers/${data.convertedCustomerId}`}>{t('crm.convert.openCustomer')}</Link>
              </>
            }
          />
        ) : null}
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('crm.leads.phone')}>{data.phone || none}</Descriptions.Item>
          <Descriptions.Item label={t('crm.leads.email')}>{data.email || none}</Descriptions.Item>
          <Descriptions.Item label={t('crm.leads.region')}>{data.regionCode || none}</Descriptions.Item>
          <Descriptions.Item label={t('crm.leads.source')}>
            <DictionaryLabel name="lead_source" code={data.sourceCode} />
          </Descriptions.Item>
          {data.status === 'lost' ? (
            <Descriptions.Item label={t('crm.lost.reason')}>
              <DictionaryLabel name="lost_reason" code={data.lostReasonCode} />
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('crm.leads.createdAt')}>
            {formatDateTime(data.createdAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('crm.leads.message')} span={{ xs: 1, md: 2 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {data.message || none}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {duplicates.data && duplicates.data.length > 0 ? (
        <Card size="small" title={t('crm.duplicates.leadTitle')}>
          <DuplicateList candidates={duplicates.data} />
        </Card>
      ) : null}
    </Flex>
  );
}
