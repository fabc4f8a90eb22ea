import {
  Alert,
  Col,
  DatePicker,
  Flex,
  Input,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { formatAmount, formatQty, QTY, sign } from '../../catalog/shared/numbers.ts';
import { useBomCost, useBomTree } from '../queries.ts';
import type { BomCostNode, BomNode } from '../types.ts';

type TreeRow<T extends BomNode> = T & { children?: TreeRow<T>[] };

/** The flat depth-first node list as nested rows (antd's tree table), children under their parent. */
export function toTree<T extends BomNode>(nodes: T[]): TreeRow<T>[] {
  const byId = new Map<string, TreeRow<T>>();
  const roots: TreeRow<T>[] = [];
  for (const node of nodes) byId.set(node.nodeId, { ...node });
  for (const node of nodes) {
    const row = byId.get(node.nodeId) as TreeRow<T>;
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), row];
    else roots.push(row);
  }
  return roots;
}

function nodeColumns<T extends BomNode>(t: TFunction): TableColumnsType<TreeRow<T>> {
  return [
    {
      title: t('manufacturing.production.component'),
      key: 'product',
      render: (_, node) => (
        <Flex gap={6} align="center" wrap={false}>
          <Link to={`/inventory/products/${node.productId}`}>{node.sku}</Link>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {node.productName}
          </Typography.Text>
          {node.substitute ? <Tag>{t('manufacturing.bom.substitute')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('manufacturing.common.qty'),
      dataIndex: 'qty',
      align: 'right',
      render: (qty: string, node) => `${formatQty(qty)} ${node.uomCode}`,
    },
    {
      title: t('manufacturing.bom.scrapPct'),
      dataIndex: 'scrapPct',
      align: 'right',
      render: (v: string, node) => (node.level === 0 ? '' : `${formatQty(v)} %`),
    },
    {
      title: t('manufacturing.bom.source'),
      key: 'source',
      render: (_, node) =>
        node.bomId ? (
          <Link to={`/manufacturing/boms/${node.bomId}`}>
            <Tag color="geekblue">{t('manufacturing.kind.make')}</Tag>
          </Link>
        ) : (
          <Tag color="gold">{t('manufacturing.kind.buy')}</Tag>
        ),
    },
  ];
}

/** Quantity and date the tree and cost are exploded for (sub-assemblies by their BOM in force then). */
export function useExplodeParams(defaultQty: string) {
  const [qty, setQty] = useState(defaultQty);
  const [date, setDate] = useState<string | undefined>();
  const valid = QTY.test(qty.trim()) && sign(qty) > 0;
  const query = { qty: valid ? qty.trim() : undefined, date };
  const controls = <ExplodeControls qty={qty} date={date} valid={valid} onQty={setQty} onDate={setDate} />;
  return { query, controls };
}

function ExplodeControls(props: {
  qty: string;
  date: string | undefined;
  valid: boolean;
  onQty: (v: string) => void;
  onDate: (v: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Input
        prefix={`${t('manufacturing.common.qty')}:`}
        inputMode="decimal"
        value={props.qty}
        status={props.valid ? undefined : 'error'}
        onChange={(event) => props.onQty(event.target.value)}
        style={{ width: 180 }}
        data-testid="bom-explode-qty"
      />
      <DatePicker
        placeholder={t('manufacturing.bom.onDate')}
        value={props.date ? dayjs(props.date) : null}
        onChange={(value) => props.onDate(value ? value.format('YYYY-MM-DD') : undefined)}
      />
    </Flex>
  );
}

/** The multi-level tree of a BOM for a quantity: every component with its quantity and scrap. */
export function BomTreeCard({ bomId, query }: { bomId: string; query: { qty?: string; date?: string } }) {
  const { t } = useTranslation();
  const tree = useBomTree(bomId, query);
  if (tree.isError) return <Alert type="warning" showIcon title={errorMessage(t, tree.error)} />;
  const rows = toTree(tree.data?.nodes ?? []);
  return (
    <Table<TreeRow<BomNode>>
      key={tree.data ? 'loaded' : 'loading'}
      rowKey="nodeId"
      columns={nodeColumns<BomNode>(t)}
      dataSource={rows}
      loading={tree.isFetching}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      expandable={{ defaultExpandAllRows: true }}
      data-testid="bom-tree"
    />
  );
}

/** The cost roll-up: material, labour and overhead, and what each node of the tree costs. */
export function BomCostCard({ bomId, query }: { bomId: string; query: { qty?: string; date?: string } }) {
  const { t } = useTranslation();
  const cost = useBomCost(bomId, query, true);
  if (cost.isError) return <Alert type="warning" showIcon title={errorMessage(t, cost.error)} />;
  const data = cost.data;
  const columns: TableColumnsType<TreeRow<BomCostNode>> = [
    ...nodeColumns<BomCostNode>(t).slice(0, 2),
    {
      title: t('manufacturing.production.unitCost'),
      dataIndex: 'unitCost',
      align: 'right',
      render: (v: string, node) =>
        node.costSource === 'none' ? (
          <Typography.Text type="warning">{t('manufacturing.bom.noCost')}</Typography.Text>
        ) : (
          formatAmount(v, null, 4)
        ),
    },
    {
      title: t('manufacturing.production.value'),
      dataIndex: 'value',
      align: 'right',
      render: (v: string) => formatAmount(v),
    },
    {
      title: t('manufacturing.bom.costSource'),
      dataIndex: 'costSource',
      responsive: ['sm'],
      render: (s: string) => t(`manufacturing.bom.costSource_${s}`),
    },
  ];
  const stat = (label: string, value: string | undefined, testId?: string) => (
    <Col xs={12} sm={8} md={4}>
      <div data-testid={testId}>
        <Statistic title={label} value={formatAmount(value ?? null)} />
      </div>
    </Col>
  );
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {stat(t('manufacturing.bom.materialCost'), data?.materialCost)}
        {stat(t('manufacturing.bom.labourCost'), data?.labourCost)}
        {stat(t('manufacturing.bom.overheadCost'), data?.overheadCost)}
        {stat(t('manufacturing.bom.totalCost'), data?.totalCost, 'bom-total-cost')}
        {stat(t('manufacturing.bom.unitCost'), data?.unitCost, 'bom-unit-cost')}
      </Row>
      <Table<TreeRow<BomCostNode>>
        key={data ? 'loaded' : 'loading'}
        rowKey="nodeId"
        columns={columns}
        dataSource={toTree(data?.nodes ?? [])}
        loading={cost.isFetching}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        expandable={{ defaultExpandAllRows: true }}
        data-testid="bom-cost"
      />
    </>
  );
}
