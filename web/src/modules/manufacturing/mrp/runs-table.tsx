import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format.ts';
import { StateTag } from '../shared/tags.tsx';
import type { MrpRun } from '../types.ts';

/** Seconds between start and end, "—" while it has not ended. */
function duration(run: MrpRun): string {
  if (!run.startedAt || !run.finishedAt) return '—';
  const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime();
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The last MRP runs, newest first; a finished run's row shows its proposals below. */
export function RunsTable({
  runs,
  loading,
  pickedRunId,
  onPick,
}: {
  runs: MrpRun[];
  loading: boolean;
  pickedRunId: string | undefined;
  onPick: (run: MrpRun) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<MrpRun> = [
    {
      title: t('manufacturing.mrp.requestedAt'),
      dataIndex: 'createdAt',
      render: (at: string, run) => (
        <Typography.Link onClick={() => onPick(run)} strong={run.id === pickedRunId}>
          {formatDateTime(at)}
        </Typography.Link>
      ),
    },
    {
      title: t('manufacturing.common.state'),
      dataIndex: 'state',
      render: (state: string, run) => (
        <>
          <StateTag kind="run" state={state} /> {state === 'running' ? `${run.progress} %` : ''}
        </>
      ),
    },
    { title: t('manufacturing.mrp.proposals'), dataIndex: 'proposalCount', align: 'right' },
    { title: t('manufacturing.mrp.late'), dataIndex: 'lateCount', align: 'right' },
    { title: t('manufacturing.mrp.items'), dataIndex: 'itemCount', align: 'right', responsive: ['sm'] },
    { title: t('manufacturing.mrp.demands'), dataIndex: 'demandCount', align: 'right', responsive: ['md'] },
    {
      title: t('manufacturing.mrp.duration'),
      key: 'duration',
      align: 'right',
      responsive: ['md'],
      render: (_, run) => duration(run),
    },
  ];
  return (
    <Table<MrpRun>
      rowKey="id"
      columns={columns}
      dataSource={runs}
      loading={loading}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      data-testid="mrp-runs-table"
    />
  );
}
