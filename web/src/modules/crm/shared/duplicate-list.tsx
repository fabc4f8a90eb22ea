import { Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DuplicateCandidate } from '../types.ts';

const REASON_COLORS: Record<string, string> = {
  tax_id: 'red',
  name: 'volcano',
  similar_name: 'orange',
  phone: 'gold',
  email: 'gold',
};

/** Why a record looks like another one, in words. */
export function ReasonTags({ reasons }: { reasons: string[] }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {reasons.map((reason) => (
        <Tag key={reason} color={REASON_COLORS[reason]} style={{ marginInlineEnd: 0 }}>
          {t(`crm.duplicates.reasons.${reason}`, { defaultValue: reason })}
        </Tag>
      ))}
    </Flex>
  );
}

function targetPath(candidate: DuplicateCandidate): string | null {
  if (!candidate.entity || candidate.entity === 'customer') return `/crm/customers/${candidate.id}`;
  if (candidate.entity === 'lead') return `/crm/leads/${candidate.id}`;
  return null;
}

/** Likely duplicates with their reasons; `extra` renders actions per candidate (merge, open). */
export function DuplicateList({
  candidates,
  extra,
}: {
  candidates: DuplicateCandidate[];
  extra?: (candidate: DuplicateCandidate) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      bordered
      dataSource={candidates}
      data-testid="duplicate-list"
      renderItem={(candidate) => {
        const path = targetPath(candidate);
        return (
          <List.Item extra={extra?.(candidate)}>
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Flex gap={8} align="baseline" wrap>
                {path ? (
                  <Link to={path} target="_blank">
                    {candidate.name}
                  </Link>
                ) : (
                  <Typography.Text>{candidate.name}</Typography.Text>
                )}
                {candidate.code ? <Typography.Text type="secondary">{candidate.code}</Typography.Text> : null}
                {candidate.entity && candidate.entity !== 'customer' ? (
                  <Tag>{t(`crm.duplicates.entity.${candidate.entity}`)}</Tag>
                ) : null}
              </Flex>
              <ReasonTags reasons={candidate.reasons ?? []} />
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
