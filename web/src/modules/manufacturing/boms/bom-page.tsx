import {
  ArrowLeftOutlined,
  CopyOutlined,
  EditOutlined,
  InboxOutlined,
  PoweroffOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Result,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Decimal } from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { formatPrice, formatQty } from '../../catalog/shared/numbers.ts';
import { ProductCell } from '../../inventory/shared/stock-tables.tsx';
import { useBom, useBomStep, useBoms } from '../queries.ts';
import { StateTag } from '../shared/tags.tsx';
import type { Bom, BomLine, BomSummary } from '../types.ts';
import { BomCostCard, BomTreeCard, useExplodeParams } from './bom-tree.tsx';
import { Validity } from './validity.tsx';
import { ValidityModal } from './validity-modal.tsx';

function Lines({ bom }: { bom: Bom }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<BomLine> = [
    { title: '#', dataIndex: 'position', width: 48 },
    {
      title: t('manufacturing.production.component'),
      key: 'product',
      render: (_, line) => (
        <Flex gap={4} align="center">
          <ProductCell id={line.componentId} sku={line.sku} name={line.productName} />
          {line.substituteOfPosition ? (
            <Tag>{t('manufacturing.bom.substituteFor', { position: line.substituteOfPosition })}</Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('manufacturing.bom.qtyPerOutput', { qty: formatQty(bom.outputQty) }),
      dataIndex: 'qty',
      align: 'right',
      render: (v: string, line) => `${formatQty(v)} ${line.uomCode}`,
    },
    {
      title: t('manufacturing.bom.scrapPct'),
      dataIndex: 'scrapPct',
      align: 'right',
      render: (v: string) => `${formatQty(v)} %`,
    },
    {
      title: t('manufacturing.bom.qtyPerUnit'),
      dataIndex: 'qtyPerUnit',
      align: 'right',
      responsive: ['sm'],
      render: (v: string) => formatQty(v),
    },
    { title: t('manufacturing.common.notes'), dataIndex: 'notes', responsive: ['md'] },
  ];
  return (
    <Table<BomLine>
      rowKey="id"
      columns={columns}
      dataSource={bom.lines}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      data-testid="bom-lines"
    />
  );
}

/** Every revision of the product's BOM, with its state and validity. */
function Versions({ bom }: { bom: Bom }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useBoms({ productId: bom.productId });
  const columns: TableColumnsType<BomSummary> = [
    {
      title: t('manufacturing.bom.revision'),
      dataIndex: 'revision',
      render: (revision: number, row) =>
        row.id === bom.id ? (
          <Typography.Text strong>{t('manufacturing.bom.revisionShort', { revision })}</Typography.Text>
        ) : (
          <Typography.Link onClick={() => navigate(`/manufacturing/boms/${row.id}`)}>
            {t('manufacturing.bom.revisionShort', { revision })}
          </Typography.Link>
        ),
    },
    {
      title: t('manufacturing.common.state'),
      dataIndex: 'state',
      render: (s: string) => <StateTag kind="bom" state={s} />,
    },
    {
      title: t('manufacturing.bom.validity'),
      key: 'validity',
      render: (_, row) => <Validity from={row.validFrom} to={row.validTo} />,
    },
  ];
  return (
    <Table<BomSummary>
      rowKey="id"
      columns={columns}
      dataSource={flattenPages(list.data)}
      loading={list.isFetching}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      data-testid="bom-versions"
    />
  );
}

function Actions({ bom }: { bom: Bom }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const step = useBomStep(bom);
  const [editingValidity, setEditingValidity] = useState(false);
  if (!useHasPermission('manufacturing.bom.manage')) return null;
  const fail = (err: unknown) => message.error(errorMessage(t, err));
  const busy = (name: string) => step.isPending && step.variables === name;
  return (
    <>
      {bom.state === 'draft' ? (
        <Button
          icon={<EditOutlined />}
          onClick={() => navigate(`/manufacturing/boms/${bom.id}/edit`)}
          data-testid="bom-edit"
        >
          {t('manufacturing.bom.edit')}
        </Button>
      ) : null}
      {bom.state === 'active' ? (
        <Button
          icon={<EditOutlined />}
          onClick={() => setEditingValidity(true)}
          data-testid="bom-edit-validity"
        >
          {t('manufacturing.bom.editValidity')}
        </Button>
      ) : null}
      {bom.state !== 'active' ? (
        <Button
          type="primary"
          icon={<PoweroffOutlined />}
          loading={busy('activate')}
          onClick={() => step.mutate('activate', { onError: fail })}
          data-testid="bom-activate"
        >
          {t('manufacturing.bom.activate')}
        </Button>
      ) : null}
      <Button icon={<CopyOutlined />} onClick={() => navigate(`/manufacturing/boms/new?from=${bom.id}`)}>
        {t('manufacturing.bom.newRevision')}
      </Button>
      {bom.state !== 'archived' ? (
        <Popconfirm
          title={t('manufacturing.bom.archiveConfirm')}
          onConfirm={() => step.mutate('archive', { onError: fail })}
        >
          <Button icon={<InboxOutlined />} loading={busy('archive')} data-testid="bom-archive">
            {t('manufacturing.bom.archive')}
          </Button>
        </Popconfirm>
      ) : null}
      {editingValidity ? <ValidityModal bom={bom} onClose={() => setEditingValidity(false)} /> : null}
    </>
  );
}

/** One BOM: its lines, the exploded tree, the cost roll-up, its revisions, and the state actions. */
export function BomPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const bom = useBom(id);
  if (bom.isPending) return <Skeleton active />;
  if (bom.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, bom.error)}
        extra={
          <Button onClick={() => navigate('/manufacturing/boms')}>{t('manufacturing.bom.backToList')}</Button>
        }
      />
    );
  return <BomView key={bom.data.id} bom={bom.data} />;
}

function BomView({ bom }: { bom: Bom }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const canCost = useHasPermission('manufacturing.bom.cost');
  const explode = useExplodeParams(new Decimal(bom.outputQty).toFixed());
  return (
    <>
      <Link to="/manufacturing/boms" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('manufacturing.bom.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="bom-code">
              {bom.code} · {t('manufacturing.bom.revisionShort', { revision: bom.revision })}
            </Typography.Title>
            <StateTag kind="bom" state={bom.state} testId="bom-state" />
          </Flex>
          <Flex gap={8} wrap>
            <Actions bom={bom} />
            <RecordHistory entity="manufacturing.bom" entityId={bom.id} />
          </Flex>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('manufacturing.common.product')}>
            <Link to={`/inventory/products/${bom.productId}`}>{bom.sku}</Link>&nbsp;{bom.productName}
          </Descriptions.Item>
          <Descriptions.Item label={t('manufacturing.bom.outputQty')}>
            {formatQty(bom.outputQty)}
          </Descriptions.Item>
          <Descriptions.Item label={t('manufacturing.bom.validity')}>
            <Validity from={bom.validFrom} to={bom.validTo} />
          </Descriptions.Item>
          <Descriptions.Item label={t('manufacturing.bom.leadTime')}>
            {t('manufacturing.bom.days', { count: bom.leadTimeDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t('manufacturing.bom.labourPerUnit')}>
            {formatPrice(bom.labourCostPerUnit)}
          </Descriptions.Item>
          <Descriptions.Item label={t('manufacturing.bom.overheadPerUnit')}>
            {formatPrice(bom.overheadCostPerUnit)}
          </Descriptions.Item>
          {bom.notes ? (
            <Descriptions.Item label={t('manufacturing.common.notes')}>{bom.notes}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Flex vertical gap={16}>
        <Card size="small" title={t('manufacturing.bom.lines')}>
          <Lines bom={bom} />
        </Card>
        <Card size="small" title={t('manufacturing.bom.tree')}>
          {explode.controls}
          <BomTreeCard bomId={bom.id} query={explode.query} />
        </Card>
        {canCost ? (
          <Card size="small" title={t('manufacturing.bom.cost')}>
            <BomCostCard bomId={bom.id} query={explode.query} />
          </Card>
        ) : null}
        <Card size="small" title={t('manufacturing.bom.versions')}>
          <Versions bom={bom} />
        </Card>
      </Flex>
    </>
  );
}
