import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useRules, useToggleRule } from './queries.ts';
import type { TriggerRule } from './types.ts';

/** The company's trigger rules: what each listens to, its condition and actions, on or off. */
export function RulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const rules = useRules();
  const toggle = useToggleRule();
  const canManage = useHasPermission('integration.rule.manage');
  const columns: TableColumnsType<TriggerRule> = [
    {
      title: t('rules.name'),
      dataIndex: 'name',
      render: (name: string, rule) => (
        <span data-testid="rule-name">
          <Link to={`/integration/rules/${rule.id}`}>{name}</Link>
          {rule.builtIn ? <Tag style={{ marginInlineStart: 8 }}>{t('rules.builtIn')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('rules.event'),
      dataIndex: 'eventType',
      responsive: ['sm'],
      render: (type: string, rule) => (
        <span>
          <Typography.Text code>{type}</Typography.Text>
          {rule.synchronous ? <Tag color="gold">{t('rules.synchronous')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('rules.condition'),
      dataIndex: 'condition',
      responsive: ['md'],
      render: (c: string) => (c ? <Typography.Text code>{c}</Typography.Text> : t('rules.always')),
    },
    {
      title: t('rules.actions'),
      dataIndex: 'actions',
      responsive: ['sm'],
      render: (actions: TriggerRule['actions']) =>
        [...new Set(actions.map((a) => a.type))].map((type) => (
          <Tag key={type}>{t(`rules.action.${type}`)}</Tag>
        )),
    },
    {
      title: t('rules.enabled'),
      dataIndex: 'enabled',
      render: (enabled: boolean, rule) => (
        <Switch
          size="small"
          checked={enabled}
          disabled={!canManage}
          loading={toggle.isPending && toggle.variables?.id === rule.id}
          onChange={() => toggle.mutate(rule, { onError: (err) => message.error(errorMessage(t, err)) })}
          data-testid="rule-enabled"
        />
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('rules.title')}
        subtitle={t('rules.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/integration/rules/new')}>
              {t('rules.new')}
            </Button>
          ) : null
        }
      />
      <ContentCard>
        {rules.isError ? <Alert type="warning" showIcon title={errorMessage(t, rules.error)} /> : null}
        <Table<TriggerRule>
          rowKey="id"
          columns={columns}
          dataSource={flattenPages(rules.data)}
          loading={rules.isFetching}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          data-testid="rules-table"
        />
        {rules.hasNextPage ? (
          <Button block style={{ marginTop: 12 }} onClick={() => rules.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </ContentCard>
    </>
  );
}
