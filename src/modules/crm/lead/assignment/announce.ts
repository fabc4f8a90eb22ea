import type { Tx } from '../../../../platform/db/tx.ts';
import { notify } from '../../../../platform/notifications/notify.ts';
import { publish } from '../../../../platform/outbox/publish.ts';
import type { Actor } from '../../../../platform/permissions/actor.ts';

export interface AssignmentNews {
  leadId: string;
  label: string;
  fromUserId: string | null;
  toUserId: string | null;
  ruleId?: string | null;
  via: 'manual' | 'rule' | 'rule_fallback' | 'company_fallback';
}

/**
 * Tells the new owner (in-app) that a lead is theirs, the previous one that it left them, and writes
 * `lead.assigned`, all in the caller's transaction. Nobody is told about their own doing.
 */
export async function announceAssignment(tx: Tx, actor: Actor, news: AssignmentNews): Promise<void> {
  const link = `/crm/leads/${news.leadId}`;
  if (news.toUserId && news.toUserId !== actor.userId)
    await notify(tx, actor.companyId, [news.toUserId], {
      kind: 'crm.lead.assigned',
      title: { en: `New lead for you: ${news.label}`, 'zh-CN': `分配给您的新线索：${news.label}` },
      link,
    });
  if (news.fromUserId && news.fromUserId !== news.toUserId && news.fromUserId !== actor.userId)
    await notify(tx, actor.companyId, [news.fromUserId], {
      kind: 'crm.lead.reassigned',
      title: { en: `Lead reassigned: ${news.label}`, 'zh-CN': `线索已转给他人：${news.label}` },
      link,
    });
  await publish(tx, actor, {
    type: 'lead.assigned',
    aggregateType: 'lead',
    aggregateId: news.leadId,
    payload: {
      leadId: news.leadId,
      label: news.label,
      fromUserId: news.fromUserId,
      toUserId: news.toUserId,
      ruleId: news.ruleId ?? null,
      via: news.via,
      summary: `Lead ${news.label} assigned`,
    },
  });
}
