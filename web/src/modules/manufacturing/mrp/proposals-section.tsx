import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Popconfirm,
  Popover,
  Segmented,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { formatQty } from '../../catalog/shared/numbers.ts';
import { ProductSelect } from '../../catalog/shared/pickers.tsx';
import { ProductCell } from '../../inventory/shared/stock-tables.tsx';
import { useDecideProposals, useProposals } from '../planning-queries.ts';
import { KindTag, StateTag } from '../shared/tags.tsx';
import type { MrpProposal, Peg, ProposalKind, ProposalState } from '../types.ts';

const KINDS = ['all', 'make', 'buy'] as const;
const STATES = ['all', 'proposed', 'confirmed', 'dismissed'] as const;

/** Where a created document is shown: production orders here, requisitions in purchasing. */
export function documentPath(type: string | null, documentId: string | null): string | null {
  if (!documentId) return null;
  if (type === 'production_order') return `/manufacturing/production-orders/${documentId}`;
  if (type === 'purchase_requisition') return `/purchasing/requisitions/${documentId}`;
  return null;
}

function DocumentLink({ proposal }: { proposal: MrpProposal }) {
  const { t } = useTranslation();
  if (!proposal.documentNumber) return <>{t('common.none')}</>;
  const path = documentPath(proposal.documentType, proposal.documentId);
  return path ? <Link to={path}>{proposal.documentNumber}</Link> : <span>{proposal.documentNumber}</span>;
}

/** The demand a proposal covers: the first document, and all of them on hover or tap. */
function Pegging({ pegs, parents }: { pegs: Peg[]; parents: Map<string, string> }) {
  const { t } = useTranslation();
  if (pegs.length === 0) return <>{t('common.none')}</>;
  // A component's demand comes from its parent's proposal: name the parent product.
  const label = (peg: Peg) => {
    const parent = peg.type === 'mrp_proposal' && peg.id ? parents.get(peg.id) : undefined;
    if (parent) return t('manufacturing.mrp.forParent', { sku: parent });
    return `${t(`manufacturing.peg.${peg.type}`, { defaultValue: peg.type })} ${peg.number ?? ''}`.trim();
  };
  const list = (
    <Flex vertical gap={4} style={{ maxWidth: 320 }}>
      {pegs.map((peg, index) => (
        <Typography.Text key={`${peg.type}:${peg.id ?? index}:${peg.date}`}>
          {label(peg)} · {formatQty(peg.qty)} · {formatDate(peg.date)}
        </Typography.Text>
      ))}
    </Flex>
  );
  return (
    <Popover content={list} title={t('manufacturing.mrp.pegging')} trigger={['hover', 'click']}>
      <Typography.Link>
        {label(pegs[0])}
        {pegs.length > 1 ? ` +${pegs.length - 1}` : ''}
      </Typography.Link>
    </Popover>
  );
}

/** What confirming created: one link per document. */
function Created({ items, onClose }: { items: MrpProposal[]; onClose: () => void }) {
  const { t } = useTranslation();
  const made = items.filter((item) => item.documentNumber);
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="mrp-created"
      title={t('manufacturing.mrp.created', { count: made.length })}
      description={
        <Flex gap={8} wrap>
          {made.map((item) => (
            <Tag key={item.id} color={item.kind === 'make' ? 'geekblue' : 'gold'}>
              <DocumentLink proposal={item} />
            </Tag>
          ))}
        </Flex>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * The proposals of a run (default the latest finished one): filter by kind, product and lateness, select
 * the proposed ones and confirm them into production orders and requisitions, or dismiss them.
 */
export function ProposalsSection({
  runId,
  picked,
  onShowLatest,
}: {
  runId?: string;
  picked: boolean;
  onShowLatest: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canDecide = useHasPermission('manufacturing.mrp.confirm');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('all');
  const [state, setState] = useState<(typeof STATES)[number]>('all');
  const [productId, setProductId] = useState<string | undefined>();
  const [lateOnly, setLateOnly] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [created, setCreated] = useState<MrpProposal[]>([]);
  const proposals = useProposals({
    runId,
    productId,
    kind: kind === 'all' ? undefined : (kind as ProposalKind),
    state: state === 'all' ? undefined : (state as ProposalState),
    late: lateOnly ? 'true' : undefined,
  });
  const decide = useDecideProposals();
  const rows = flattenPages(proposals.data);
  const open = new Set(rows.filter((row) => row.state === 'proposed').map((row) => row.id));
  const chosen = selected.filter((id) => open.has(id));
  const parents = new Map(rows.map((row) => [row.id, row.productSku]));

  const act = (action: 'confirm' | 'dismiss') =>
    decide.mutate(
      { action, ids: chosen },
      {
        onSuccess: (result) => {
          setSelected([]);
          if (action === 'confirm') setCreated(result.items);
          else message.success(t('manufacturing.mrp.dismissed', { count: result.items.length }));
        },
        onError: (err) => message.error(errorMessage(t, err)),
      },
    );

  const columns: TableColumnsType<MrpProposal> = [
    {
      title: t('manufacturing.common.product'),
      key: 'product',
      render: (_, row) => <ProductCell id={row.productId} sku={row.productSku} name={row.productName} />,
    },
    { title: t('manufacturing.mrp.kind'), dataIndex: 'kind', render: (k: string) => <KindTag kind={k} /> },
    {
      title: t('manufacturing.common.qty'),
      dataIndex: 'qty',
      align: 'right',
      render: (qty: string) => formatQty(qty),
    },
    {
      title: t('manufacturing.mrp.releaseDate'),
      dataIndex: 'releaseDate',
      render: (date: string, row) => (
        <Flex gap={4} align="center" wrap={false}>
          {formatDate(date)}
          {row.late ? (
            <Tag color="red" data-testid="proposal-late">
              {t('manufacturing.mrp.lateTag')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    { title: t('manufacturing.mrp.needDate'), dataIndex: 'needDate', render: (d: string) => formatDate(d) },
    {
      title: t('manufacturing.mrp.pegging'),
      key: 'pegging',
      render: (_, row) => <Pegging pegs={row.pegging} parents={parents} />,
    },
    {
      title: t('manufacturing.common.state'),
      dataIndex: 'state',
      render: (s: string) => <StateTag kind="proposal" state={s} />,
    },
    {
      title: t('manufacturing.mrp.document'),
      key: 'document',
      render: (_, row) => <DocumentLink proposal={row} />,
    },
    { title: t('manufacturing.common.warehouse'), dataIndex: 'warehouseCode', responsive: ['md'] },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {picked ? t('manufacturing.mrp.proposalsOfRun') : t('manufacturing.mrp.proposalsLatest')}
        </Typography.Title>
        {picked ? <Button onClick={onShowLatest}>{t('manufacturing.mrp.showLatest')}</Button> : null}
      </Flex>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented
          value={kind}
          onChange={(value) => setKind(value as (typeof KINDS)[number])}
          options={KINDS.map((value) => ({ value, label: t(`manufacturing.mrp.kindFilter.${value}`) }))}
          data-testid="proposal-kind"
        />
        <Segmented
          value={state}
          onChange={(value) => setState(value as (typeof STATES)[number])}
          options={STATES.map((value) => ({
            value,
            label:
              value === 'all' ? t('manufacturing.common.all') : t(`manufacturing.state.proposal.${value}`),
          }))}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        <ProductSelect
          allowClear
          placeholder={t('manufacturing.common.product')}
          value={productId}
          onChange={(value) => setProductId(value || undefined)}
          style={{ minWidth: 180, flex: '1 1 180px', maxWidth: 320 }}
          activeOnly={false}
        />
        <Flex gap={6} align="center">
          <Switch checked={lateOnly} onChange={setLateOnly} size="small" data-testid="proposal-late-only" />
          <Typography.Text>{t('manufacturing.mrp.lateOnly')}</Typography.Text>
        </Flex>
      </Flex>
      {created.length > 0 ? <Created items={created} onClose={() => setCreated([])} /> : null}
      {proposals.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, proposals.error)} style={{ marginBottom: 12 }} />
      ) : null}
      {canDecide ? (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={chosen.length === 0}
            loading={decide.isPending && decide.variables?.action === 'confirm'}
            onClick={() => act('confirm')}
            data-testid="mrp-confirm"
          >
            {t('manufacturing.mrp.confirmSelected', { count: chosen.length })}
          </Button>
          <Popconfirm
            title={t('manufacturing.mrp.dismissConfirm', { count: chosen.length })}
            onConfirm={() => act('dismiss')}
            disabled={chosen.length === 0}
          >
            <Button
              icon={<CloseOutlined />}
              disabled={chosen.length === 0}
              loading={decide.isPending && decide.variables?.action === 'dismiss'}
              data-testid="mrp-dismiss"
            >
              {t('manufacturing.mrp.dismissSelected', { count: chosen.length })}
            </Button>
          </Popconfirm>
        </Flex>
      ) : null}
      <Table<MrpProposal>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={proposals.isFetching && !proposals.isFetchingNextPage}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        data-testid="mrp-proposals"
        rowSelection={
          canDecide
            ? {
                selectedRowKeys: chosen,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (row) => ({ disabled: row.state !== 'proposed' }),
              }
            : undefined
        }
      />
      {proposals.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => proposals.fetchNextPage()} loading={proposals.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
