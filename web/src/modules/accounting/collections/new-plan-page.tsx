import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { PartnerSelect } from '../shared/partner-select.tsx';
import { type DraftLine, draftLine, lineReady, linesTotal, PlanLinesEditor } from './plan-lines-editor.tsx';
import { useCreatePlan } from './queries.ts';

type Origin = 'none' | 'sales_order' | 'contract';

/**
 * A new collection plan (回款计划): the customer, what it is for (a sales order — prefilled when coming
 * from the order page —, a contract number, or nothing), and the instalments.
 */
export function NewCollectionPlanPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreatePlan();
  const fromOrder = params.get('originType') === 'sales_order' && params.get('originId');
  const [customerId, setCustomerId] = useState<string | undefined>(params.get('customerId') ?? undefined);
  const [origin, setOrigin] = useState<Origin>(fromOrder ? 'sales_order' : 'none');
  const [number, setNumber] = useState(params.get('originNumber') ?? '');
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([draftLine(undefined, params.get('amount') ?? '')]);
  const ready = Boolean(customerId) && lines.every(lineReady) && (origin !== 'contract' || number.trim());

  const submit = () => {
    if (!ready || !customerId) return;
    create.mutate(
      {
        customerId,
        ...(origin === 'sales_order'
          ? { originType: 'sales_order', originId: params.get('originId') ?? undefined, originNumber: number }
          : origin === 'contract'
            ? { originType: 'contract', originNumber: number.trim() }
            : {}),
        notes: notes.trim() || undefined,
        lines: lines.map((l) => ({
          dueDate: l.dueDate,
          amount: l.amount.trim(),
          note: l.note.trim() || undefined,
        })),
      },
      {
        onSuccess: (plan) => {
          message.success(t('accounting.collections.created'));
          navigate(`/accounting/collections/${plan.id}`, { replace: true });
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('accounting.collections.new')}
        subtitle={t('accounting.collections.newSubtitle')}
        extra={
          <Link to="/accounting/collections">
            <Button icon={<ArrowLeftOutlined />}>{t('accounting.collections.title')}</Button>
          </Link>
        }
      />
      <Card>
        <Flex vertical gap={16}>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('accounting.collections.customer')}</Typography.Text>
            <PartnerSelect
              value={customerId}
              onChange={setCustomerId}
              disabled={Boolean(fromOrder)}
              style={{ maxWidth: 420 }}
              data-testid="plan-customer"
            />
          </Flex>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('accounting.collections.for')}</Typography.Text>
            <Radio.Group
              value={origin}
              onChange={(e) => setOrigin(e.target.value)}
              disabled={Boolean(fromOrder)}
              options={(fromOrder ? ['sales_order'] : ['none', 'contract']).map((value) => ({
                value,
                label: t(`accounting.collections.origin.${value}`),
              }))}
            />
            {origin !== 'none' ? (
              <Input
                value={number}
                onChange={(e) => setNumber(e.target.value)}
                disabled={Boolean(fromOrder)}
                placeholder={t('accounting.collections.contractNumber')}
                maxLength={60}
                style={{ maxWidth: 300 }}
                data-testid="plan-origin-number"
              />
            ) : null}
          </Flex>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('accounting.collections.instalments')}</Typography.Text>
            <PlanLinesEditor lines={lines} onChange={setLines} />
            <Typography.Text strong data-testid="plan-total">
              {t('accounting.collections.total')}: {formatAmount(linesTotal(lines), null)}
            </Typography.Text>
          </Flex>
          <Input.TextArea
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            placeholder={t('accounting.collections.notes')}
            maxLength={2000}
            autoSize={{ minRows: 2 }}
          />
          {create.isError ? <Alert type="error" showIcon title={errorMessage(t, create.error)} /> : null}
          <Button
            type="primary"
            disabled={!ready}
            loading={create.isPending}
            onClick={submit}
            style={{ alignSelf: 'flex-start' }}
            data-testid="plan-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      </Card>
    </>
  );
}
