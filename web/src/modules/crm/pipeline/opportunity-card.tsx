import { HolderOutlined, MoreOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLocalized } from '../../../i18n/localized.ts';
import { formatMoney } from '../shared/format.ts';
import type { Opportunity, Stage } from '../types.ts';

export const DRAG_TYPE = 'application/x-tandem-opportunity';

/**
 * A card of the kanban: drag it to another column (mouse), or use "Move to stage…" (keyboard,
 * touch screens, screen readers).
 */
export function OpportunityCard({
  opportunity,
  stages,
  canMove,
  onMove,
  highlighted,
}: {
  opportunity: Opportunity;
  stages: Stage[];
  canMove: boolean;
  onMove: (opportunity: Opportunity, stage: Stage) => void;
  highlighted?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const others = stages.filter((stage) => stage.id !== opportunity.stageId);

  return (
    <Card
      size="small"
      draggable={canMove}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, opportunity.id);
        event.dataTransfer.setData('text/plain', opportunity.name);
        event.dataTransfer.effectAllowed = 'move';
      }}
      style={{
        cursor: canMove ? 'grab' : undefined,
        borderColor: highlighted ? '#1668dc' : undefined,
        boxShadow: highlighted ? '0 0 0 2px rgba(22,104,220,0.2)' : undefined,
      }}
      styles={{ body: { padding: 10 } }}
      data-testid="opportunity-card"
      data-opportunity-id={opportunity.id}
    >
      <Flex gap={6} align="flex-start">
        {canMove ? <HolderOutlined style={{ color: '#bfbfbf', marginTop: 4 }} aria-hidden /> : null}
        <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong style={{ wordBreak: 'break-word' }}>
            {opportunity.name}
          </Typography.Text>
          {opportunity.customerName ? (
            <Link
              to={`/crm/customers/${opportunity.customerId}`}
              style={{ fontSize: 13, wordBreak: 'break-word' }}
            >
              {opportunity.customerName}
            </Link>
          ) : null}
          <Typography.Text style={{ fontSize: 13 }}>
            {formatMoney(opportunity.amount, opportunity.currency, i18n.language)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {opportunity.ownerName ?? t('crm.leads.unassigned')}
            {opportunity.expectedCloseDate ? ` · ${opportunity.expectedCloseDate}` : ''}
          </Typography.Text>
        </Flex>
        {canMove ? (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'move',
                  type: 'group',
                  label: t('crm.pipeline.moveTo'),
                  children: others.map((stage) => ({ key: stage.id, label: pick(stage.name) })),
                },
              ],
              onClick: ({ key }) => {
                const stage = others.find((item) => item.id === key);
                if (stage) onMove(opportunity, stage);
              },
            }}
          >
            <Button
              type="text"
              size="small"
              icon={<MoreOutlined />}
              aria-label={t('crm.pipeline.moveTo')}
              data-testid="move-menu"
            />
          </Dropdown>
        ) : null}
      </Flex>
    </Card>
  );
}
