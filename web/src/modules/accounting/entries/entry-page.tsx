import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { formatDateTime } from '../../../components/format.ts';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useEntry } from '../ledger-queries.ts';
import { EntryStateTag } from '../shared/tags.tsx';
import type { Entry } from '../types.ts';
import { EntryActions } from './entry-actions.tsx';
import { Voucher } from './voucher.tsx';

/** Where an automatic entry came from (an invoice, a payment, a delivery), as a link when there is a screen. */
function SourceLink({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  if (!entry.source) return t('accounting.entry.manual');
  const label = t(`accounting.source.${entry.source.type.replace('.', '_')}`, {
    defaultValue: entry.source.type,
  });
  const to =
    entry.source.type === 'accounting.invoice'
      ? `/accounting/invoices/${entry.source.id}`
      : entry.source.type === 'accounting.payment'
        ? `/accounting/payments/${entry.source.id}`
        : entry.source.type === 'inventory.picking'
          ? `/inventory/deliveries/${entry.source.id}`
          : null;
  return to ? <Link to={to}>{label}</Link> : label;
}

/** One journal entry as a voucher, with review / post / reverse / edit / print as state and role allow. */
export function EntryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { id = '' } = useParams();
  const entry = useEntry(id);

  if (entry.isPending) return <Skeleton active />;
  if (entry.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, entry.error)}
        extra={
          <Button onClick={() => navigate('/accounting/entries')}>
            {t('accounting.entries.backToList')}
          </Button>
        }
      />
    );
  const data = entry.data;
  const unbalanced = data.totalDebit !== data.totalCredit;
  return (
    <>
      <Link to="/accounting/entries" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('accounting.entries.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex vertical gap={6} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="entry-voucher">
              {data.voucher ?? t('accounting.entry.draftVoucher')}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <EntryStateTag state={data.state} reviewed={Boolean(data.reviewerId)} />
              <Typography.Text type="secondary">
                {t(`accounting.journal.${data.journal}`, { defaultValue: data.journal })}
              </Typography.Text>
            </Flex>
          </Flex>
          <Flex gap={8} wrap align="flex-start">
            <EntryActions entry={data} />
            <RecordHistory entity="accounting.entry" entityId={data.id} />
          </Flex>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('accounting.entry.memo')}>
            {data.memo || t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('accounting.entry.source')}>
            <SourceLink entry={data} />
          </Descriptions.Item>
          <Descriptions.Item label={t('accounting.entry.postedAt')}>
            {formatDateTime(data.postedAt) || t('common.none')}
          </Descriptions.Item>
          {data.reversalOf ? (
            <Descriptions.Item label={t('accounting.entry.reverses')}>
              <Link to={`/accounting/entries/${data.reversalOf}`}>{t('accounting.entry.openOriginal')}</Link>
            </Descriptions.Item>
          ) : null}
          {data.reversedBy ? (
            <Descriptions.Item label={t('accounting.entry.reversedBy')}>
              <Link to={`/accounting/entries/${data.reversedBy}`} data-testid="entry-reversal-link">
                {t('accounting.entry.openReversal')}
              </Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {data.state === 'draft' && unbalanced ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('accounting.entry.unbalancedDraft')}
          />
        ) : null}
      </Card>
      <Card styles={{ body: { padding: isPhone ? 12 : 24 } }}>
        <Voucher entry={data} />
      </Card>
    </>
  );
}
