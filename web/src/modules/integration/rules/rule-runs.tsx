import { Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { flattenPages } from '../../../api/audit-log.ts';
import { formatDateTime } from '../../../components/format.ts';
import { useRuleRuns } from './queries.ts';
import type { RuleRun } from './types.ts';

const COLORS: Record<RuleRun['outcome'], string> = {
  applied: 'green',
  held: 'gold',
  not_matched: 'default',
  error: 'red',
};

/** The run log of a rule: each evaluation, newest first. */
export function RuleRuns({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation();
  const runs = useRuleRuns(ruleId);
  const columns: TableColumnsType<RuleRun> = [
    { title: t('rules.runs.at'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('rules.runs.outcome'),
      dataIndex: 'outcome',
      render: (o: RuleRun['outcome']) => <Tag color={COLORS[o]}>{t(`rules.runs.${o}`)}</Tag>,
    },
    {
      title: t('rules.runs.subject'),
      key: 'subject',
      responsive: ['md'],
      render: (_, run) => (
        <Typography.Text code>
          {String(run.detail.orderNumber ?? run.eventId ?? run.subjectId ?? '')}
        </Typography.Text>
      ),
    },
    {
      title: t('rules.runs.detail'),
      dataIndex: 'detail',
      render: (d: Record<string, unknown>) => (
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {JSON.stringify(d)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <>
      <Table<RuleRun>
        rowKey="id"
        columns={columns}
        dataSource={flattenPages(runs.data)}
        loading={runs.isFetching}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        data-testid="rule-runs"
      />
      {runs.hasNextPage ? (
        <Button block style={{ marginTop: 8 }} onClick={() => runs.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </>
  );
}
