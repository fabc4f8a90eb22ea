import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus, LeadStatus, OpportunityStatus } from '../types.ts';

const CUSTOMER_COLORS: Record<CustomerStatus, string> = {
  prospect: 'blue',
  active: 'green',
  dormant: 'orange',
  lost: 'default',
};

const LEAD_COLORS: Record<LeadStatus, string> = {
  new: 'blue',
  contacted: 'cyan',
  qualified: 'purple',
  converted: 'green',
  lost: 'default',
};

const OPPORTUNITY_COLORS: Record<OpportunityStatus, string> = { open: 'blue', won: 'green', lost: 'default' };

export function CustomerStatusTag({ status }: { status: CustomerStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Tag color={CUSTOMER_COLORS[status]}>{t(`crm.customerStatus.${status}`, { defaultValue: status })}</Tag>
  );
}

export function LeadStatusTag({ status }: { status: LeadStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return <Tag color={LEAD_COLORS[status]}>{t(`crm.leadStatus.${status}`, { defaultValue: status })}</Tag>;
}

export function OpportunityStatusTag({ status }: { status: OpportunityStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Tag color={OPPORTUNITY_COLORS[status]}>
      {t(`crm.opportunityStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** A customer's tags as antd Tags; nothing when there are none. */
export function TagList({ tags }: { tags: string[] | undefined }) {
  if (!tags || tags.length === 0) return null;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {tags.map((tag) => (
        <Tag key={tag} color="geekblue" style={{ marginInlineEnd: 0 }}>
          {tag}
        </Tag>
      ))}
    </span>
  );
}
