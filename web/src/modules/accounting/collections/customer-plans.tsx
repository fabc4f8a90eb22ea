import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useCollectionPlans } from './queries.ts';
import { LineStatusTag } from './status-tag.tsx';

/** The customer's open collection plans on its page: next instalment, what is left, and a way to add one. */
export function CustomerPlans({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canRead = useHasPermission('accounting.collection.read');
  const canManage = useHasPermission('accounting.collection.manage');
  const plans = useCollectionPlans({ customerId, state: 'open' }, canRead);
  if (!canRead) return null;
  const rows = flattenPages(plans.data).slice(0, 5);
  return (
    <Flex vertical gap={4} data-testid="customer-plans">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{t('accounting.collections.open')}</Typography.Text>
        {canManage ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              navigate(`/accounting/collections/new?customerId=${encodeURIComponent(customerId)}`)
            }
          >
            {t('accounting.collections.new')}
          </Button>
        ) : null}
      </Flex>
      <List
        size="small"
        loading={plans.isPending}
        dataSource={rows}
        locale={{ emptyText: t('accounting.collections.none') }}
        renderItem={(plan) => {
          const next = plan.lines.find((l) => l.status !== 'collected');
          return (
            <List.Item extra={formatAmount(plan.remaining, plan.currency)}>
              <Flex gap={8} wrap align="center">
                <Link to={`/accounting/collections/${plan.id}`}>
                  {plan.originNumber ?? formatDate(plan.createdAt)}
                </Link>
                {next ? (
                  <>
                    <Typography.Text type="secondary">{formatDate(next.dueDate)}</Typography.Text>
                    <LineStatusTag status={next.status} />
                  </>
                ) : null}
              </Flex>
            </List.Item>
          );
        }}
      />
    </Flex>
  );
}
