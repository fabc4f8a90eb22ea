import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Popconfirm,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { type DraftLine, draftLine, lineReady, linesTotal, PlanLinesEditor } from './plan-lines-editor.tsx';
import { type CollectionLine, useCancelPlan, useCollectionPlan, useUpdatePlan } from './queries.ts';
import { LineStatusTag } from './status-tag.tsx';

/** One plan: totals, each instalment with what it collected, and (while open) edit the instalments or cancel. */
export function CollectionPlanPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const plan = useCollectionPlan(id);
  const update = useUpdatePlan(id);
  const cancel = useCancelPlan(id);
  const canManage = useHasPermission('accounting.collection.manage');
  const [editing, setEditing] = useState<DraftLine[] | null>(null);
  const p = plan.data;
  if (plan.isError) return <Alert type="error" showIcon title={errorMessage(t, plan.error)} />;
  if (!p) return <Skeleton active />;
  const open = p.state === 'open';
  const fail = (err: unknown) => message.error(errorMessage(t, err));
  const save = () =>
    editing &&
    update.mutate(
      {
        version: p.version,
        lines: editing.map((l) => ({
          dueDate: l.dueDate,
          amount: l.amount.trim(),
          note: l.note.trim() || undefined,
        })),
      },
      { onSuccess: () => setEditing(null), onError: fail },
    );
  return (
    <>
      <PageHeader
        title={p.originNumber ? `${p.customerName} · ${p.originNumber}` : p.customerName}
        subtitle={t('accounting.collections.title')}
        extra={
          <Link to="/accounting/collections">
            <Button icon={<ArrowLeftOutlined />}>{t('accounting.collections.title')}</Button>
          </Link>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Statistic
                title={t('accounting.collections.total')}
                value={formatAmount(p.total, p.currency)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('accounting.collections.collected')}
                value={formatAmount(p.collected, p.currency)}
                data-testid="plan-collected"
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('accounting.collections.remaining')}
                value={formatAmount(p.remaining, p.currency)}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('accounting.collections.nextDue')}
                value={
                  p.nextDueDate ? formatDate(p.nextDueDate) : t('accounting.collections.status.collected')
                }
              />
            </Col>
          </Row>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('accounting.collections.customer')}>
              <Link to={`/crm/customers/${p.customerId}`}>{p.customerName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('accounting.collections.for')}>
              {p.originType === 'sales_order' && p.originId ? (
                <Link to={`/sales/orders/${p.originId}`}>{p.originNumber}</Link>
              ) : (
                (p.originNumber ?? t('common.none'))
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('accounting.collections.owner')}>{p.ownerName}</Descriptions.Item>
            {p.state === 'cancelled' ? (
              <Descriptions.Item label={t('accounting.collections.state')}>
                <Tag>{t('accounting.collections.cancelled')}</Tag>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <Card
          title={t('accounting.collections.instalments')}
          extra={
            open && canManage && !editing ? (
              <Flex gap={8}>
                <Button
                  onClick={() =>
                    setEditing(p.lines.map((l) => ({ ...draftLine(l.dueDate, l.amount), note: l.note })))
                  }
                  data-testid="plan-edit"
                >
                  {t('accounting.collections.edit')}
                </Button>
                <Popconfirm
                  title={t('accounting.collections.cancelConfirm')}
                  onConfirm={() => cancel.mutate({ version: p.version }, { onError: fail })}
                >
                  <Button danger loading={cancel.isPending}>
                    {t('accounting.collections.cancel')}
                  </Button>
                </Popconfirm>
              </Flex>
            ) : null
          }
        >
          {editing ? (
            <Flex vertical gap={12}>
              <PlanLinesEditor lines={editing} onChange={setEditing} />
              <Flex gap={8} align="center" wrap>
                <Button
                  type="primary"
                  disabled={!editing.every(lineReady)}
                  loading={update.isPending}
                  onClick={save}
                  data-testid="plan-save"
                >
                  {t('common.save')}
                </Button>
                <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
                <span>
                  {t('accounting.collections.total')}: {formatAmount(linesTotal(editing), p.currency)}
                </span>
              </Flex>
            </Flex>
          ) : (
            <Table<CollectionLine>
              rowKey="id"
              dataSource={p.lines}
              pagination={false}
              size="small"
              scroll={{ x: 'max-content' }}
              data-testid="plan-lines-table"
              columns={[
                {
                  title: t('accounting.collections.dueDate'),
                  dataIndex: 'dueDate',
                  render: (d: string) => formatDate(d),
                },
                {
                  title: t('accounting.collections.amount'),
                  dataIndex: 'amount',
                  align: 'right',
                  render: (v: string) => formatAmount(v, p.currency),
                },
                {
                  title: t('accounting.collections.collected'),
                  dataIndex: 'collected',
                  align: 'right',
                  render: (v: string) => formatAmount(v, p.currency),
                },
                {
                  title: '',
                  dataIndex: 'status',
                  render: (s: CollectionLine['status']) => <LineStatusTag status={s} />,
                },
                { title: t('accounting.collections.note'), dataIndex: 'note', responsive: ['md'] },
              ]}
            />
          )}
        </Card>
      </Flex>
    </>
  );
}
