import { Card, Col, Flex, Progress, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { useLocalized } from '../../../i18n/localized.ts';
import { formatMoney } from '../shared/format.ts';
import { thisMonth, useTargetProgress } from '../targets/queries.ts';

/** This month's sales and collection targets (销售目标/回款目标) with how far each has got. */
export function TargetProgressStrip() {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const canRead = useHasPermission('crm.target.read');
  const progress = useTargetProgress(thisMonth(), canRead);
  const items = progress.data?.items ?? [];
  if (!canRead || items.length === 0) return null;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="target-progress">
      {items.map(({ target, achieved, percentage, source }) => (
        <Col key={target.id} xs={24} sm={12} xl={6}>
          <Card size="small">
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong ellipsis>
                {target.userName ?? pick(target.teamName) ?? t('common.none')}
              </Typography.Text>
              <Typography.Text type="secondary">{t(`crm.targets.kind.${target.kind}`)}</Typography.Text>
            </Flex>
            <Progress
              percent={Math.min(100, Number(percentage ?? 0))}
              format={() => `${percentage ?? 0}%`}
              size="small"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatMoney(achieved, null, i18n.language)} /{' '}
              {formatMoney(target.amount, target.currency, i18n.language)}
              {source === 'accounting' && Number(achieved) === 0
                ? ` · ${t('crm.customer.fromAccounting')}`
                : ''}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
