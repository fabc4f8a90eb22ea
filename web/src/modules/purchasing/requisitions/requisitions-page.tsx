import { ReloadOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Input,
  List,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount, formatQty } from '../../catalog/shared/numbers.ts';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { useRequisitions, useRequisitionsToOrders } from '../queries.ts';
import { RequisitionStateTag } from '../shared/state-tags.tsx';
import { REQUISITION_STATES, type Requisition, type ToOrdersResult } from '../types.ts';
import { RequisitionButtons, RequisitionOrigin } from './requisition-bits.tsx';

const FILTER_KEYS = ['q', 'state'] as const;
const OPEN = ['draft', 'approved'];

/** What "Create purchase orders" made: the draft orders (linked) and the requisitions without a price. */
function ToOrdersOutcome({ result, onClose }: { result: ToOrdersResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('purchasing.requisitions.madeTitle')}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <List
        size="small"
        dataSource={result.orders}
        data-testid="to-orders-result"
        renderItem={(order) => (
          <List.Item>
            <Flex gap={8} wrap>
              <Link to={`/purchasing/orders/${order.id}`} data-testid="to-orders-order">
                {order.number}
              </Link>
              <span>{order.supplierName}</span>
              <span>{formatAmount(order.total, order.currency)}</span>
            </Flex>
          </List.Item>
        )}
      />
      {result.unassigned.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('purchasing.requisitions.unassigned', {
            numbers: result.unassigned.map((u) => u.number).join(', '),
          })}
        />
      ) : null}
    </Modal>
  );
}

/** Requisitions from needs, MRP, reorder rules or by hand; selected open ones become draft POs in bulk. */
export function RequisitionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canOrder = useHasPermission('purchasing.order.create');
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const requisitions = useRequisitions(filters);
  const rows = flattenPages(requisitions.data);
  const toOrders = useRequisitionsToOrders();
  const [selected, setSelected] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<ToOrdersResult | null>(null);

  const makeOrders = () =>
    toOrders.mutate(selected, {
      onSuccess: (result) => {
        setSelected([]);
        if (result.orders.length === 1 && result.unassigned.length === 0) {
          message.success(t('purchasing.requisitions.madeOne', { number: result.orders[0].number }));
          navigate(`/purchasing/orders/${result.orders[0].id}`);
        } else setOutcome(result);
      },
      onError: (err) => message.error(errorMessage(t, err)),
    });

  const columns: TableColumnsType<Requisition> = [
    {
      title: t('purchasing.requisition.number'),
      dataIndex: 'number',
      render: (number: string, r) => (
        <Flex vertical style={{ minWidth: 110 }}>
          <Link to={`/purchasing/requisitions/${r.id}`}>{number}</Link>
          <RequisitionStateTag state={r.state} />
        </Flex>
      ),
    },
    {
      title: t('purchasing.lines.product'),
      key: 'product',
      render: (_, r) => (
        <Flex vertical style={{ minWidth: 120 }}>
          <Typography.Text strong>{r.sku}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.productName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('purchasing.lines.qty'),
      dataIndex: 'qty',
      align: 'right',
      render: (qty: string) => formatQty(qty),
    },
    {
      title: t('purchasing.requisition.neededBy'),
      dataIndex: 'neededBy',
      render: (d: string | null) => formatDate(d) || t('common.none'),
    },
    {
      title: t('purchasing.requisition.origin'),
      key: 'origin',
      render: (_, r) => <RequisitionOrigin requisition={r} />,
    },
    {
      title: t('purchasing.requisition.order'),
      key: 'order',
      responsive: ['md'],
      render: (_, r) =>
        r.orderId ? (
          <Link to={`/purchasing/orders/${r.orderId}`}>{t('purchasing.requisition.openOrder')}</Link>
        ) : null,
    },
    { key: 'actions', render: (_, r) => <RequisitionButtons requisition={r} size="small" /> },
  ];

  return (
    <>
      <PageHeader
        title={t('purchasing.requisitions.title')}
        subtitle={t('purchasing.requisitions.subtitle')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => requisitions.refetch()}
              loading={requisitions.isRefetching}
            >
              {t('common.refresh')}
            </Button>
            {canOrder ? (
              <Button
                type="primary"
                icon={<ShoppingCartOutlined />}
                disabled={selected.length === 0}
                loading={toOrders.isPending}
                onClick={makeOrders}
                data-testid="requisitions-to-orders"
              >
                {t('purchasing.requisitions.toOrders', { count: selected.length })}
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
            key={filters.q ?? ''}
            placeholder={t('purchasing.requisitions.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 420, flex: '1 1 240px' }}
          />
          <Select
            allowClear
            placeholder={t('purchasing.common.state')}
            value={filters.state}
            onChange={(state) => update({ state })}
            options={REQUISITION_STATES.map((state) => ({
              value: state,
              label: t(`purchasing.requisitionState.${state}`),
            }))}
            style={{ minWidth: 140, flex: '0 1 180px' }}
            data-testid="requisition-state-filter"
          />
        </Flex>
        {requisitions.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, requisitions.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<Requisition>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          rowSelection={
            canOrder
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  getCheckboxProps: (r) => ({
                    disabled: !OPEN.includes(r.state),
                    'data-testid': `select-${r.number}`,
                  }),
                }
              : undefined
          }
          loading={requisitions.isFetching && !requisitions.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="requisitions-table"
        />
        {requisitions.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => requisitions.fetchNextPage()} loading={requisitions.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
      {outcome ? <ToOrdersOutcome result={outcome} onClose={() => setOutcome(null)} /> : null}
    </>
  );
}
