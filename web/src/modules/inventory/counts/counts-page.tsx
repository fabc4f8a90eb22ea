import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCreateStockCount, useStockCounts } from '../queries.ts';
import { useDefaultWarehouse, useWarehouseName, WarehouseSelect } from '../shared/warehouse-select.tsx';
import type { StockCount } from '../types.ts';

const STATE_COLORS: Record<string, string> = { counting: 'blue', posted: 'green', cancelled: 'default' };

export function CountStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'}>
      {t(`inventory.countState.${state}`, { defaultValue: state })}
    </Tag>
  );
}

function NewCountModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (count: StockCount) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ warehouseId: string; notes?: string }>();
  const create = useCreateStockCount();
  const warehouse = useDefaultWarehouse();
  return (
    <Modal
      open={open}
      title={t('inventory.counts.newTitle')}
      okText={t('inventory.counts.start')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={async () => {
        // antd shows the field errors itself; a rejected check must not become an unhandled rejection.
        const values = await form.validateFields().catch(() => undefined);
        if (!values) return;
        create.mutate(
          {
            warehouseId: values.warehouseId,
            ...(values.notes?.trim() ? { notes: values.notes.trim() } : {}),
          },
          { onSuccess: onCreated },
        );
      }}
      destroyOnHidden
    >
      {create.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, create.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ warehouseId: warehouse?.id }}>
        <Form.Item
          name="warehouseId"
          label={t('inventory.stock.warehouse')}
          rules={[{ required: true, message: t('catalog.common.required') }]}
        >
          <WarehouseSelect />
        </Form.Item>
        <Form.Item name="notes" label={t('inventory.counts.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Stock counts (盘点): start one for a warehouse, count by scanning, post the differences. */
export function CountsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<string>('counting');
  const counts = useStockCounts({ state: state === 'all' ? undefined : state });
  const rows = flattenPages(counts.data);
  const warehouseName = useWarehouseName();
  const [creating, setCreating] = useState(false);
  const canManage = useHasPermission('inventory.count.manage');
  const columns: TableColumnsType<StockCount> = [
    {
      title: t('inventory.picking.number'),
      dataIndex: 'number',
      render: (number: string, count) => (
        <Typography.Link strong onClick={() => navigate(`/inventory/counts/${count.id}`)}>
          {number}
        </Typography.Link>
      ),
    },
    {
      title: t('inventory.picking.state'),
      dataIndex: 'state',
      render: (value: string) => <CountStateTag state={value} />,
    },
    {
      title: t('inventory.stock.warehouse'),
      dataIndex: 'warehouseId',
      render: (id: string) => warehouseName(id),
    },
    {
      title: t('inventory.counts.date'),
      dataIndex: 'countDate',
      responsive: ['sm'],
      render: (d: string) => formatDate(d),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('inventory.counts.title')}
        subtitle={t('inventory.counts.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-count"
            >
              {t('inventory.counts.new')}
            </Button>
          ) : null
        }
      />
      <ContentCard>
        <Flex style={{ marginBottom: 16 }}>
          <Segmented
            value={state}
            onChange={(value) => setState(String(value))}
            options={['counting', 'posted', 'all'].map((value) => ({
              value,
              label: t(`inventory.countState.${value}`),
            }))}
          />
        </Flex>
        {counts.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, counts.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<StockCount>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={counts.isFetching && !counts.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="counts-table"
        />
        {counts.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => counts.fetchNextPage()} loading={counts.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
      <NewCountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(count) => {
          setCreating(false);
          navigate(`/inventory/counts/${count.id}`);
        }}
      />
    </>
  );
}
